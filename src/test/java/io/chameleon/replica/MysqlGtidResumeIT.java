package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.MysqlGtidSet;
import io.chameleon.testing.MysqlServer;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL GTID sets as the replica's position ({@code gtid_enable: Yes}), where the stored file and
 * position lead nowhere: after the binlog files holding them are purged, and after a failover to
 * another server of the topology, which numbers its files and positions its own way. The source is
 * a MySQL server of the test's own with a second one replicating from it (SOURCE_AUTO_POSITION).
 * Afterwards every table compares equal value by value, and the catalogue's count of applied row
 * changes shows each was applied once. Tagged GTIDs (MySQL 8.3+) are part of the stream.
 */
class MysqlGtidResumeIT {
    private static final String[] TABLES = {"items", "order_lines"};
    private static final String KEYS = "    gtid_enable: Yes\n    sleep_loop: 1\n";
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static MysqlServer source;
    private static MysqlServer standby;

    @BeforeAll
    static void startTopology() throws Exception {
        source = MysqlServer.start(21);
        standby = MysqlServer.start(22);
        TestServers.Endpoint s = source.endpoint();
        try (Connection c = TestServers.mysqlConnection(standby.endpoint(), null); Statement st = c.createStatement()) {
            st.execute("CHANGE REPLICATION SOURCE TO SOURCE_HOST = '" + s.host() + "', SOURCE_PORT = " + s.port()
                    + ", SOURCE_USER = '" + s.user() + "', SOURCE_PASSWORD = '" + s.password() + "',"
                    + " SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1");
            st.execute("START REPLICA");
        }
    }

    @AfterAll
    static void stopTopology() throws Exception {
        if (standby != null) {
            standby.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    void resumesByGtidSetAfterItsBinlogIsPurged() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = initialised("gtid_purge", nextId);
        long replayedAtStop = fx.replayedRows();
        BinlogPosition stored = applied(fx);

        // the replica stopped at the end of a file that is purged once the transactions after it are in a new one
        fx.mysqlExec("FLUSH BINARY LOGS");
        MixedWorkload afterStop = new MixedWorkload(3, nextId);
        writeTransactions(fx, afterStop, 20, "");
        writeTransactions(fx, afterStop, 20, "nightly");
        purgeBinlogsBeforeCurrent(fx);
        assertThat(binlogFiles(fx)).as("the file the replica stopped in is purged").doesNotContain(stored.file());

        RunningReplica replica = RunningReplica.start(fx);
        writeTransactions(fx, afterStop, 10, "");
        awaitApplied(replica, source);

        assertThat(applied(fx).gtidSet()).as("a tagged GTID in the applied set").contains(":nightly:");
        assertEqualAndAppliedOnce(fx, replayedAtStop, afterStop.committedRowChanges());
    }

    @Test
    void followsTheSourceToAnotherServerOfItsTopology() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = initialised("gtid_failover", nextId);
        long replayedAtStop = fx.replayedRows();

        MixedWorkload afterStop = new MixedWorkload(4, nextId);
        writeTransactions(fx, afterStop, 20, "");
        writeTransactions(fx, afterStop, 10, "nightly");
        awaitStandby();
        // the failover: db_conn names the standby, which also takes writes of its own (its own UUID)
        ReplicaFixture moved = fx.onServer(standby.endpoint());
        writeTransactions(moved, afterStop, 20, "");

        RunningReplica replica = RunningReplica.start(moved);
        writeTransactions(moved, afterStop, 10, "");
        awaitApplied(replica, standby);

        try (Connection my = moved.mysql()) {
            assertThat(applied(moved).gtidSet()).isEqualTo(ReplicaCatchUp.sourceGtidPosition(my).gtidSet());
        }
        assertEqualAndAppliedOnce(moved, replayedAtStop, afterStop.committedRowChanges());
    }

    @Test
    void refusesToResumeWhenTheServerPurgedGtidsItNeeds() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = initialised("gtid_gone", nextId);
        writeTransactions(fx, new MixedWorkload(5, nextId), 10, "");
        fx.mysqlExec("FLUSH BINARY LOGS");
        purgeBinlogsBeforeCurrent(fx);

        RunningReplica replica = RunningReplica.start(fx);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (replica.failure() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        replica.stop();

        assertThat(replica.failure()).hasMessageContaining("has purged the binlogs of transactions the replica has"
                + " not applied").hasMessageContaining("@@gtid_purged").hasMessageContaining("run init_replica --source "
                + fx.sourceName);
    }

    /** A replica of a new schema on the source, initialised, that applied 30 transactions and stopped. */
    private static ReplicaFixture initialised(String prefix, AtomicInteger nextId) throws Exception {
        ReplicaFixture fx = MixedWorkload.addedSource(ReplicaFixture.create(prefix, KEYS, source.endpoint(),
                TestServers.postgres()), 1, 100, nextId);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        assertThat(applied(fx).gtidSet()).as("init_replica stores the snapshot's GTID set").contains(":");
        writeTransactions(fx, new MixedWorkload(2, nextId), 30, "");
        RunningReplica.catchUpOnce(fx);
        return fx;
    }

    /** @param tag the tag of the transactions' GTIDs, "" for none */
    private static void writeTransactions(ReplicaFixture fx, MixedWorkload workload, int count, String tag)
            throws SQLException {
        try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
            s.execute("SET gtid_next = 'AUTOMATIC" + (tag.isEmpty() ? "" : ":" + tag) + "'");
            for (int i = 0; i < count; i++) {
                workload.transaction(my);
            }
        }
    }

    /** Every binlog file but the current one purged, once the standby has what they hold. */
    private static void purgeBinlogsBeforeCurrent(ReplicaFixture fx) throws Exception {
        awaitStandby();
        try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
            List<String> files = binlogFiles(fx);
            s.execute("PURGE BINARY LOGS TO '" + files.get(files.size() - 1) + "'");
        }
    }

    private static List<String> binlogFiles(ReplicaFixture fx) throws SQLException {
        List<String> files = new ArrayList<>();
        try (Connection my = fx.mysql(); Statement s = my.createStatement(); ResultSet rs = s.executeQuery(
                "SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        }
        return files;
    }

    /** Waits until the standby has executed every GTID the source has. */
    private static void awaitStandby() throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (!executed(standby).containsAll(executed(source))) {
            assertThat(System.nanoTime()).as("the standby catches up with the source").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static MysqlGtidSet executed(MysqlServer server) throws SQLException {
        try (Connection c = TestServers.mysqlConnection(server.endpoint(), null); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@GLOBAL.gtid_executed")) {
            rs.next();
            return MysqlGtidSet.parse(rs.getString(1));
        }
    }

    /** Waits until the replica applied everything {@code server} executed, then stops it. */
    private static void awaitApplied(RunningReplica replica, MysqlServer server) throws Exception {
        try (Connection my = TestServers.mysqlConnection(server.endpoint(), null)) {
            replica.awaitApplied(ReplicaCatchUp.sourceGtidPosition(my), CATCH_UP);
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
    }

    private static void assertEqualAndAppliedOnce(ReplicaFixture fx, long replayedAtStop, long written)
            throws SQLException {
        for (String table : TABLES) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }
        assertThat(fx.replayedRows() - replayedAtStop).as("row changes applied after the restart, each once")
                .isEqualTo(written);
    }

    private static BinlogPosition applied(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName).applied();
        }
    }
}
