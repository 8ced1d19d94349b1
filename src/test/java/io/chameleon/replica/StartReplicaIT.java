package io.chameleon.replica;

import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * start_replica end to end: a writer runs during init_replica (its changes after the snapshot are
 * replayed once, those before are not doubled), then mixed transactions and one larger than the
 * batch size; the replica catches up with the binary log status and both sides are compared value by value.
 */
class StartReplicaIT {
    private static final String[] TABLES = {"items", "order_lines"};

    @Test
    void followsTheBinlogExactlyFromInitReplicasSnapshot() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = MixedWorkload.addedSource("start_replica", "    replica_batch_size: 50\n    sleep_loop: 1\n", 1,
                300, nextId);

        try (Connection my = fx.mysql()) {
            MixedWorkload during = new MixedWorkload(2, nextId);
            AtomicBoolean initDone = new AtomicBoolean();
            Thread init = new Thread(() -> {
                fx.ok("init_replica", "--source", "mysql", "--debug");
                initDone.set(true);
            });
            init.start();
            int duringInit = 0;
            while (!initDone.get() || duringInit < 20) {
                during.transaction(my);
                duringInit++;
            }
            init.join();
        }

        RunningReplica replica = RunningReplica.start(fx);
        try (Connection my = fx.mysql()) {
            MixedWorkload after = new MixedWorkload(3, nextId);
            for (int i = 0; i < 200; i++) {
                after.transaction(my);
            }
            after.bigInsert(my, 120);
            for (int i = 0; i < 50; i++) {
                after.transaction(my);
            }
        }
        replica.awaitCaughtUp(Duration.ofSeconds(60));
        assertThat(status(fx)).isEqualTo(SourceStatus.RUNNING);
        replica.stop();
        assertThat(replica.failure()).isNull();

        SourceRecord source = record(fx);
        assertThat(source.status()).isEqualTo(SourceStatus.STOPPED);
        assertThat(source.holder()).isNull();
        assertThat(source.consistent()).isTrue();
        for (String table : TABLES) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }

        resumesAsACommandAndStopsCleanlyOnSigterm(fx, nextId);
    }

    /** The command in its own process, from where the daemon stopped; SIGTERM ends it with 0 and status stopped. */
    private static void resumesAsACommandAndStopsCleanlyOnSigterm(ReplicaFixture fx, AtomicInteger nextId) throws Exception {
        Process command = fx.startReplicaProcess();
        try (Connection my = fx.mysql()) {
            MixedWorkload more = new MixedWorkload(4, nextId);
            for (int i = 0; i < 30; i++) {
                more.transaction(my);
            }
            ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my), () -> null,
                    Duration.ofSeconds(60));
        } finally {
            command.destroy(); // SIGTERM
        }
        assertThat(command.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(command.exitValue()).as(fx.startReplicaOutput()).isZero();
        assertThat(status(fx)).isEqualTo(SourceStatus.STOPPED);
        for (String table : TABLES) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }
    }

    @Test
    void refusesASourceNotInitialisedAndTheBackgroundMode() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("start_refused");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "mysql");

        ReplicaFixture.Run notInitialised = fx.run("start_replica", "--source", "mysql", "--debug");
        assertThat(notInitialised.exitCode()).as(notInitialised.all()).isEqualTo(4);
        assertThat(notInitialised.err()).contains("source mysql is ready", "init_replica");

        fx.useConfig(fx.config().replace("log_dest: stdout", "log_dest: file"));
        // in the background mode as well, the refusal is told on the terminal before detaching
        ReplicaFixture.Run background = fx.run("start_replica", "--source", "mysql");
        assertThat(background.exitCode()).as(background.all()).isEqualTo(4);
        assertThat(background.err()).contains("source mysql is ready", "init_replica");
        assertThat(background.out()).doesNotContain("background");
    }

    private static SourceStatus status(ReplicaFixture fx) throws SQLException {
        return record(fx).status();
    }

    private static SourceRecord record(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName);
        }
    }
}
