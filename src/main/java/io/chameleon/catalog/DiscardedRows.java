package io.chameleon.catalog;

import io.chameleon.format.Json;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows the copy or replay could not write, recorded with the reason instead of failing the table.
 * Text PostgreSQL cannot hold (a NUL character) is recorded as the six characters {@code \u0000}.
 */
public final class DiscardedRows {
    private final Connection connection;

    DiscardedRows(Connection connection) {
        this.connection = connection;
    }

    public void record(int sourceId, DiscardedRow row) throws SQLException {
        recordAll(sourceId, List.of(row));
    }

    /** One round trip for the rows a chunk's row-by-row retry rejected. */
    public void recordAll(int sourceId, List<DiscardedRow> rows) throws SQLException {
        Transactions.atomically(connection, () -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO sch_chameleon.discarded_rows"
                    + " (source_id, mysql_schema, mysql_table, row_key, column_name, reason, row_image,"
                    + " binlog_file, binlog_position) VALUES (?, ?, ?, ?, ?, ?, ?::json, ?, ?)")) {
                for (DiscardedRow row : rows) {
                    s.setInt(1, sourceId);
                    s.setString(2, row.table().schema());
                    s.setString(3, row.table().table());
                    s.setString(4, Jdbc.storable(row.rowKey()));
                    s.setString(5, row.column());
                    s.setString(6, Jdbc.storable(row.reason()));
                    s.setString(7, row.rowImage() == null ? null : Json.compact(storable(row.rowImage())));
                    s.setString(8, row.position() == null ? null : row.position().file());
                    Jdbc.setNullableLong(s, 9, row.position() == null ? null : row.position().position());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    public long count(int sourceId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM sch_chameleon.discarded_rows WHERE source_id = ?")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The rows discarded from one table, oldest first. */
    public List<DiscardedRow> list(int sourceId, TableName table) throws SQLException {
        List<DiscardedRow> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT d.*, image.names, image.text_values"
                + " FROM sch_chameleon.discarded_rows d LEFT JOIN LATERAL (SELECT array_agg(key ORDER BY n) AS names,"
                + " array_agg(value ORDER BY n) AS text_values FROM json_each_text(d.row_image) WITH ORDINALITY"
                + " AS e(key, value, n)) image ON true"
                + " WHERE d.source_id = ? AND d.mysql_schema = ? AND d.mysql_table = ? ORDER BY d.discard_id")) {
            s.setInt(1, sourceId);
            s.setString(2, table.schema());
            s.setString(3, table.table());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String file = rs.getString("binlog_file");
                    rows.add(new DiscardedRow(table, rs.getString("row_key"), rs.getString("column_name"),
                            rs.getString("reason"), image(rs),
                            file == null ? null : new BinlogPosition(file, rs.getLong("binlog_position"), null),
                            Jdbc.instant(rs, "discarded_at")));
                }
            }
        }
        return rows;
    }

    private static Map<String, String> image(ResultSet rs) throws SQLException {
        if (rs.getString("row_image") == null) {
            return null;
        }
        Array names = rs.getArray("names");
        Map<String, String> image = new LinkedHashMap<>();
        if (names != null) {
            String[] keys = (String[]) names.getArray();
            String[] values = (String[]) rs.getArray("text_values").getArray();
            for (int i = 0; i < keys.length; i++) {
                image.put(keys[i], values[i]);
            }
        }
        return image;
    }

    private static Map<String, String> storable(Map<String, String> image) {
        Map<String, String> copy = new LinkedHashMap<>();
        image.forEach((k, v) -> copy.put(k, Jdbc.storable(v)));
        return copy;
    }
}
