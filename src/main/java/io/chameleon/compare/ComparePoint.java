package io.chameleon.compare;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicaHold;
import io.chameleon.catalog.ReplicaHolds;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.ConsistentSnapshot;
import io.chameleon.mysql.MysqlConnector;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.pg.PgConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One binlog point P read on both sides: MySQL worker connections in one consistent snapshot at P
 * (a read lock of milliseconds, as init_replica takes), and PostgreSQL worker connections sharing
 * one REPEATABLE READ snapshot taken while the running replica holds at exactly P.
 *
 * <p>With a running replica: the hold is asked first (catalogue table replica_holds), so the
 * replica, which can only have read what the binlog had before P, applies up to where its reader
 * was and waits; the MySQL snapshot is then opened, P handed to the replica, and once the replica
 * reports that it holds at P the PostgreSQL snapshot is taken and the replica released at once.
 * The snapshot itself proves the hold: it must see the hold held and not resumed. A stopped replica
 * is compared only when it has applied everything up to P (nothing written since it stopped).
 */
final class ComparePoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComparePoint.class);
    /** How long the replica may hold before it goes on by itself (compare went away). */
    static final Duration HOLD_TIMEOUT = Duration.ofSeconds(60);
    /** How long the replica has to notice the request. */
    private static final Duration SEEN_WAIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 2;

    private final ConsistentSnapshot mysql;
    private final List<Connection> pg;
    private final BinlogPosition point;
    private final ReplicaHolds holds;
    private final int sourceId;
    private final boolean held;
    private HoldRenewal renewal;
    private boolean released;

    private ComparePoint(ConsistentSnapshot mysql, List<Connection> pg, BinlogPosition point, ReplicaHolds holds,
            int sourceId, boolean held) {
        this.mysql = mysql;
        this.pg = pg;
        this.point = point;
        this.holds = holds;
        this.sourceId = sourceId;
        this.held = held;
    }

    /**
     * Opens both snapshots at one point with {@code workers} connections on each side.
     *
     * @param catalogConnection an autocommit connection to the catalogue, used for the hold's steps
     * @param keepHolding whether the replica stays held at the point until {@link #release()} (a repair
     *     writes there), the hold renewed meanwhile; otherwise it is released as soon as both snapshots are open
     * @throws CompareRefused when the source cannot be compared now, with the reason and the fix
     */
    static ComparePoint open(Connection catalogConnection, PgConnector pgConnector, MysqlConnector mysqlConnector,
            ServerInfo server, SourceRecord source, int workers, boolean keepHolding) throws SQLException, InterruptedException {
        ReplicaHolds holds = Catalog.open(catalogConnection).holds();
        boolean running = source.status() == SourceStatus.RUNNING;
        ConsistentSnapshot mysql = null;
        boolean requested = false;
        List<Connection> pg = new ArrayList<>();
        List<Connection> mysqlWorkers = new ArrayList<>();
        Connection renewalConnection = null;
        try {
            if (running && keepHolding) {
                renewalConnection = pgConnector.open();
            }
            // connections are opened before the hold: connecting takes longer than the hold should
            for (int i = 0; i < workers; i++) {
                pg.add(pgConnector.open());
                mysqlWorkers.add(mysqlConnector.open());
            }
            Connection locker = mysqlConnector.open();
            mysqlWorkers.add(locker);
            if (running) {
                if (!holds.request(source.id(), HOLD_TIMEOUT)) {
                    throw new CompareRefused("another compare of source " + source.name() + " is running (asked since "
                            + holds.get(source.id()).requestedAt() + "); wait for it to end");
                }
                requested = true;
                awaitHold(holds, source, h -> h.seenAt() != null, SEEN_WAIT, "notice the request: is its process alive"
                        + " (show_status)?");
            }
            mysqlWorkers.remove(locker);
            mysql = ConsistentSnapshot.open(mysqlConnector, server, List.copyOf(mysqlWorkers), locker);
            mysqlWorkers.clear(); // the snapshot has them now
            if (!mysql.shared()) {
                throw new CompareRefused("compare needs every MySQL connection at one binlog point, and the global read"
                        + " lock was refused or timed out on " + mysqlConnector.conn().describe() + "; grant RELOAD to the"
                        + " replica's user (FLUSH TABLES WITH READ LOCK, held for milliseconds) and run compare again");
            }
            BinlogPosition point = mysql.position();
            if (running) {
                holds.target(source.id(), point);
                awaitHold(holds, source, h -> h.heldAt() != null, HOLD_TIMEOUT, "hold at " + point);
            } else if (source.applied() == null || source.applied().compareTo(point) != 0) {
                throw new CompareRefused("the replica of source " + source.name() + " is " + source.status().label()
                        + " at " + source.applied() + " and MySQL is at " + point + ": compare reads both at one point,"
                        + " so it needs a running replica (start_replica --source " + source.name() + ")");
            }
            String snapshot = exportSnapshot(pg.get(0));
            if (running && !heldInSnapshot(pg.get(0), source.id())) {
                throw new CompareRefused("the replica of source " + source.name() + " stopped holding at " + point
                        + " before PostgreSQL's snapshot was taken (" + holds.get(source.id()).resumedWhy()
                        + "); run compare again");
            }
            ComparePoint opened = new ComparePoint(mysql, pg, point, holds, source.id(), running);
            if (renewalConnection != null) {
                opened.renewal = new HoldRenewal(renewalConnection, source.id());
                renewalConnection = null;
            } else {
                // the snapshot is fixed once exported: the other workers import it after the replica goes on
                opened.release();
            }
            for (Connection c : pg.subList(1, pg.size())) {
                importSnapshot(c, snapshot);
            }
            return opened;
        } catch (SQLException | RuntimeException | InterruptedException e) {
            if (requested) {
                holds.release(source.id());
            }
            pg.forEach(ComparePoint::closeQuietly);
            mysqlWorkers.forEach(ComparePoint::closeQuietly);
            if (renewalConnection != null) {
                closeQuietly(renewalConnection);
            }
            if (mysql != null) {
                mysql.close();
            }
            throw e;
        }
    }

    private static void awaitHold(ReplicaHolds holds, SourceRecord source, Predicate<ReplicaHold> done, Duration limit,
            String what) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            ReplicaHold h = holds.get(source.id());
            if (h != null && done.test(h)) {
                return;
            }
            if (h == null || h.resumedAt() != null) {
                throw new CompareRefused("the replica of source " + source.name() + " did not hold ("
                        + (h == null ? "the request is gone" : h.resumedWhy()) + "); run compare again");
            }
            if (System.nanoTime() > deadline) {
                throw new CompareRefused("the replica of source " + source.name() + " did not " + what + " within "
                        + limit.toSeconds() + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static String exportSnapshot(Connection c) throws SQLException {
        begin(c);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Whether the exported snapshot shows the replica holding: it then has every change up to P and none after. */
    private static boolean heldInSnapshot(Connection c, int sourceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT held_at IS NOT NULL AND resumed_at IS NULL"
                + " FROM sch_chameleon.replica_holds WHERE source_id = ?")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void importSnapshot(Connection c, String snapshot) throws SQLException {
        begin(c);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
        }
    }

    private static void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
    }

    /** Lets the replica go on: both snapshots are open (and a repair, if any, is committed). Once only. */
    void release() throws SQLException {
        if (renewal != null) {
            renewal.close();
            renewal = null;
        }
        if (held && !released) {
            released = true;
            holds.release(sourceId);
            LOG.info("compare has what it needs at {}; the replica is released", point);
        }
    }

    BinlogPosition point() {
        return point;
    }

    long lockMillis() {
        return mysql.lockMillis();
    }

    int workers() {
        return pg.size();
    }

    Connection mysql(int worker) {
        return mysql.worker(worker);
    }

    Connection pg(int worker) {
        return pg.get(worker);
    }

    /** The hold as the replica finished it (waits a little for its resume); null for a stopped replica. */
    ReplicaHold hold() throws SQLException, InterruptedException {
        if (!held) {
            return null;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        ReplicaHold h = holds.get(sourceId);
        while (h != null && h.resumedAt() == null && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            h = holds.get(sourceId);
        }
        return h;
    }

    @Override
    public void close() {
        try {
            release(); // a repair that failed still lets the replica go on at once
        } catch (SQLException e) {
            LOG.warn("compare cannot release the replica ({}); it goes on by itself within {} s", e.getMessage(),
                    HOLD_TIMEOUT.toSeconds());
        }
        pg.forEach(ComparePoint::closeQuietly);
        mysql.close();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // a read-only snapshot: nothing to lose
        }
    }
}
