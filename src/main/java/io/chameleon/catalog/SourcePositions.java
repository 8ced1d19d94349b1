package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Where a source's replica stands in the binlog: the snapshot points init_replica leaves, the
 * applied position the applier commits with its data, and the times show_status computes lag from.
 * Each method is one statement, so it joins the caller's transaction when there is one.
 */
public final class SourcePositions {
    private final Connection connection;

    SourcePositions(Connection connection) {
        this.connection = connection;
    }

    /**
     * After init_replica: replay starts at {@code resumeFrom} (the earliest table snapshot point) and
     * the source is consistent once it passes {@code highWatermark} (the latest), at once when the
     * two are the same point.
     */
    public void recordSnapshot(int sourceId, BinlogPosition resumeFrom, BinlogPosition highWatermark)
            throws SQLException {
        try (PreparedStatement s = prepare("applied_binlog_file = ?, applied_binlog_position = ?,"
                + " applied_gtid_set = ?, high_watermark_binlog_file = ?, high_watermark_binlog_position = ?,"
                + " high_watermark_gtid_set = ?, consistent = ?")) {
            PositionColumns.bind(s, 1, resumeFrom);
            PositionColumns.bind(s, 4, highWatermark);
            s.setBoolean(7, resumeFrom.equals(highWatermark));
            execute(s, 8, sourceId);
        }
    }

    /** After sync_tables or refresh_schema copied some tables at a later point than replay has reached. */
    public void recordHighWatermark(int sourceId, BinlogPosition highWatermark) throws SQLException {
        try (PreparedStatement s = prepare("high_watermark_binlog_file = ?, high_watermark_binlog_position = ?,"
                + " high_watermark_gtid_set = ?, consistent = false")) {
            PositionColumns.bind(s, 1, highWatermark);
            execute(s, 4, sourceId);
        }
    }

    /**
     * The applier's commit point: call it in the transaction that applies the batch, so the
     * position is durable exactly when the rows it covers are. Adds the batch's counts to the
     * source's totals and to the replay history, in the same transaction. On a connection bound to
     * a lease ({@link SourceLease#bindTo}), only while that lease is the source's; on any other,
     * only while no process holds one.
     *
     * @throws LeaseLost when the lease is another process's: nothing may be committed
     */
    public void recordApplied(int sourceId, AppliedBatch batch) throws SQLException {
        recordApplied(sourceId, batch, List.of());
    }

    /**
     * As {@link #recordApplied(int, AppliedBatch)}, and adds the values the batch adjusted under the
     * source's value policies to the stream adjustments and the replay history, in the same
     * transaction: a batch replayed after a crash is counted once.
     */
    public void recordApplied(int sourceId, AppliedBatch batch, List<ColumnAdjustment> adjustments)
            throws SQLException {
        try (PreparedStatement s = prepare("applied_binlog_file = ?, applied_binlog_position = ?,"
                + " applied_gtid_set = ?, replay_source_time = ?, replayed_at = clock_timestamp(),"
                + " replayed_rows = replayed_rows + ?, replayed_ddl = replayed_ddl + ?, skipped_rows = skipped_rows + ?",
                " AND lease_token IS NOT DISTINCT FROM nullif(current_setting('" + SourceLease.SETTING + "', true), '')::uuid")) {
            PositionColumns.bind(s, 1, batch.end());
            Jdbc.setInstant(s, 4, batch.sourceTime());
            s.setLong(5, batch.rowChanges());
            s.setLong(6, batch.ddl());
            s.setLong(7, batch.skippedRowChanges());
            s.setInt(8, sourceId);
            if (s.executeUpdate() == 0) {
                throw leaseLost(sourceId);
            }
        }
        new ReplayHistory(connection).record(sourceId, batch,
                adjustments.stream().mapToLong(ColumnAdjustment::values).sum());
        new StreamAdjustments(connection).record(sourceId, adjustments, batch.end());
    }

    /**
     * The reader's progress, for read lag: the MySQL time of the newest event read, or of the
     * heartbeat when it has read everything.
     */
    public void recordRead(int sourceId, Instant sourceTime) throws SQLException {
        try (PreparedStatement s = prepare("read_source_time = ?, read_at = clock_timestamp()")) {
            Jdbc.setInstant(s, 1, sourceTime);
            execute(s, 2, sourceId);
        }
    }

    /**
     * Replay has passed the high watermark: every table now shows a state MySQL had; or init_replica
     * of a pgsql source (no replay) read every table in one snapshot.
     */
    public void markConsistent(int sourceId) throws SQLException {
        try (PreparedStatement s = prepare("consistent = true")) {
            execute(s, 1, sourceId);
        }
    }

    private PreparedStatement prepare(String assignments) throws SQLException {
        return prepare(assignments, "");
    }

    private PreparedStatement prepare(String assignments, String condition) throws SQLException {
        return connection.prepareStatement("UPDATE sch_chameleon.sources SET " + assignments + " WHERE source_id = ?"
                + condition);
    }

    private RuntimeException leaseLost(int sourceId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT source_name FROM sch_chameleon.sources"
                + " WHERE source_id = ?")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new CatalogException("no source with id " + sourceId + " in the replica catalogue");
                }
                return new SourceLifecycle(connection).lost(SourceTransition.START_REPLICA.command(), rs.getString(1));
            }
        }
    }

    private static void execute(PreparedStatement s, int idIndex, int sourceId) throws SQLException {
        s.setInt(idIndex, sourceId);
        if (s.executeUpdate() == 0) {
            throw new CatalogException("no source with id " + sourceId + " in the replica catalogue");
        }
    }
}
