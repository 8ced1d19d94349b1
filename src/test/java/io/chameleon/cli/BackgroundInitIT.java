package io.chameleon.cli;

import io.chameleon.testing.BackgroundProcess;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.ReplicaFixture.Run;
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
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * init_replica with {@code log_dest: file} and no --debug, as pg_chameleon runs it: the command
 * hands the load to a background JVM and returns; the load completes there and logs to log_dir.
 */
class BackgroundInitIT {
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(120);
    private static final String LOG_NAME = "test_mysql_init_replica";

    @Test
    void initReplicaDetachesAndTheBackgroundProcessCompletesTheLoad() throws Exception {
        ReplicaFixture fx = backgroundFixture("bg_init");
        fx.mysqlExec("CREATE TABLE t1 (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t1 SELECT seq, CONCAT('value ', seq) FROM seq_1_to_20000",
                "CREATE TABLE t2 (code VARCHAR(10) NOT NULL, UNIQUE KEY uq (code))",
                "INSERT INTO t2 VALUES ('a'), ('b'), ('c')");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        Path log = fx.dir.resolve("logs").resolve(LOG_NAME + ".log");

        long started = System.nanoTime();
        Run detach = fx.run("init_replica", "--source", fx.sourceName);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(detach.exitCode()).as(detach.all()).isZero();
        assertThat(took).as("init_replica returns once the child is started").isLessThan(Duration.ofSeconds(15));
        assertThat(detach.out()).contains("runs in the background").contains("log: " + log);
        BackgroundProcess child = BackgroundProcess.of(detach, fx.dir.resolve("logs"), LOG_NAME);
        try {
            // polls the status as a user polls show_status, until the load has ended one way or the other
            child.awaitWhileAlive(() -> !Set.of("ready", "initialising").contains(statuses(fx).get(0)), LOAD_TIMEOUT);
            assertThat(statuses(fx).get(0)).as(child.output()).isEqualTo("initialised");
            assertThat(child.awaitExit(Duration.ofSeconds(30))).as(child.output()).isTrue();

            assertThat(log).as(child.output()).isRegularFile();
            assertThat(Files.readString(log)).contains("init_replica of source mysql done: 2 tables (2 replicated,")
                    .contains("20,003 rows");
            assertThat(fx.diff("t1")).isEmpty();
            assertThat(fx.diff("t2")).isEmpty();
            Map<String, Object> json = JsonCheck.object(fx.ok("show_status", "--source", fx.sourceName, "--json").out());
            assertThat(json).containsEntry("status", "initialised").containsEntry("tables_copied", 2L)
                    .containsEntry("rows_copied", 20003L);
        } finally {
            child.killIfAlive();
        }
    }

    @Test
    void aSourceNotInTheCatalogueIsRefusedBeforeDetaching() throws Exception {
        ReplicaFixture fx = backgroundFixture("bg_noadd");
        fx.ok("create_replica_schema");

        Run r = fx.run("init_replica", "--source", fx.sourceName);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCode.REFUSED.code);
        assertThat(r.err()).contains("source 'mysql' is not in the replica catalogue", "add_source --source mysql");
        assertThat(r.out()).doesNotContain("background");
        assertThat(fx.dir.resolve("logs").resolve("test_mysql_init_replica.console")).doesNotExist();
    }

    @Test
    void failedChecksAreShownBeforeDetaching() throws Exception {
        ReplicaFixture fx = backgroundFixture("bg_check");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        // a mapped schema that does not exist in MySQL fails the checks
        try (Connection c = fx.mysql(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE `" + fx.mysqlSchema + "`");
        }

        Run r = fx.run("init_replica", "--source", fx.sourceName);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCode.CHECK_FAILED.code);
        assertThat(r.err()).contains(fx.mysqlSchema).contains("init_replica of mysql not started");
        assertThat(r.out()).doesNotContain("background");
        assertThat(statuses(fx)).containsExactly("ready");
    }

    /** The fixture with pg_chameleon's default logging: to files in log_dir, which sends init_replica to the background. */
    private static ReplicaFixture backgroundFixture(String prefix) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(prefix);
        fx.useConfig(fx.config().replace("log_dest: stdout\n", "log_dest: file\n"));
        return fx;
    }

    private static List<String> statuses(ReplicaFixture fx) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = fx.pg(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status FROM sch_chameleon.sources ORDER BY source_id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
