package io.chameleon.pgsource;

import io.chameleon.testing.PgStandbyPair;
import io.chameleon.testing.PgTableDiff;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;

import static io.chameleon.pgsource.PgSourceIT.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * init_replica from a streaming hot standby of the primary: PostgreSQL 10 and later export and
 * import snapshots on a standby, so the copy has the primary's rows and is consistent across
 * tables; check warns that replay may cancel a long copy while hot_standby_feedback is off.
 */
class PgSourceStandbyIT {
    private static PgStandbyPair pair;

    @BeforeAll
    static void startPair() throws Exception {
        pair = PgStandbyPair.start();
    }

    @AfterAll
    static void stopPair() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void aCopyFromAHotStandbyHasThePrimarysRowsInOneSnapshot() throws Exception {
        String db = TestServers.createPgDatabase(pair.primary(), "pgsrc");
        try (Connection p = TestServers.pgConnection(pair.primary(), db); Statement s = p.createStatement()) {
            for (String sql : List.of("CREATE SCHEMA src",
                    "CREATE TYPE src.mood AS ENUM ('sad', 'ok', 'happy')",
                    "CREATE TABLE src.people (id int PRIMARY KEY, name text NOT NULL, mood src.mood, balance numeric(12,2),"
                            + " born date, seen timestamptz, active boolean, tags text[])",
                    "INSERT INTO src.people SELECT g, 'person ' || g || ' ü', (ARRAY['sad','ok','happy'])[g % 3 + 1]::src.mood,"
                            + " g * 1.25, DATE '1970-01-01' + g, TIMESTAMPTZ '2024-03-31 02:30:00+02' + g * INTERVAL '1 hour',"
                            + " g % 2 = 0, ARRAY['t' || g, NULL] FROM generate_series(1, 2000) g",
                    "INSERT INTO src.people (id, name) VALUES (0, '')",
                    "CREATE TABLE src.notes (note text, n bigint, at time)",
                    "INSERT INTO src.notes VALUES ('same', 1, '12:00'), ('same', 1, '12:00'), (NULL, NULL, NULL),"
                            + " ('tab\there', -9223372036854775808, '24:00')")) {
                s.execute(sql);
            }
        }
        pair.awaitReplay();

        PgSourceFixture fx = PgSourceFixture.onSource(pair.standby(), db, "");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "pg1");
        assertThat(fx.ok("check", "--source", "pg1").out()).contains("is a hot standby with hot_standby_feedback off and"
                + " max_standby_streaming_delay 30s: replaying the primary's vacuum may cancel a long copy")
                .contains("set hot_standby_feedback = on on the standby, or copy from the primary");

        // log_dest: stdout logs to System.err: caught there to see the WARN init_replica's check logs
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        String out;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            out = fx.ok("init_replica", "--source", "pg1").out();
        } finally {
            System.setErr(err);
            err.print(log.toString(StandardCharsets.UTF_8));
        }

        // PostgreSQL 10 and later export a snapshot on a standby too: the copy is consistent
        assertThat(out).contains("init_replica of source pg1 done: 2 tables (1 with a key, 1 without)")
                .contains("2,005 rows").contains("consistent: every table read in snapshot");
        try (Connection p = TestServers.pgConnection(pair.primary(), db); Connection t = fx.target()) {
            for (String table : List.of("people", "notes")) {
                assertThat(PgTableDiff.diff(p, "src." + table, t, "dst." + table)).as(table).isEmpty();
            }
            assertThat(strings(t, "SELECT concat_ws(',', status, consistent::text) FROM sch_chameleon.sources"))
                    .containsExactly("initialised,true");
        }
        assertThat(log.toString(StandardCharsets.UTF_8).lines()).anyMatch(line -> line.contains(" WARN ")
                && line.contains("is a hot standby with hot_standby_feedback off"));
    }

    @Test
    void transactionsCommittedOnThePrimaryDuringTheCopyAreInAllTablesOrInNone() throws Exception {
        long rows = 300_000;
        String db = TestServers.createPgDatabase(pair.primary(), "pgsrc");
        Callable<Connection> primary = () -> TestServers.pgConnection(pair.primary(), db);
        try (Connection p = primary.call(); Statement s = p.createStatement()) {
            for (String sql : PgSourceConsistencyIT.transferTables(rows)) {
                s.execute(sql);
            }
        }
        pair.awaitReplay();
        PgSourceFixture fx = PgSourceFixture.onSource(pair.standby(), db, "    copy_workers: 3\n");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "pg1");

        // with feedback the standby keeps replaying during the copy (no conflict with recovery to wait for),
        // so workers that did not share one snapshot would see different transfers
        long[] around = new long[2];
        PgSourceFixture.Run init;
        standbyFeedback("on");
        try {
            assertThat(fx.ok("check", "--source", "pg1").out()).contains("is a hot standby: the copy reads every"
                    + " table in one snapshot exported there");
            init = PgSourceConsistencyIT.duringTransfers(primary, rows, around,
                    () -> fx.ok("init_replica", "--source", "pg1"));
        } finally {
            standbyFeedback("off");
        }

        assertThat(around[1] - around[0]).as("transfers committed during the copy").isGreaterThan(20);
        assertThat(init.out()).contains("consistent: every table read in snapshot");
        try (Connection t = fx.target()) {
            PgSourceConsistencyIT.assertBalanced(t, rows);
            // the standby replays behind the primary: the copy holds some of the transfers, in every table
            assertThat(Long.parseLong(strings(t, "SELECT count(*) FROM dst.journal WHERE amount > 0").get(0)))
                    .as("transfers in the copy").isBetween(1L, around[1]);
        }
    }

    private static void standbyFeedback(String value) throws Exception {
        try (Connection c = TestServers.pgConnection(pair.standby(), "postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET hot_standby_feedback = " + value);
            s.execute("SELECT pg_reload_conf()");
            for (int i = 0; i < 100 && !strings(c, "SHOW hot_standby_feedback").contains(value); i++) {
                Thread.sleep(50);
            }
        }
    }
}
