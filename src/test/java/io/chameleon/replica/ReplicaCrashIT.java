package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.BackgroundProcess;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.ReplicaFixture.Run;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * start_replica survives SIGKILL: it runs in the background as its own process while a writer runs
 * {@link MixedWorkload} (with its foreign-key tables, whose cascades the replica reproduces), and is
 * killed with SIGKILL at random moments ({@value #DEFAULT_KILLS} times,
 * {@code -Dchameleon.crash.kills=N} for more), each time started again over the running status and
 * the pid file the killed process left behind. Once the writer stops and the replica has caught up,
 * every table compares equal value by value (nothing missing), and the catalogue's count of
 * applied row changes equals the row changes written (nothing applied twice). With
 * {@code gtid_enable: Yes} the same holds resuming by GTID (MariaDB's position, MySQL's set).
 */
class ReplicaCrashIT {
    private static final int DEFAULT_KILLS = 5;
    private static final String[] TABLES = {"items", "order_lines", "parents", "children", "nulled", "toys"};
    private static final String LOG_NAME = "test_mysql_replica";
    /** A kill lands at a random moment within this long after the replica reports running. */
    private static final int MAX_MILLIS_BEFORE_KILL = 3000;

    @Test
    void survivesSigkillAtRandomMomentsUnderLoad() throws Exception {
        survivesKills("crash", "");
    }

    @Test
    void survivesSigkillResumingByGtid() throws Exception {
        survivesKills("crash_gtid", "    gtid_enable: Yes\n");
    }

    /** @param sourceKeys YAML lines added under the source */
    private static void survivesKills(String prefix, String sourceKeys) throws Exception {
        int kills = Integer.getInteger("chameleon.crash.kills", DEFAULT_KILLS);
        long seed = Long.getLong("chameleon.crash.seed", System.nanoTime());
        System.out.println("ReplicaCrashIT: " + kills + " kills, seed " + seed + " (replay with -Dchameleon.crash.seed="
                + seed + ")");
        Random random = new Random(seed);
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = ReplicaFixture.create(prefix, "    replica_batch_size: 50\n    sleep_loop: 1\n" + sourceKeys);
        fx.mysqlExec(MixedWorkload.foreignKeySchema().split(";"));
        MixedWorkload.addedSource(fx, random.nextLong(), 300, nextId);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        fx.useConfig(fx.config().replace("log_dest: stdout\n", "log_dest: file\n"));
        Path pidFile = fx.dir.resolve("pid").resolve("test_mysql.pid");

        BinlogPosition before = record(fx).applied();
        long replayedBefore = fx.replayedRows();
        long written;
        BackgroundProcess replica = null;
        try {
            try (WorkloadWriter writer = WorkloadWriter.start(fx, new MixedWorkload(random.nextLong(), nextId, true))) {
                for (int kill = 1; kill <= kills; kill++) {
                    replica = start(fx);
                    int millis = random.nextInt(MAX_MILLIS_BEFORE_KILL);
                    Thread.sleep(millis);
                    replica.kill();
                    SourceRecord left = record(fx);
                    System.out.println("ReplicaCrashIT: kill " + kill + "/" + kills + " after " + millis + " ms, applied "
                            + left.applied() + ", " + writer.transactions() + " transactions written");
                    // what a crash leaves behind, and the next start must accept
                    assertThat(left.status()).isEqualTo(SourceStatus.RUNNING);
                    assertThat(left.holder().pid()).isEqualTo(replica.pid());
                    assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(replica.pid()));
                }
                replica = start(fx);
                writer.finish();
                written = writer.rowChanges();
            }
            try (Connection my = fx.mysql()) {
                BackgroundProcess last = replica;
                ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my),
                        () -> last.isAlive() ? null : new AssertionError("the replica ended" + last.output()),
                        Duration.ofSeconds(120));
            }
            fx.ok("stop_replica", "--source", fx.sourceName);
        } finally {
            if (replica != null) {
                replica.killIfAlive();
            }
        }

        SourceRecord end = record(fx);
        assertThat(end.status()).isEqualTo(SourceStatus.STOPPED);
        assertThat(end.applied()).as("the replica applied changes between the kills").isNotEqualTo(before);
        assertThat(end.applied().includes(before)).as("the replica moved forward from " + before).isTrue();
        if (!sourceKeys.isEmpty()) {
            assertThat(end.applied().gtidSet()).as("the GTID state kept with the position").isNotBlank();
        }
        for (String table : TABLES) {
            assertThat(fx.diff(table)).as("%s (seed %d)", table, seed).isEmpty();
        }
        // the contents converge even if a batch is applied twice; the count, kept with the position, does not
        assertThat(fx.replayedRows() - replayedBefore).as("row changes applied, each once (seed %d)", seed)
                .isEqualTo(written);
    }

    /** start_replica in the background; returns once it reports running. */
    private static BackgroundProcess start(ReplicaFixture fx) {
        Run start = fx.run("start_replica", "--source", fx.sourceName);
        Path logs = fx.dir.resolve("logs");
        assertThat(start.exitCode()).as(start.all() + BackgroundProcess.logs(logs, LOG_NAME)).isZero();
        return BackgroundProcess.of(start, logs, LOG_NAME);
    }

    private static SourceRecord record(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName);
        }
    }
}
