package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The values replay adjusted under the source's value policies, per column and kind
 * ({@code sch_chameleon.stream_adjustments}): added to with each batch in the batch's transaction,
 * so a batch replayed after a crash is counted once, and listed by show_status.
 */
public final class StreamAdjustments {
    private final Connection connection;

    StreamAdjustments(Connection connection) {
        this.connection = connection;
    }

    /**
     * Adds a batch's adjustments; in the caller's transaction.
     *
     * @param last the end of the batch, recorded as the last position of each column's adjustments
     */
    void record(int sourceId, List<ColumnAdjustment> adjustments, BinlogPosition last) throws SQLException {
        if (adjustments.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO sch_chameleon.stream_adjustments AS a"
                + " (source_id, mysql_schema, mysql_table, column_name, kind, adjusted_values, first_binlog_file,"
                + " first_binlog_position, first_gtid_set, first_adjusted_at, last_binlog_file, last_binlog_position,"
                + " last_gtid_set, last_adjusted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp(), ?, ?, ?, clock_timestamp())"
                + " ON CONFLICT (source_id, mysql_schema, mysql_table, column_name, kind) DO UPDATE SET"
                + " adjusted_values = a.adjusted_values + excluded.adjusted_values,"
                + " last_binlog_file = excluded.last_binlog_file, last_binlog_position = excluded.last_binlog_position,"
                + " last_gtid_set = excluded.last_gtid_set, last_adjusted_at = excluded.last_adjusted_at")) {
            for (ColumnAdjustment a : adjustments) {
                s.setInt(1, sourceId);
                s.setString(2, a.table().schema());
                s.setString(3, a.table().table());
                s.setString(4, a.column());
                s.setString(5, a.kind());
                s.setLong(6, a.values());
                PositionColumns.bind(s, 7, a.first() == null ? last : a.first());
                PositionColumns.bind(s, 10, last);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Every column's adjustments since the source was added, by table, column and kind. */
    public List<ColumnAdjustment> list(int sourceId) throws SQLException {
        List<ColumnAdjustment> list = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT * FROM sch_chameleon.stream_adjustments"
                + " WHERE source_id = ? ORDER BY mysql_schema, mysql_table, column_name, kind")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new ColumnAdjustment(new TableName(rs.getString("mysql_schema"), rs.getString("mysql_table")),
                            rs.getString("column_name"), rs.getString("kind"), rs.getLong("adjusted_values"),
                            PositionColumns.read(rs, "first_")));
                }
            }
        }
        return list;
    }
}
