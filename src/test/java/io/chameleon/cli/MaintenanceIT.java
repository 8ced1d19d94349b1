package io.chameleon.cli;

import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.ReplicaFixture.Run;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * run_maintenance, auto_maintenance, batch_retention and show_status's replay counters through the
 * commands, with the replica running in the background as a user runs it.
 */
class MaintenanceIT {
    private static final String ITEMS = "CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(20))";

    @Test
    void runMaintenanceVacuumsBesideTheRunningReplicaAndShowStatusCountsWhatWasReplayed() throws Exception {
        ReplicaFixture fx = loaded("maint_run", "    auto_maintenance: disabled\n");
        fx.ok("start_replica", "--source", fx.sourceName);
        try {
            // three MySQL transactions, 3,015 row changes: every row updated, 10 inserted, 5 deleted
            fx.mysqlExec("UPDATE items SET v = CONCAT(v, '+')");
            fx.mysqlExec("INSERT INTO items SELECT seq, 'new' FROM seq_3001_to_3010");
            fx.mysqlExec("DELETE FROM items WHERE id <= 5");
            awaitCaughtUp(fx);

            Map<String, Object> status = JsonCheck.object(fx.ok("show_status", "--source", fx.sourceName, "--json").out());
            assertThat(status).containsEntry("last_maintenance", null).containsEntry("next_maintenance", null);
            Map<?, ?> hour = (Map<?, ?>) ((Map<?, ?>) status.get("replay")).get("last_hour");
            assertThat(hour.get("transactions")).isEqualTo(3L);
            assertThat(hour.get("row_changes")).isEqualTo(3015L);
            assertThat((Long) hour.get("batches")).isBetween(1L, 3L);
            assertThat((Double) hour.get("max_replay_lag_seconds")).isGreaterThanOrEqualTo(0.0);
            String text = fx.ok("show_status", "--source", fx.sourceName).out();
            assertThat(text.lines().filter(l -> l.startsWith("last hour")).findFirst().orElseThrow().split("\\s+"))
                    .startsWith("last", "hour", String.valueOf(hour.get("batches")), "3", "3015", "0", "0", "0", "0");

            Run plain = fx.ok("run_maintenance", "--source", fx.sourceName);
            assertThat(plain.out()).startsWith("run_maintenance of source mysql: VACUUM (ANALYZE) of each table\n")
                    .contains(fx.pgSchema + ".items", "sch_chameleon.replay_history", "sch_chameleon.sources",
                            "deleted 0 minutes of replay history older than batch_retention (1 day)",
                            "next automatic maintenance: disabled")
                    .containsPattern("maintenance of source mysql done in [0-9.]+s: \\d+ tables vacuumed;");
            assertThat(plain.err()).isEmpty();
            assertThat(fx.pgStrings("SELECT relname FROM pg_stat_all_tables WHERE (schemaname = '" + fx.pgSchema
                    + "' OR schemaname = 'sch_chameleon') AND (last_vacuum IS NULL OR last_analyze IS NULL)")).isEmpty();
            assertThat(counters(fx)).containsPattern(" \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +disabled$");

            String fileBefore = relfilenode(fx);
            Run full = fx.ok("run_maintenance", "--source", fx.sourceName, "--full", "--json");
            assertThat(full.err()).contains("VACUUM FULL rewrites each table under an exclusive lock",
                    "the running replica of source mysql wait");
            Map<String, Object> report = JsonCheck.object(full.out());
            assertThat(report).containsEntry("source", "mysql").containsEntry("command", "VACUUM (FULL, ANALYZE)")
                    .containsKeys("seconds", "pruned_history_rows", "last_maintenance", "next_maintenance");
            Map<?, ?> items = ((List<?>) report.get("tables")).stream().map(t -> (Map<?, ?>) t)
                    .filter(t -> t.get("table").equals(fx.pgSchema + ".items")).findFirst().orElseThrow();
            assertThat(items.get("vacuumed")).isEqualTo(true);
            assertThat(items.get("note")).isNull();
            assertThat(relfilenode(fx)).as("VACUUM FULL rewrote the table").isNotEqualTo(fileBefore);

            // the replica goes on after the rewrite
            assertStillReplicates(fx, "UPDATE items SET v = 'after' WHERE id BETWEEN 100 AND 200",
                    "DELETE FROM items WHERE id = 300");
        } finally {
            fx.ok("stop_replica", "--source", fx.sourceName);
        }
    }

    @Test
    void aSecondRunIsRefusedAndATableLockedTooLongIsLeftOutAndSaidSo() throws Exception {
        ReplicaFixture fx = loaded("maint_lock", "");
        fx.useConfig(fx.config().replace("lock_timeout: \"30s\"", "lock_timeout: \"1s\""));
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("SELECT pg_advisory_lock(x'6d61696e'::int, 1)"); // what a run of source 1 holds
            Run second = fx.run("run_maintenance", "--source", fx.sourceName);
            assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCode.REFUSED.code);
            assertThat(second.err()).contains("a maintenance of source mysql is running already");
            s.execute("SELECT pg_advisory_unlock_all()");

