package io.chameleon.pgsource;

import io.chameleon.pg.Sql;
import io.chameleon.schema.TableName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a PostgreSQL source's copy builds after the rows: sequences with their values, defaults,
 * identities, keys, indexes, checks, comments, and foreign keys (NOT VALID, validated apart),
 * read from the source's catalogue and rewritten from the source schemas into the target ones.
 *
 * <p>Order: sequences exist before the defaults that call them and identities take theirs; keys
 * before indexes and foreign keys, which need the referenced key; checks and foreign keys last.
 */
public final class PostDataStructure {
    private final List<Step> sequences = new ArrayList<>();
    private final List<Step> defaults = new ArrayList<>();
    private final List<Step> ownership = new ArrayList<>();
    private final List<Step> keys = new ArrayList<>();
    private final List<Step> indexes = new ArrayList<>();
    private final List<Step> checks = new ArrayList<>();
    private final List<SourceConstraints.ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Step> comments = new ArrayList<>();
    private final List<Step> toValidate = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private PostDataStructure() {}

    /**
     * Reads, from the source connection (inside the copy's snapshot when there is one), what to
     * build after the rows for these source tables. schemaMap maps each source schema to the
     * target schema the tables are in when build() runs. Objects that refer to tables outside
     * {@code tables} are skipped and listed in warnings().
     */
    public static PostDataStructure read(Connection source, List<TableName> tables, Map<String, String> schemaMap)
            throws SQLException {
        CopiedTables copied = new CopiedTables(tables, schemaMap);
        PostDataStructure p = new PostDataStructure();
        String searchPath = currentSearchPath(source);
        // everything outside pg_catalog comes qualified, for SchemaRequalifier
        setSearchPath(source, "");
        try {
            p.warnMissing(source, copied);
            SourceSequences.read(source, copied, p.sequences, p.ownership, p.warnings::add);
            SourceDefaults.read(source, copied, p.defaults, p.warnings::add);
            SourceConstraints.read(source, copied, p.keys, p.checks, p.foreignKeys, p.comments, p.warnings::add);
            SourceIndexes.read(source, copied, p.indexes, p.comments, p.warnings::add);
            SourceComments.read(source, copied, p.comments);
            SourceLeftOut.read(source, copied, p.warnings::add);
        } finally {
            setSearchPath(source, searchPath);
        }
        return p;
    }

    /** Keys, indexes, checks, defaults, identities, sequences (with values), comments, FKs NOT VALID. */
    public void build(Connection target) throws SQLException {
        TargetStatements run = new TargetStatements(target, warnings::add);
        for (List<Step> phase : List.of(sequences, defaults, ownership, keys, indexes, checks)) {
            for (Step step : phase) {
                run.run(step);
            }
        }
        toValidate.clear();
        for (SourceConstraints.ForeignKey fk : foreignKeys) {
            if (run.run(fk.create()) && fk.validate() != null) {
                toValidate.add(fk.validate());
            }
        }
        for (Step step : comments) {
            run.run(step);
        }
    }

    /**
     * VALIDATE CONSTRAINT of every foreign key build() created; throws, naming each key its rows
     * break, after trying them all.
     */
    public void validateForeignKeys(Connection target) throws SQLException {
        TargetStatements run = new TargetStatements(target, warnings::add);
        SQLException failed = null;
        List<String> broken = new ArrayList<>();
        for (Step validate : toValidate) {
            try {
                run.execute(validate.sql());
            } catch (SQLException e) {
                broken.add(validate.what() + " is broken by the copied rows (" + e.getMessage() + "); it stays NOT VALID:"
                        + " mend the rows, then run " + validate.sql());
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw new SQLException(String.join("; ", broken), failed.getSQLState(), failed);
        }
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** A listed table the source does not have is a warning: nothing of it can be built. */
    private void warnMissing(Connection source, CopiedTables copied) throws SQLException {
        List<String> found = new ArrayList<>();
        copied.query(source, "SELECT nspname, relname FROM copied", rs -> found.add(rs.getString(1) + "." + rs.getString(2)));
        for (TableName t : copied.tables()) {
            if (!found.contains(t.schema() + "." + t.table())) {
                warnings.add("table " + t + " not found in the source: nothing built after its rows");
            }
        }
    }

    private static String currentSearchPath(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('search_path')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void setSearchPath(Connection c, String path) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT set_config('search_path', " + Sql.literal(path) + ", false)");
        }
    }
}
