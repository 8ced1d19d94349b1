package io.chameleon.mysql;

import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * N worker connections reading the source in consistent snapshots, and the binlog coordinates
 * each table's copy corresponds to. The global read lock is held only while the workers open
 * their snapshots; where it is refused, a documented per-worker or per-table method is used.
 */
public final class ConsistentSnapshot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsistentSnapshot.class);
    private static final int ACCESS_DENIED = 1227;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    /**
     * How long FLUSH TABLES WITH READ LOCK may wait for running writes: while it waits, every
     * other writer waits behind it, so past this the copy takes the lock-free fallback instead.
     */
    static final int GLOBAL_LOCK_WAIT_SECONDS = 5;

    private final MysqlConnector connector;
    private final ServerInfo server;
    private final List<Connection> workers;
    private final List<BinlogPosition> workerPositions;
    private final SnapshotMethod method;
    private final long lockMillis;

    private ConsistentSnapshot(MysqlConnector connector, ServerInfo server, List<Connection> workers,
            List<BinlogPosition> positions, SnapshotMethod method, long lockMillis) {
        this.connector = connector;
        this.server = server;
        this.workers = workers;
        this.workerPositions = positions;
        this.method = method;
        this.lockMillis = lockMillis;
    }

    /** Opens {@code count} worker connections in one consistent point (or the fallback). */
    public static ConsistentSnapshot open(MysqlConnector connector, ServerInfo server, int count) throws SQLException {
        List<Connection> workers = new ArrayList<>();
        Connection locker;
        try {
            for (int i = 0; i < count; i++) {
                workers.add(connector.open());
            }
            locker = connector.open();
        } catch (SQLException | RuntimeException e) {
            workers.forEach(ConsistentSnapshot::closeQuietly);
            throw e;
        }
        return open(connector, server, workers, locker);
    }

    /**
     * Opens the snapshot on worker connections opened already, with {@code locker} for the lock
     * (closed here), so the moment the snapshot is asked for does not wait for connecting
     * (compare holds the replica meanwhile). The workers are closed on failure.
     */
    public static ConsistentSnapshot open(MysqlConnector connector, ServerInfo server, List<Connection> workers,
            Connection locker) throws SQLException {
        try {
            try (locker) {
                return globalLock(connector, server, locker, workers);
            } catch (SQLException e) {
                boolean timedOut = e.getErrorCode() == LOCK_WAIT_TIMEOUT;
                if (e.getErrorCode() != ACCESS_DENIED && !isLockRefused(e) && !timedOut) {
                    throw e;
                }
                LOG.warn("FLUSH TABLES WITH READ LOCK {} on {} ({}); falling back to {}",
                        timedOut ? "waited " + GLOBAL_LOCK_WAIT_SECONDS + " s for running writes" : "was refused",
                        connector.conn().describe(), e.getMessage(),
                        server.isMariaDb() ? "per-worker snapshots (MariaDB binlog_snapshot coordinates)"
                                : "per-table LOCK TABLES ... READ");
                return server.isMariaDb() ? perWorker(connector, server, workers) : perTable(connector, server, workers);
            }
        } catch (SQLException | RuntimeException e) {
            for (Connection c : workers) {
                closeQuietly(c);
            }
            throw e;
        }
    }

    private static boolean isLockRefused(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase();
        return m.contains("access denied") || m.contains("reload privilege");
    }

    private static ConsistentSnapshot globalLock(MysqlConnector connector, ServerInfo server, Connection locker,
            List<Connection> workers) throws SQLException {
        try (Statement s = locker.createStatement()) {
            s.execute("SET SESSION lock_wait_timeout = " + GLOBAL_LOCK_WAIT_SECONDS);
            long start = System.nanoTime();
            s.execute("FLUSH TABLES WITH READ LOCK");
            BinlogPosition pos;
            try {
                for (Connection w : workers) {
                    beginSnapshot(w);
                }
                pos = readPosition(locker, server);
            } finally {
                s.execute("UNLOCK TABLES");
            }
            long held = (System.nanoTime() - start) / 1_000_000;
            LOG.info("consistent snapshot at {} for {} workers; global read lock held {} ms", pos, workers.size(), held);
            List<BinlogPosition> positions = new ArrayList<>();
            workers.forEach(w -> positions.add(pos));
            return new ConsistentSnapshot(connector, server, workers, positions, SnapshotMethod.GLOBAL_LOCK, held);
        }
    }

    private static ConsistentSnapshot perWorker(MysqlConnector connector, ServerInfo server, List<Connection> workers)
            throws SQLException {
        List<BinlogPosition> positions = new ArrayList<>();
        for (Connection w : workers) {
            beginSnapshot(w);
            positions.add(mariaDbSnapshotPosition(w));
        }
        LOG.info("per-worker snapshots at {}", positions);
        return new ConsistentSnapshot(connector, server, workers, positions, SnapshotMethod.PER_WORKER, 0);
    }

    private static ConsistentSnapshot perTable(MysqlConnector connector, ServerInfo server, List<Connection> workers) {
        List<BinlogPosition> positions = new ArrayList<>();
        workers.forEach(w -> positions.add(null));
        return new ConsistentSnapshot(connector, server, workers, positions, SnapshotMethod.PER_TABLE, 0);
    }

    private static void beginSnapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
    }

    /** The binlog coordinates the server is at now (for a snapshot, call it while writes are locked out). */
    public static BinlogPosition readPosition(Connection c, ServerInfo server) throws SQLException {
        String file;
        long position;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(server.binaryLogStatusStatement())) {
            if (!rs.next()) {
                throw new SQLException("the binary log is off on the source (" + server.binaryLogStatusStatement()
                        + " returned nothing); enable log_bin: run 'chameleon check' for the exact setting");
            }
            file = rs.getString(1);
            position = rs.getLong(2);
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + server.gtidVariable())) {
            rs.next();
            return new BinlogPosition(file, position, gtid(server, rs.getString(1)));
        }
    }

    /** MariaDB's coordinates of this connection's own snapshot, read without any lock. */
    private static BinlogPosition mariaDbSnapshotPosition(Connection c) throws SQLException {
        String file = null;
        long position = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'binlog_snapshot_%'")) {
            while (rs.next()) {
                if (rs.getString(1).equalsIgnoreCase("Binlog_snapshot_file")) {
                    file = rs.getString(2);
                } else if (rs.getString(1).equalsIgnoreCase("Binlog_snapshot_position")) {
                    position = Long.parseLong(rs.getString(2));
                }
            }
        }
        if (file == null || file.isEmpty()) {
            throw new SQLException("the server reports no binlog_snapshot_file: is the binary log enabled?");
        }
        String gtid;
        try (var ps = c.prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
            ps.setString(1, file);
            ps.setLong(2, position);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                gtid = rs.getString(1);
            }
        }
        return new BinlogPosition(file, position, gtid); // MariaDB only: empty is a real position
    }

    /**
     * Makes worker {@code index} ready to copy {@code table} and returns the coordinates its rows
     * correspond to. Only the per-table method does work here.
     */
    public BinlogPosition prepareTable(int index, TableName table) throws SQLException {
        if (method != SnapshotMethod.PER_TABLE) {
            return workerPositions.get(index);
        }
        Connection w = workers.get(index);
        try (Connection locker = connector.open(); Statement ls = locker.createStatement();
                Statement ws = w.createStatement()) {
            ws.execute("COMMIT");
            ls.execute("LOCK TABLES " + MysqlNames.qualified(table) + " READ");
            try {
                beginSnapshot(w);
                // a read opens InnoDB's read view now, while writers are locked out
                ws.executeQuery("SELECT 1 FROM " + MysqlNames.qualified(table) + " LIMIT 0").close();
                BinlogPosition pos = readPosition(locker, server);
                workerPositions.set(index, pos);
                return pos;
            } finally {
                ls.execute("UNLOCK TABLES");
            }
        }
    }

    /**
     * A dedicated connection holding {@code LOCK TABLES t READ} for a non-transactional (MyISAM)
     * table, with the coordinates that match it. The lock lasts until the connection is closed,
     * so the table is copied consistent with its own coordinates.
     */
    public LockedTable lockNonTransactional(TableName table) throws SQLException {
        Connection c = connector.open();
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLES " + MysqlNames.qualified(table) + " READ");
            return new LockedTable(c, readPosition(c, server));
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** A connection with a table read-locked, and where in the binlog that lock was taken. */
    public record LockedTable(Connection connection, BinlogPosition position) implements AutoCloseable {
        @Override
        public void close() {
            try (Statement s = connection.createStatement()) {
                s.execute("UNLOCK TABLES");
            } catch (SQLException ignored) {
                // closing the connection releases the lock anyway
            }
            closeQuietly(connection);
        }
    }

    public Connection worker(int index) {
        return workers.get(index);
    }

    public int workerCount() {
        return workers.size();
    }

    public SnapshotMethod method() {
        return method;
    }

    /** True when every worker reads the same point, so one table may be split across workers. */
    public boolean shared() {
        return method == SnapshotMethod.GLOBAL_LOCK
                || (method == SnapshotMethod.PER_WORKER && workerPositions.stream().distinct().count() == 1);
    }

    /** The single point of a GLOBAL_LOCK snapshot; for the other methods, the first worker's. */
    public BinlogPosition position() {
        return workerPositions.get(0);
    }

    public long lockMillis() {
        return lockMillis;
    }

    @Override
    public void close() {
        for (Connection c : workers) {
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            } catch (SQLException ignored) {
                // the connection is closed next
            }
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to do with it
        }
    }

    /**
     * An empty MariaDB GTID position is a real position (no transaction yet: the stream's GTIDs
     * start from nothing); an empty MySQL gtid_executed means GTIDs are off. A MySQL set is kept
     * in the form the reader's end positions have ({@link MysqlGtidSet}: no newlines).
     */
    private static String gtid(ServerInfo server, String value) {
        if (value == null || server.isMariaDb()) {
            return value;
        }
        return value.isBlank() ? null : MysqlGtidSet.parse(value).toString();
    }
}
