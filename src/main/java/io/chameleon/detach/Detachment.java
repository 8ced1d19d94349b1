package io.chameleon.detach;

import io.chameleon.config.SourceConfig;
import io.chameleon.copy.ForeignKeys;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private final ForeignKeys foreignKeys;
    private int sequences;

    /** @param pg a connection with autocommit off */
    public Detachment(Connection pg, SourceConfig source) {
        this.pg = pg;
        this.source = source;
        this.foreignKeys = new ForeignKeys(source, this::warn);
    }

    /**
     * @param mysqlNext MySQL's next AUTO_INCREMENT value of each table that has one
     * @param keys MySQL's foreign keys of the mapped schemas
     */
    public void prepare(Map<TableName, Long> mysqlNext, List<ForeignKeyDef> keys) throws SQLException {
        resetSequences(mysqlNext);
        foreignKeys.create(pg, keys, true);
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
            Savepoint savepoint = pg.setSavepoint();
            try (PreparedStatement s = pg.prepareStatement("SELECT setval(?, greatest(coalesce(max(" + Sql.ident(o[2])
                    + ")::numeric, 0) + 1, ?)::bigint, false) FROM " + Sql.qualified(o[0], o[1]))) {
                s.setString(1, o[3]);
                s.setLong(2, next);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    LOG.info("sequence {} of {}.{}.{}: next value {}", o[3], o[0], o[1], o[2], rs.getLong(1));
                }
                pg.releaseSavepoint(savepoint);
                sequences++;
            } catch (SQLException e) {
                // a key past a sequence's range (bigint unsigned above 2^63 - 1)
                pg.rollback(savepoint);
                warn("sequence " + o[3] + " of " + o[0] + "." + o[1] + "." + o[2] + " not set: " + e.getMessage()
                        + "; set it yourself with SELECT setval('" + o[3] + "', ...)");
            }
        }
    }

    /**
     * Validates the keys {@link #prepare} created, each in its own transaction (the caller's has
     * committed): one that existing rows break stays NOT VALID, still checked for new rows.
     */
    public void validate() throws SQLException {
        pg.setAutoCommit(true);
        foreignKeys.validate(pg);
    }

    public int sequences() {
        return sequences;
    }

    public int foreignKeys() {
        return foreignKeys.created();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void warn(String message) {
        LOG.warn(message);
        warnings.add(message);
    }
}
