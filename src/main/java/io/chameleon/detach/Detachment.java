package io.chameleon.detach;

import io.chameleon.config.SourceConfig;
import io.chameleon.copy.IndexNamer;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes a source's PostgreSQL schemas work without the replica: every sequence behind an
 * auto_increment column is set past the column's highest value and MySQL's own counter, and
 * MySQL's foreign keys are created NOT VALID (checked for new rows at once, cheap to add), then
 * validated one by one. {@link #prepare} runs in the caller's transaction, which also drops the
 * source from the catalogue; {@link #validate} runs after it committed.
 */
public final class Detachment {
    private static final Logger LOG = LoggerFactory.getLogger(Detachment.class);

    private final Connection pg;
    private final SourceConfig source;
    private final List<String> warnings = new ArrayList<>();
    private final List<CreatedKey> created = new ArrayList<>();
    private int sequences;

    /** @param pg a connection with autocommit off */
    public Detachment(Connection pg, SourceConfig source) {
        this.pg = pg;
        this.source = source;
    }

    /**
     * @param mysqlNext MySQL's next AUTO_INCREMENT value of each table that has one
     * @param keys MySQL's foreign keys of the mapped schemas
     */
    public void prepare(Map<TableName, Long> mysqlNext, List<ForeignKeyDef> keys) throws SQLException {
        resetSequences(mysqlNext);
        for (ForeignKeyDef k : keys) {
            createNotValid(k);
        }
    }

    /** Sets each column-owned sequence (identities included) of the destination schemas past its column's values. */
    private void resetSequences(Map<TableName, Long> mysqlNext) throws SQLException {
        Map<String, String> mysqlSchemaOf = new HashMap<>();
        source.schemaMappings().forEach((mysql, target) -> mysqlSchemaOf.put(target, mysql));
        List<String[]> owned = new ArrayList<>();
        try (PreparedStatement s = pg.prepareStatement("SELECT n.nspname, c.relname, a.attname, pg_get_serial_sequence("
                + "quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) FROM pg_attribute a"
                + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped")) {
            s.setArray(1, pg.createArrayOf("text", mysqlSchemaOf.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(4) != null) {
                        owned.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
        }
        for (String[] o : owned) {
            long next = mysqlNext.getOrDefault(new TableName(mysqlSchemaOf.get(o[0]), o[1]), 1L);
            try (PreparedStatement s = pg.prepareStatement("SELECT setval(?, greatest(coalesce(max(" + Sql.ident(o[2])
                    + ")::numeric, 0) + 1, ?)::bigint, false) FROM " + Sql.qualified(o[0], o[1]))) {
                s.setString(1, o[3]);
                s.setLong(2, next);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    LOG.info("sequence {} of {}.{}.{}: next value {}", o[3], o[0], o[1], o[2], rs.getLong(1));
                }
            }
            sequences++;
        }
    }

    private void createNotValid(ForeignKeyDef k) throws SQLException {
        String table = source.targetSchema(k.table().schema());
        String referenced = source.targetSchema(k.referenced().schema());
        String what = "foreign key " + k.name() + " of " + k.table();
        if (referenced == null) {
            warn(what + " not created: it references " + k.referenced() + ", outside the source's schema_mappings");
            return;
        }
        String sql = "ALTER TABLE " + Sql.qualified(table, k.table().table()) + " ADD CONSTRAINT "
                + Sql.ident(IndexNamer.fit(k.name())) + " FOREIGN KEY (" + columns(k.columns()) + ") REFERENCES "
                + Sql.qualified(referenced, k.referenced().table()) + " (" + columns(k.referencedColumns()) + ") ON DELETE "
                + action(k.onDelete()) + " ON UPDATE " + action(k.onUpdate()) + " NOT VALID";
        try (Statement s = pg.createStatement()) {
            s.execute("SAVEPOINT foreign_key");
            try {
                s.execute(sql);
                s.execute("RELEASE SAVEPOINT foreign_key");
                created.add(new CreatedKey(Sql.qualified(table, k.table().table()), Sql.ident(IndexNamer.fit(k.name()))));
            } catch (SQLException e) {
                s.execute("ROLLBACK TO SAVEPOINT foreign_key");
                warn(what + " not created (" + sql + "): " + e.getMessage());
            }
        }
    }

    /**
     * Validates the keys {@link #prepare} created, each in its own transaction (the caller's has
     * committed): one that existing rows break stays NOT VALID, still checked for new rows.
     */
    public void validate() throws SQLException {
        pg.setAutoCommit(true);
        try (Statement s = pg.createStatement()) {
            for (CreatedKey k : created) {
                String sql = "ALTER TABLE " + k.tableSql() + " VALIDATE CONSTRAINT " + k.nameSql();
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    warn("foreign key " + k.nameSql() + " of " + k.tableSql() + " stays NOT VALID (PostgreSQL"
                            + " checks new rows, not the existing ones): " + e.getMessage() + "; mend the rows, then run "
                            + sql);
                }
            }
        }
    }

    public int sequences() {
        return sequences;
    }

    public int foreignKeys() {
        return created.size();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** A foreign key created NOT VALID, as SQL names. */
    private record CreatedKey(String tableSql, String nameSql) {}

    private static String columns(List<String> names) {
        return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    /** MySQL's referential actions are PostgreSQL's, spelled the same. */
    private static String action(String mysql) {
        return switch (mysql == null ? "NO ACTION" : mysql.toUpperCase(java.util.Locale.ROOT)) {
            case "CASCADE" -> "CASCADE";
            case "SET NULL" -> "SET NULL";
            case "SET DEFAULT" -> "SET DEFAULT";
            case "RESTRICT" -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private void warn(String message) {
        LOG.warn(message);
        warnings.add(message);
    }
}
