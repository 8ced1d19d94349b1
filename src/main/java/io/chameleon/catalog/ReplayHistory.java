package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What replay applied, per source and minute ({@code sch_chameleon.replay_history}): added to with
 * each batch in the batch's transaction, summed over the last hour and day for show_status, and
 * pruned to the source's batch_retention.
 */
public final class ReplayHistory {
    private final Connection connection;

    ReplayHistory(Connection connection) {
        this.connection = connection;
    }

    /**
     * Adds the batch to its minute; one statement, so it commits or rolls back with the caller's transaction.
     *
     * @param adjustedValues values the batch adjusted under the source's value policies
     */
    void record(int sourceId, AppliedBatch batch, long adjustedValues) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO sch_chameleon.replay_history AS h"
                + " (source_id, minute_start, batches, transactions, row_changes, skipped_row_changes, ddl,"
                + " total_replay_lag, max_replay_lag, last_binlog_file, last_binlog_position, last_gtid_set, last_applied_at,"
                + " adjusted_values)"
                + " SELECT ?, date_trunc('minute', t.now), 1, ?, ?, ?, ?, t.now - t.source_time, t.now - t.source_time,"
                + " ?, ?, ?, t.now, ? FROM (SELECT clock_timestamp() AS now, ?::timestamptz AS source_time) t"
                + " ON CONFLICT (source_id, minute_start) DO UPDATE SET batches = h.batches + 1,"
                + " transactions = h.transactions + excluded.transactions, row_changes = h.row_changes + excluded.row_changes,"
                + " skipped_row_changes = h.skipped_row_changes + excluded.skipped_row_changes, ddl = h.ddl + excluded.ddl,"
                + " total_replay_lag = coalesce(h.total_replay_lag + excluded.total_replay_lag, h.total_replay_lag,"
                + " excluded.total_replay_lag), max_replay_lag = greatest(h.max_replay_lag, excluded.max_replay_lag),"
                + " last_binlog_file = excluded.last_binlog_file, last_binlog_position = excluded.last_binlog_position,"
                + " last_gtid_set = excluded.last_gtid_set, last_applied_at = excluded.last_applied_at,"
                + " adjusted_values = h.adjusted_values + excluded.adjusted_values")) {
            s.setInt(1, sourceId);
            s.setLong(2, batch.transactions());
            s.setLong(3, batch.rowChanges());
            s.setLong(4, batch.skippedRowChanges());
            s.setLong(5, batch.ddl());
            PositionColumns.bind(s, 6, batch.end());
            s.setLong(9, adjustedValues);
            Jdbc.setInstant(s, 10, batch.sourceTime());
            s.executeUpdate();
        }
    }

    /**
     * Deletes the minutes older than {@code retention} (batch_retention, a PostgreSQL interval);
     * returns how many rows went.
     */
    public int prune(int sourceId, String retention) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM sch_chameleon.replay_history"
                + " WHERE source_id = ? AND minute_start < date_trunc('minute', clock_timestamp() - ?::interval)")) {
            s.setInt(1, sourceId);
            s.setString(2, retention);
            return s.executeUpdate();
        }
    }

    /** The last hour's and the last day's totals, in that order (by the minute). */
    public List<ReplayWindow> windows(int sourceId) throws SQLException {
        List<ReplayWindow> windows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT w.period, h.*, d.discarded, e.errors"
                + " FROM (VALUES (1, 'last hour', interval '1 hour'), (2, 'last day', interval '1 day')) w (n, period, span),"
                + " LATERAL (SELECT coalesce(sum(batches), 0) AS batches, coalesce(sum(transactions), 0) AS transactions,"
                + "   coalesce(sum(row_changes), 0) AS row_changes, coalesce(sum(skipped_row_changes), 0) AS skipped,"
                + "   coalesce(sum(ddl), 0) AS ddl, coalesce(sum(adjusted_values), 0) AS adjusted,"
                + "   round(extract(epoch FROM sum(total_replay_lag)) * 1000 / sum(batches)) AS avg_lag_ms,"
                + "   round(extract(epoch FROM max(max_replay_lag)) * 1000) AS max_lag_ms"
                + "   FROM sch_chameleon.replay_history"
                + "   WHERE source_id = ? AND minute_start > clock_timestamp() - w.span) h,"
                + " LATERAL (SELECT count(*) AS discarded FROM sch_chameleon.discarded_rows"
                + "   WHERE source_id = ? AND discarded_at > clock_timestamp() - w.span) d,"
                + " LATERAL (SELECT count(*) AS errors FROM sch_chameleon.error_log"
                + "   WHERE source_id = ? AND error_at > clock_timestamp() - w.span) e"
                + " ORDER BY w.n")) {
            s.setInt(1, sourceId);
            s.setInt(2, sourceId);
            s.setInt(3, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    windows.add(new ReplayWindow(rs.getString("period"), rs.getLong("batches"), rs.getLong("transactions"),
                            rs.getLong("row_changes"), rs.getLong("skipped"), rs.getLong("ddl"), rs.getLong("discarded"),
                            rs.getLong("errors"), rs.getLong("adjusted"), millis(rs, "avg_lag_ms"),
                            millis(rs, "max_lag_ms")));
                }
            }
        }
        return windows;
    }

    private static Duration millis(ResultSet rs, String column) throws SQLException {
        Long ms = Jdbc.nullableLong(rs, column);
        return ms == null ? null : Duration.ofMillis(ms);
    }
}
