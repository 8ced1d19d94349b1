package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The hold compare asks of a running replica, one row per source. compare writes the request,
 * the target and the release; the replica writes what it saw and did. Each method is one
 * statement (autocommit on the callers' connections), so each step is visible to the other
 * process at once.
 */
public final class ReplicaHolds {
    private final Connection connection;

    ReplicaHolds(Connection connection) {
        this.connection = connection;
    }

    /**
     * Asks the replica of {@code sourceId} to hold; a finished hold of an earlier compare is replaced.
     *
     * @return false when another hold of the source has not resumed yet (a compare is running)
     */
    public boolean request(int sourceId, Duration timeout) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM sch_chameleon.replica_holds"
                + " WHERE source_id = ? AND resumed_at IS NOT NULL")) {
            s.setInt(1, sourceId);
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO sch_chameleon.replica_holds"
                + " (source_id, timeout_seconds) VALUES (?, ?) ON CONFLICT (source_id) DO NOTHING")) {
            s.setInt(1, sourceId);
            s.setLong(2, Math.max(1, timeout.toSeconds()));
            return s.executeUpdate() == 1;
        }
    }

    /** The source's hold that has not resumed yet, or null. */
    public ReplicaHold active(int sourceId) throws SQLException {
        ReplicaHold hold = get(sourceId);
        return hold == null || hold.resumedAt() != null ? null : hold;
    }

    /** The source's latest hold, resumed or not, or null. */
    public ReplicaHold get(int sourceId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT * FROM sch_chameleon.replica_holds"
                + " WHERE source_id = ?")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ReplicaHold(Jdbc.instant(rs, "requested_at"),
                        Duration.ofSeconds(rs.getInt("timeout_seconds")), Jdbc.instant(rs, "seen_at"),
                        PositionColumns.read(rs, "limit_"), PositionColumns.read(rs, "target_"),
                        Jdbc.instant(rs, "paused_at"), Jdbc.instant(rs, "held_at"),
                        Jdbc.instant(rs, "released_at"), Jdbc.instant(rs, "resumed_at"),
                        rs.getString("resumed_why"));
            }
        }
    }

    /** The replica saw the request with its reader at {@code limit}. */
    public void seen(int sourceId, BinlogPosition limit) throws SQLException {
        update(sourceId, "seen_at = clock_timestamp(), limit_binlog_file = ?, limit_binlog_position = ?,"
                + " limit_gtid_set = ?", limit);
    }

    /** compare's MySQL snapshot is at {@code target}. */
    public void target(int sourceId, BinlogPosition target) throws SQLException {
        update(sourceId, "target_binlog_file = ?, target_binlog_position = ?, target_gtid_set = ?", target);
    }

    /** The replica waits for the hold from now (recorded once). */
    public void paused(int sourceId) throws SQLException {
        update(sourceId, "paused_at = coalesce(paused_at, clock_timestamp())", null);
    }

    /** The replica has applied exactly up to the target and applies nothing more until resumed. */
    public void held(int sourceId) throws SQLException {
        update(sourceId, "held_at = clock_timestamp()", null);
    }

    /**
     * compare still needs the hold (a repair runs): the replica goes on by itself only {@code timeout}
     * from now, counted like the first timeout from when the replica saw the request.
     */
    public void extend(int sourceId, Duration timeout) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.replica_holds SET timeout_seconds"
                + " = ceil(extract(epoch FROM clock_timestamp() - coalesce(seen_at, requested_at)))::int + ?"
                + " WHERE source_id = ? AND resumed_at IS NULL")) {
            s.setLong(1, Math.max(1, timeout.toSeconds()));
            s.setInt(2, sourceId);
            s.executeUpdate();
        }
    }

    /** compare has what it needs: the replica may go on. */
    public void release(int sourceId) throws SQLException {
        update(sourceId, "released_at = coalesce(released_at, clock_timestamp())", null);
    }

    /** The replica goes on; {@code why}: released, timeout or restarted. */
    public void resumed(int sourceId, String why) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.replica_holds SET"
                + " resumed_at = clock_timestamp(), resumed_why = ? WHERE source_id = ? AND resumed_at IS NULL")) {
            s.setString(1, why);
            s.setInt(2, sourceId);
            s.executeUpdate();
        }
    }

    private void update(int sourceId, String set, BinlogPosition position) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.replica_holds SET " + set
                + " WHERE source_id = ? AND resumed_at IS NULL")) {
            int next = 1;
            if (position != null) {
                PositionColumns.bind(s, 1, position);
                next = 4;
            }
            s.setInt(next, sourceId);
            s.executeUpdate();
        }
    }
}
