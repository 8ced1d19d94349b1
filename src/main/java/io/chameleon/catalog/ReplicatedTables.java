package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of each source: written by init_replica, sync_tables, refresh_schema and DDL replay,
 * read by the binlog reader for column order, keys and snapshot points.
 */
public final class ReplicatedTables {
    private static final String UPSERT = "INSERT INTO sch_chameleon.replicated_tables (source_id, mysql_schema,"
            + " mysql_table, pg_schema, pg_table, replicated, replica_key, not_replicated_reason, columns,"
            + " snapshot_binlog_file, snapshot_binlog_position, snapshot_gtid_set, rows_copied, bytes_copied, copied_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (source_id, mysql_schema, mysql_table) DO UPDATE SET pg_schema = EXCLUDED.pg_schema,"
            + " pg_table = EXCLUDED.pg_table, replicated = EXCLUDED.replicated, replica_key = EXCLUDED.replica_key,"
            + " not_replicated_reason = EXCLUDED.not_replicated_reason, columns = EXCLUDED.columns,"
            + " snapshot_binlog_file = EXCLUDED.snapshot_binlog_file,"
            + " snapshot_binlog_position = EXCLUDED.snapshot_binlog_position,"
            + " snapshot_gtid_set = EXCLUDED.snapshot_gtid_set, rows_copied = EXCLUDED.rows_copied,"
            + " bytes_copied = EXCLUDED.bytes_copied, copied_at = EXCLUDED.copied_at, definition = NULL,"
            + " updated_at = clock_timestamp()";

    private final Connection connection;

    ReplicatedTables(Connection connection) {
        this.connection = connection;
    }

    /**
     * After init_replica: exactly these tables for the source, inserted or updated, the others removed. What DDL
     * replay tracked for the former copy (definitions, schema character sets) goes: the next start reads it anew.
     */
    public void replaceAll(int sourceId, List<ReplicatedTable> tables) throws SQLException {
        Transactions.atomically(connection, () -> {
            upsert(sourceId, tables);
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM sch_chameleon.schema_charsets"
                    + " WHERE source_id = ?")) {
                s.setInt(1, sourceId);
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM sch_chameleon.replicated_tables"
                    + " WHERE source_id = ? AND (mysql_schema, mysql_table) NOT IN"
                    + " (SELECT * FROM unnest(?::text[], ?::text[]))")) {
                s.setInt(1, sourceId);
                s.setArray(2, textArray(tables.stream().map(t -> t.mysqlName().schema()).toList()));
                s.setArray(3, textArray(tables.stream().map(t -> t.mysqlName().table()).toList()));
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Inserts or updates these tables of the source (sync_tables, refresh_schema, CREATE/ALTER TABLE); their tracked
     * definitions are cleared, for the caller to save the new ones.
     */
    public void upsert(int sourceId, List<ReplicatedTable> tables) throws SQLException {
        Transactions.atomically(connection, () -> {
            refuseUnmapped(sourceId, tables);
            try (PreparedStatement s = connection.prepareStatement(UPSERT)) {
                for (ReplicatedTable t : tables) {
                    s.setInt(1, sourceId);
                    s.setString(2, t.mysqlName().schema());
                    s.setString(3, t.mysqlName().table());
                    s.setString(4, t.pgSchema());
                    s.setString(5, t.pgTable());
                    s.setBoolean(6, t.replicated());
                    s.setArray(7, t.replicaKey() == null ? null : textArray(t.replicaKey()));
                    s.setString(8, t.notReplicatedReason());
                    s.setString(9, columnsJson(t.columns()));
                    PositionColumns.bind(s, 10, t.snapshot());
                    Jdbc.setNullableLong(s, 13, t.rowsCopied());
                    Jdbc.setNullableLong(s, 14, t.bytesCopied());
                    Jdbc.setInstant(s, 15, t.copiedAt());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** DROP TABLE replayed, or a table no longer in the source's scope. */
    public void remove(int sourceId, TableName table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM sch_chameleon.replicated_tables"
                + " WHERE source_id = ? AND mysql_schema = ? AND mysql_table = ?")) {
            s.setInt(1, sourceId);
            s.setString(2, table.schema());
            s.setString(3, table.table());
            s.executeUpdate();
        }
    }

    /** The copy of one table has finished: counts for show_status and init_replica's progress. */
    public void markCopied(int sourceId, TableName table, long rows, long bytes) throws SQLException {
        update(sourceId, table, "rows_copied = ?, bytes_copied = ?, copied_at = clock_timestamp()", rows, bytes);
    }

    /** Leaves a table out of replay (on_error_replay: continue); the error log says why in detail. */
    public void disable(int sourceId, TableName table, String reason) throws SQLException {
        update(sourceId, table, "replicated = false, not_replicated_reason = ?", Jdbc.storable(reason));
    }

    /**
     * The definitions DDL replay tracks, as {@code TrackedTableJson} wrote them, by MySQL name;
     * tables without one (copied before DDL replay kept it, or no longer tracked) are absent.
     */
    public Map<TableName, String> definitions(int sourceId) throws SQLException {
        Map<TableName, String> definitions = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT mysql_schema, mysql_table, definition::text"
                + " FROM sch_chameleon.replicated_tables WHERE source_id = ? AND definition IS NOT NULL")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    definitions.put(new TableName(rs.getString(1), rs.getString(2)), rs.getString(3));
                }
            }
        }
        return definitions;
    }

    /** Keeps the definition DDL replay tracks for a table of the catalogue; null when it is no longer tracked. */
    public void saveDefinition(int sourceId, TableName table, String json) throws SQLException {
        update(sourceId, table, "definition = ?::jsonb", json);
    }