            pg.setAutoCommit(false);
            s.execute("LOCK TABLE " + fx.pgSchema + ".items IN ACCESS EXCLUSIVE MODE");
            Run locked = fx.run("run_maintenance", "--source", fx.sourceName);
            pg.rollback();

            assertThat(locked.exitCode()).as(locked.all()).isEqualTo(ExitCode.FAILED.code);
            assertThat(locked.out()).containsPattern(fx.pgSchema + "\\.items .* not vacuumed: its lock was not granted"
                    + " within lock_timeout \\(1s\\)").contains("tables vacuumed, 1 not;");
            assertThat(locked.err()).contains("1 tables of source mysql were not vacuumed");
        }
    }

    @Test
    void theReplicaMaintainsEveryAutoMaintenanceIntervalAndPrunesTheHistoryToBatchRetention() throws Exception {
        ReplicaFixture fx = loaded("maint_auto", "    auto_maintenance: \"2 seconds\"\n    batch_retention: \"1 hour\"\n");
        fx.mysqlExec("UPDATE items SET v = 'one'");
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            // a day-old minute of history, which batch_retention makes the replica delete
            s.execute("INSERT INTO sch_chameleon.replay_history VALUES (1, date_trunc('minute', now()) - interval '1 day',"
                    + " 1, 1, 1, 0, 0, '1s', '1s', 'mysql-bin.000001', 4, NULL, now() - interval '1 day')");
        }
        Path log = fx.dir.resolve("logs").resolve("test_mysql_replica.log");
        fx.ok("start_replica", "--source", fx.sourceName);
        try {
            awaitCaughtUp(fx);
            long first = awaitMaintenanceAfter(fx, 0);
            awaitMaintenanceAfter(fx, first);
            assertThat(Files.readString(log)).containsPattern("auto_maintenance of source mysql: VACUUM \\(ANALYZE\\) of \\d+"
                    + " tables in \\d+ ms; next in 2 seconds");
            assertThat(fx.pgStrings("SELECT count(*) FROM sch_chameleon.replay_history"
                    + " WHERE minute_start < now() - interval '2 hours'")).containsExactly("0");
            assertThat(fx.pgStrings("SELECT sum(row_changes) FROM sch_chameleon.replay_history")).containsExactly("3000");
            assertThat(counters(fx)).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +(due|\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)$");

            assertStillReplicates(fx, "UPDATE items SET v = 'two' WHERE id < 50");
        } finally {
            fx.ok("stop_replica", "--source", fx.sourceName);
        }
    }

    @Test
    void anIntervalPostgresqlRefusesIsAConfigurationErrorNamingTheKey() throws Exception {
        ReplicaFixture fx = loaded("maint_badkey", "    batch_retention: \"999999999999 years\"\n");

        Run run = fx.run("run_maintenance", "--source", fx.sourceName);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.USAGE.code);
        assertThat(run.err()).contains("sources.mysql.batch_retention", "999999999999 years", "interval field value out of range");
    }

    /** A source with table items of 3,000 rows loaded by init_replica, replica in the background when started. */
    private static ReplicaFixture loaded(String name, String keys) throws Exception {
        System.setProperty("chameleon.allowRoot", "true"); // the tests run as root
        ReplicaFixture fx = ReplicaFixture.create(name, "    sleep_loop: 1\n" + keys);
        fx.mysqlExec(ITEMS, "INSERT INTO items SELECT seq, CONCAT('item ', seq) FROM seq_1_to_3000");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        fx.useConfig(fx.config().replace("log_dest: stdout\n", "log_dest: file\n"));
        return fx;
    }

    private static void awaitCaughtUp(ReplicaFixture fx) throws Exception {
        try (Connection my = fx.mysql()) {
            ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my), () -> null,
                    Duration.ofSeconds(60));
        }
    }

    /** The replica still follows: these changes arrive, and MySQL and PostgreSQL hold the same rows. */
    private static void assertStillReplicates(ReplicaFixture fx, String... statements) throws Exception {
        fx.mysqlExec(statements);
        awaitCaughtUp(fx);
        assertThat(fx.diff("items")).isEmpty();
    }

    /** The line of show_status --source under "Tables replicated ...". */
    private static String counters(ReplicaFixture fx) {
        return fx.ok("show_status", "--source", fx.sourceName).out().lines()
                .dropWhile(l -> !l.startsWith("Tables replicated")).skip(2).findFirst().orElseThrow();
    }

    private static String relfilenode(ReplicaFixture fx) throws Exception {
        return fx.pgStrings("SELECT pg_relation_filenode('" + fx.pgSchema + ".items')").get(0);
    }

    /** The source's last maintenance time, in microseconds since 1970, once it is later than {@code previous}. */
    private static long awaitMaintenanceAfter(ReplicaFixture fx, long previous) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String last = fx.pgStrings("SELECT (extract(epoch FROM last_maintenance_at) * 1000000)::bigint"
                    + " FROM sch_chameleon.sources").get(0);
            if (last != null && Long.parseLong(last) > previous) {
                return Long.parseLong(last);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no maintenance after " + previous + " within 60s");
    }
}
