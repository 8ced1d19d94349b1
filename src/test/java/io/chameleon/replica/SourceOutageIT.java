package io.chameleon.replica;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.RestartableMariaDb;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.chameleon.replica.OutageSupport.assertNoReaderThreads;
import static io.chameleon.replica.OutageSupport.assertTablesEqual;
import static io.chameleon.replica.OutageSupport.awaitAppliedPast;
import static io.chameleon.replica.OutageSupport.initialised;
import static io.chameleon.replica.OutageSupport.messages;
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
    private static RestartableMariaDb mariaDb;

    @BeforeAll
    static void startPrivateServer() throws Exception {
        mariaDb = RestartableMariaDb.start();
    }

    @AfterAll
    static void stopPrivateServer() throws Exception {
        mariaDb.close();
    }

    @Test
    void continueWaitsForTheServerAndResumesByItself() throws Exception {
        ReplicaFixture fx = initialised("src_outage_cont", "continue", mariaDb.endpoint(), TestServers.postgres());
        BinlogPosition initial = record(fx).applied();
        ListAppender<ILoggingEvent> log = OutageSupport.capture(OutageRecovery.class);
        InProcessReplica replica = InProcessReplica.start(fx);
        try (RetryingWriter writer = new RetryingWriter(fx::mysql, 11, new AtomicInteger(1000))) {
            writer.awaitMore(100);
            awaitAppliedPast(fx, initial);
            mariaDb.restart();
            writer.awaitMore(100);
            assertThat(writer.failed()).as("the writer saw the server go").isPositive();
        }
        try (Connection my = fx.mysql()) {
            ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my), replica::failure,
                    Duration.ofSeconds(120));
        }
        assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
        assertTablesEqual(fx);
        assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("source mysql: the MySQL server 127.0.0.1:"
                + mariaDb.endpoint().port(), "on_error_read continue", "next attempt in 1 s (retry 1)"));
        assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("answers again", "replication resumes"));

        assertThat(replica.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(replica.failure()).isNull();
        assertThat(record(fx).status()).isEqualTo(SourceStatus.STOPPED);
        assertNoReaderThreads();
    }

    @Test
    void exitStopsWithStatusErrorAndEnableReplicaThenStartReplicaCatchUp() throws Exception {
        ReplicaFixture fx = initialised("src_outage_exit", "exit", mariaDb.endpoint(), TestServers.postgres());
        BinlogPosition initial = record(fx).applied();
        CompletableFuture<ReplicaFixture.Run> command = CompletableFuture.supplyAsync(
                () -> fx.run("start_replica", "--source", "mysql", "--debug"));
        BinlogPosition applied;
        try (RetryingWriter writer = new RetryingWriter(fx::mysql, 12, new AtomicInteger(1000))) {
            writer.awaitMore(100);
            awaitAppliedPast(fx, initial);
            mariaDb.stop();
            ReplicaFixture.Run stopped = command.get(120, TimeUnit.SECONDS);

            assertThat(stopped.exitCode()).as(stopped.all()).isEqualTo(1);
            assertThat(stopped.err()).contains("source mysql: the MySQL server 127.0.0.1:" + mariaDb.endpoint().port(),
                    "on_error_read is exit", "status error", "enable_replica --source mysql",
                    "start_replica --source mysql");
            SourceRecord after = record(fx);
            assertThat(after.status()).isEqualTo(SourceStatus.ERROR);
            applied = after.applied();
            assertThat(pg(fx, "SELECT message || ' at ' || binlog_file || ':' || binlog_position"
                    + " FROM sch_chameleon.error_log")).singleElement().satisfies(e -> assertThat(e)
                            .contains("on_error_read is exit").endsWith(applied.file() + ":" + applied.position()));

            mariaDb.restart();
            writer.awaitMore(100);
        }
        assertThat(record(fx).applied()).as("nothing moves the position while stopped").isEqualTo(applied);
        ReplicaFixture.Run refused = fx.run("start_replica", "--source", "mysql", "--debug");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
        assertThat(refused.err()).contains("error", "enable_replica");

        fx.ok("enable_replica", "--source", "mysql");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "chameleon.jar").toString(), "start_replica", "--config", fx.configFile.toString(),
                "--source", "mysql", "--debug")
                .redirectErrorStream(true).redirectOutput(fx.dir.resolve("start_replica.out").toFile()).start();
        try (Connection my = fx.mysql()) {
            ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my), () -> null,
                    Duration.ofSeconds(120));
        } finally {
            process.destroy(); // SIGTERM
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(fx.dir.resolve("start_replica.out"))).isZero();
        assertThat(record(fx).status()).isEqualTo(SourceStatus.STOPPED);
        assertTablesEqual(fx);
    }

    private static List<String> pg(ReplicaFixture fx, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection pg = fx.pg(); Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
