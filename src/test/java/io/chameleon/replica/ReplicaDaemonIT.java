package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.testing.BackgroundProcess;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.ReplicaFixture.Run;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * start_replica with {@code log_dest: file} as a daemon: it detaches, its pid file appears, changes
 * arrive; a second start is refused; stop_replica stops it through the pid file (process gone, file
 * removed, status stopped) and a second stop_replica says it is not running.
 */
class ReplicaDaemonIT {
    private static final String LOG_NAME = "test_mysql_replica";

    @Test
    void startsInTheBackgroundAndStopReplicaStopsIt() throws Exception {
        System.setProperty("chameleon.allowRoot", "true"); // the tests run as root
        ReplicaFixture fx = ReplicaFixture.create("daemon", "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE t1 (id INT PRIMARY KEY, v VARCHAR(20))", "INSERT INTO t1 VALUES (1, 'one'), (2, 'two')");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        fx.useConfig(fx.config().replace("log_dest: stdout\n", "log_dest: file\n"));
        Path pidFile = fx.dir.resolve("pid").resolve("test_mysql.pid");
        Path logs = fx.dir.resolve("logs");
        Path log = logs.resolve(LOG_NAME + ".log");

        Run start = fx.run("start_replica", "--source", fx.sourceName);
        assertThat(start.exitCode()).as(start.all() + BackgroundProcess.logs(logs, LOG_NAME)).isZero();
        assertThat(start.out()).contains("runs in the background", "log: " + log, "pid file: " + pidFile);
        BackgroundProcess child = BackgroundProcess.of(start, logs, LOG_NAME);
        long pid = child.pid();
        try {
            assertThat(child.isAlive()).isTrue();
            assertThat(pidFile).isRegularFile();
            assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(pid));
            assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
            assertThat(record(fx).holder().pid()).isEqualTo(pid);

            fx.mysqlExec("INSERT INTO t1 VALUES (3, 'three')");
            assertThat(child.awaitWhileAlive(() -> fx.diff("t1").isEmpty(), Duration.ofSeconds(60)))
                    .as("the insert arrives" + child.output()).isTrue();
            assertThat(log).isRegularFile();
            assertThat(Files.readString(log)).contains("replica of source mysql starts at");

            Run again = fx.run("start_replica", "--source", fx.sourceName);
            assertThat(again.exitCode()).as(again.all()).isEqualTo(4);
            assertThat(again.err()).contains("running already", "pid " + pid, "stop_replica --source mysql");
            assertThat(again.err().lines().count()).isEqualTo(1);
            Run againDebug = fx.run("start_replica", "--source", fx.sourceName, "--debug");
            assertThat(againDebug.exitCode()).as(againDebug.all()).isEqualTo(4);
            assertThat(againDebug.err()).contains("running already");

            Run stop = fx.run("stop_replica", "--source", fx.sourceName);
            assertThat(stop.exitCode()).as(stop.all()).isZero();
            assertThat(stop.out()).contains("stopping the replica of source mysql (pid " + pid + ")",
                    "the replica of source mysql stopped");
            assertThat(child.isAlive()).isFalse();
            assertThat(pidFile).doesNotExist();
            SourceRecord after = record(fx);
            assertThat(after.status()).isEqualTo(SourceStatus.STOPPED);
            assertThat(after.holder()).isNull();
            assertThat(Files.readString(log)).contains("stop requested", "replica of source mysql stopped");

            Run stopAgain = fx.run("stop_replica", "--source", fx.sourceName);
            assertThat(stopAgain.exitCode()).as(stopAgain.all()).isZero();
            assertThat(stopAgain.out()).contains("the replica of source mysql is not running");

            // a pid file left by a replica killed with SIGKILL: stale, cleared
            Files.writeString(pidFile, "999999999\n");
            Run stale = fx.run("stop_all_replicas");
            assertThat(stale.exitCode()).as(stale.all()).isZero();
            assertThat(stale.out()).contains("is not running (removed the stale pid file " + pidFile + ")");
            assertThat(pidFile).doesNotExist();
        } finally {
            child.killIfAlive();
        }
    }

    private static SourceRecord record(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName);
        }
    }
}
