package io.chameleon.replica;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.RestartableSource;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.chameleon.replica.OutageSupport.assertNoReaderThreads;
import static io.chameleon.replica.OutageSupport.assertTablesEqual;
import static io.chameleon.replica.OutageSupport.awaitCaughtUp;
import static io.chameleon.replica.OutageSupport.initialised;
import static io.chameleon.replica.OutageSupport.messages;
import static io.chameleon.replica.OutageSupport.outageUnderLoad;
import static io.chameleon.replica.OutageSupport.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source's MariaDB server restarts (a clean shutdown, then a start on the same port and data)
 * while an application writes to it and the replica streams: with on_error_read continue the
 * replica waits and resumes by itself; with exit it stops with status error and its position
 * untouched, and enable_replica + start_replica catch up later. Either way the tables compare
 * equal value by value at the end.
 */
class SourceOutageIT {
    private static RestartableSource mariaDb;

    @BeforeAll
    static void startPrivateMariaDb() throws Exception {
        mariaDb = RestartableSource.start();
    }

    @AfterAll
    static void removePrivateMariaDb() throws Exception {
        mariaDb.close();
    }

    @Test
    void continueWaitsForTheServerAndResumesByItself() throws Exception {
        ReplicaFixture fx = initialised("src_outage_cont", "continue", mariaDb.endpoint(), TestServers.postgres());
        ListAppender<ILoggingEvent> log = OutageSupport.capture(OutageRecovery.class);
        RunningReplica replica = RunningReplica.start(fx);

        long failedWrites = outageUnderLoad(fx, 11, mariaDb::restart);

        assertThat(failedWrites).as("the writer saw the server go").isPositive();
        awaitCaughtUp(fx, replica::failure);
        assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
        assertTablesEqual(fx);
        assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("source mysql: the MySQL server 127.0.0.1:"
                + mariaDb.endpoint().port(), "on_error_read continue", "next attempt in 1 s (retry 1)"));
        assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("answers again", "replication resumes"));
        replica.stop();
        assertThat(replica.failure()).isNull();
        assertThat(record(fx).status()).isEqualTo(SourceStatus.STOPPED);
        assertNoReaderThreads();
    }

    @Test
    void exitStopsWithStatusErrorAndEnableReplicaThenStartReplicaCatchUp() throws Exception {
        ReplicaFixture fx = initialised("src_outage_exit", "exit", mariaDb.endpoint(), TestServers.postgres());
        CompletableFuture<ReplicaFixture.Run> command = CompletableFuture.supplyAsync(
                () -> fx.run("start_replica", "--source", "mysql", "--debug"));
        AtomicReference<ReplicaFixture.Run> stopped = new AtomicReference<>();
        AtomicReference<SourceRecord> atStop = new AtomicReference<>();

        outageUnderLoad(fx, 12, () -> {
            mariaDb.stop();
            stopped.set(command.get(120, TimeUnit.SECONDS));
            atStop.set(record(fx));
            mariaDb.restart();
        });

        assertThat(stopped.get().exitCode()).as(stopped.get().all()).isEqualTo(1);
        assertThat(stopped.get().err()).contains("source mysql: the MySQL server 127.0.0.1:" + mariaDb.endpoint().port(),
                "on_error_read is exit", "status error", "enable_replica --source mysql", "start_replica --source mysql");
        assertThat(atStop.get().status()).isEqualTo(SourceStatus.ERROR);
        BinlogPosition applied = atStop.get().applied();
        assertThat(record(fx).applied()).as("nothing moves the position while stopped").isEqualTo(applied);
        assertThat(fx.pgStrings("SELECT message || ' at ' || binlog_file || ':' || binlog_position"
                + " FROM sch_chameleon.error_log")).singleElement().satisfies(e -> assertThat(e)
                        .contains("on_error_read is exit").endsWith(applied.file() + ":" + applied.position()));
        ReplicaFixture.Run refused = fx.run("start_replica", "--source", "mysql", "--debug");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
        assertThat(refused.err()).contains("error", "enable_replica");

        fx.ok("enable_replica", "--source", "mysql");
        Process process = fx.startReplicaProcess();
        try {
            awaitCaughtUp(fx, () -> null);
        } finally {
            process.destroy(); // SIGTERM
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(fx.startReplicaOutput()).isZero();
        assertThat(record(fx).status()).isEqualTo(SourceStatus.STOPPED);
        assertTablesEqual(fx);
    }
}
