package io.chameleon.catalog;

import io.chameleon.config.SourceConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schema mappings the catalogue holds for each source, and {@code update_schema_mappings}. */
public final class SchemaMappings {
    private final Connection connection;

    SchemaMappings(Connection connection) {
        this.connection = connection;
    }

    /**
     * What update_schema_mappings changed.
     *
     * @param moved MySQL schemas whose PostgreSQL schema changed: mysql schema → {old, new}
     * @param added MySQL schemas mapped now, with their PostgreSQL schema (no table copied yet)
     * @param removed MySQL schemas no longer mapped, with the PostgreSQL schema they had (left in place)
     */
    public record Update(Map<String, List<String>> moved, Map<String, String> added, Map<String, String> removed) {
        public boolean none() {
            return moved.isEmpty() && added.isEmpty() && removed.isEmpty();
        }
    }

    /** MySQL schema → PostgreSQL schema, in MySQL schema order. */
    public Map<String, String> of(int sourceId) throws SQLException {
        return Jdbc.pairs(connection, "SELECT mysql_schema, pg_schema FROM sch_chameleon.schema_mappings"
                + " WHERE source_id = ? ORDER BY mysql_schema", sourceId);
    }

    /**
     * Makes the catalogue's mappings of the source those of its configuration: a changed
     * destination moves the source's tables with it (their rows follow by the foreign key), a
     * schema no longer mapped leaves the catalogue with its tables. Refuses a destination another
     * source writes into. Runs in the caller's transaction when one is open.
     */
    public Update update(int sourceId, SourceConfig source) throws SQLException {
        return Transactions.atomically(connection, () -> {
            CatalogLock.acquire(connection);
            new SchemaMappingCheck(connection, source, sourceId).refuseConflicts();
            Map<String, String> before = of(sourceId);
            Map<String, List<String>> moved = new LinkedHashMap<>();
            Map<String, String> added = new LinkedHashMap<>();
            Map<String, String> removed = new LinkedHashMap<>();
            before.forEach((mysql, pg) -> {
                String now = source.schemaMappings().get(mysql);
                if (now == null) {
                    removed.put(mysql, pg);
                } else if (!now.equals(pg)) {
                    moved.put(mysql, List.of(pg, now));
                }
            });
            source.schemaMappings().forEach((mysql, pg) -> {
                if (!before.containsKey(mysql)) {
                    added.put(mysql, pg);
                }
            });
            for (String mysql : removed.keySet()) {
                execute("DELETE FROM sch_chameleon.schema_mappings WHERE source_id = ? AND mysql_schema = ?",
                        sourceId, mysql);
            }
            // two steps, so that two schemas may swap their destinations
            for (String mysql : moved.keySet()) {
                execute("UPDATE sch_chameleon.schema_mappings SET pg_schema = pg_schema || ' (moving)'"
                        + " WHERE source_id = ? AND mysql_schema = ?", sourceId, mysql);
            }
            for (Map.Entry<String, List<String>> m : moved.entrySet()) {
                execute("UPDATE sch_chameleon.schema_mappings SET pg_schema = ? WHERE source_id = ? AND mysql_schema = ?",
                        m.getValue().get(1), sourceId, m.getKey());
            }
            for (Map.Entry<String, String> a : added.entrySet()) {
                execute("INSERT INTO sch_chameleon.schema_mappings (source_id, mysql_schema, pg_schema) VALUES (?, ?, ?)",
                        sourceId, a.getKey(), a.getValue());
            }
            return new Update(moved, added, removed);
        });
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    /** The mappings as a list, for reports. */
    List<SchemaMapping> list(int sourceId) throws SQLException {
        List<SchemaMapping> list = new ArrayList<>();
        of(sourceId).forEach((mysql, pg) -> list.add(new SchemaMapping(mysql, pg)));
        return list;
    }
}