    /** {@link #saveDefinition} for many tables in one round trip, as init_replica records its copy. */
    public void saveDefinitions(int sourceId, Map<TableName, String> definitions) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.replicated_tables SET"
                + " definition = ?::jsonb, updated_at = clock_timestamp()"
                + " WHERE source_id = ? AND mysql_schema = ? AND mysql_table = ?")) {
            List<TableName> order = new ArrayList<>(definitions.keySet());
            for (TableName t : order) {
                s.setString(1, definitions.get(t));
                s.setInt(2, sourceId);
                s.setString(3, t.schema());
                s.setString(4, t.table());
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new CatalogException("table " + order.get(i) + " is not in the replica catalogue for source id "
                            + sourceId);
                }
            }
        }
    }

    /** The default character set of each MySQL schema as DDL replay tracks it. */
    public Map<String, String> schemaCharsets(int sourceId) throws SQLException {
        return Jdbc.pairs(connection, "SELECT mysql_schema, charset FROM sch_chameleon.schema_charsets"
                + " WHERE source_id = ?", sourceId);
    }

    /** Replaces the tracked default character sets of the source's schemas. */
    public void saveSchemaCharsets(int sourceId, Map<String, String> charsets) throws SQLException {
        Transactions.atomically(connection, () -> {
            try (PreparedStatement d = connection.prepareStatement("DELETE FROM sch_chameleon.schema_charsets"
                    + " WHERE source_id = ?")) {
                d.setInt(1, sourceId);
                d.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO sch_chameleon.schema_charsets"
                    + " (source_id, mysql_schema, charset) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : charsets.entrySet()) {
                    s.setInt(1, sourceId);
                    s.setString(2, e.getKey());
                    s.setString(3, e.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** The source's tables by MySQL name, with their columns in ordinal order. */
    public List<ReplicatedTable> list(int sourceId) throws SQLException {
        Map<TableName, List<TrackedColumn>> columns = columns(sourceId);
        List<ReplicatedTable> tables = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT * FROM sch_chameleon.replicated_tables"
                + " WHERE source_id = ? ORDER BY mysql_schema, mysql_table")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    TableName name = new TableName(rs.getString("mysql_schema"), rs.getString("mysql_table"));
                    Array key = rs.getArray("replica_key");
                    tables.add(new ReplicatedTable(name, rs.getString("pg_schema"), rs.getString("pg_table"),
                            rs.getBoolean("replicated"), key == null ? null : List.of((String[]) key.getArray()),
                            rs.getString("not_replicated_reason"), columns.getOrDefault(name, List.of()),
                            PositionColumns.read(rs, "snapshot_"), Jdbc.nullableLong(rs, "rows_copied"),
                            Jdbc.nullableLong(rs, "bytes_copied"), Jdbc.instant(rs, "copied_at")));
                }
            }
        }
        return tables;
    }

    private Map<TableName, List<TrackedColumn>> columns(int sourceId) throws SQLException {
        Map<TableName, List<TrackedColumn>> columns = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT t.mysql_schema, t.mysql_table,"
                + " c->>'name', c->>'data_type', c->>'column_type', c->>'pg_type', (c->>'nullable')::boolean,"
                + " (c->>'unsigned')::boolean, c->>'charset',"
                + " ARRAY(SELECT jsonb_array_elements_text(c->'enum_values')), (c->>'generated')::boolean"
                + " FROM sch_chameleon.replicated_tables t, jsonb_array_elements(t.columns) WITH ORDINALITY AS e(c, n)"
                + " WHERE t.source_id = ? ORDER BY t.mysql_schema, t.mysql_table, e.n")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(new TableName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new TrackedColumn(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                    rs.getBoolean(7), rs.getBoolean(8), rs.getString(9),
                                    List.of((String[]) rs.getArray(10).getArray()), rs.getBoolean(11)));
                }
            }
        }
        return columns;
    }

    /** A table must go to the PostgreSQL schema its MySQL schema is mapped to for this source. */
    private void refuseUnmapped(int sourceId, List<ReplicatedTable> tables) throws SQLException {
        Map<String, String> mappings = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT mysql_schema, pg_schema"
                + " FROM sch_chameleon.schema_mappings WHERE source_id = ? ORDER BY mysql_schema")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    mappings.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        for (ReplicatedTable t : tables) {
            if (!t.pgSchema().equals(mappings.get(t.mysqlName().schema()))) {
                throw new CatalogException("table " + t.mysqlName() + " cannot be recorded into PostgreSQL schema '"
                        + t.pgSchema() + "': the catalogue maps the schemas of source id " + sourceId + " as "
                        + mappings + " (run update_schema_mappings after changing schema_mappings)");
            }
        }
    }

    private void update(int sourceId, TableName table, String assignments, Object... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.replicated_tables SET "
                + assignments + ", updated_at = clock_timestamp()"
                + " WHERE source_id = ? AND mysql_schema = ? AND mysql_table = ?")) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.setInt(values.length + 1, sourceId);
            s.setString(values.length + 2, table.schema());
            s.setString(values.length + 3, table.table());
            if (s.executeUpdate() == 0) {
                throw new CatalogException("table " + table + " is not in the replica catalogue for source id "
                        + sourceId);
            }
        }
    }

    private Array textArray(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(new String[0]));
    }

    private static String columnsJson(List<TrackedColumn> columns) {
        return "[" + String.join(",", columns.stream().map(TrackedColumn::toJson).toList()) + "]";
    }
}
