package io.chameleon.replica;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.MetricsScrape;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static io.chameleon.replica.OutageSupport.capture;
import static io.chameleon.replica.OutageSupport.messages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values the stream adjusts under the value policies (the defaults, zero_dates: null and nul_chars:
 * strip), written while the replica runs by a session with a relaxed sql_mode: zero and partly-zero
 * dates, days a month does not have (ALLOW_INVALID_DATES) and NUL characters. Each column is logged
 * at once with the position of the transaction that wrote the first value, then at most once a
 * minute with the count since; every value is counted in show_status, the replay history and the
 * metrics; a batch rolled back and applied again is counted once; PostgreSQL holds what the policy
 * says, compared value by value.
 */
class StreamAdjustmentsIT {
    private static final String ZERO = "ZERO_DATE_TO_NULL";
    private static final String INVALID = "INVALID_DATE_TO_NULL";
    private static final String NUL = "NUL_CHAR_STRIPPED";

    @Test
    void adjustedValuesAreLoggedAndCountedOnce() throws Exception {
        int port = MetricsScrape.freePort();
        ReplicaFixture fx = ReplicaFixture.create("adjust", "    sleep_loop: 1\n    on_error_replay: exit\n"
                + "    metrics_port: " + port + "\n");
        fx.mysqlExec("CREATE TABLE events (id int PRIMARY KEY, d date NULL, dt datetime NULL, note varchar(40) NULL,"
                + " body text NULL)", "CREATE TABLE checked (id int PRIMARY KEY, v int)",
                "INSERT INTO events VALUES (1, '2021-04-30', '2021-04-30 10:00:00', 'plain', 'plain')");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "mysql");
        fx.ok("init_replica", "--source", "mysql", "--debug");
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("ALTER TABLE " + fx.pgSchema + ".checked ADD CONSTRAINT small CHECK (v < 100)");
        }
        String events = fx.mysqlSchema + ".events";
        ListAppender<ILoggingEvent> log = capture(AdjustmentLog.class);
        Map<String, Long> expected = new TreeMap<>();

        RunningReplica replica = RunningReplica.start(fx);
        BinlogPosition p1;
        BinlogPosition p2;
        try {
            p1 = write(fx, replica, "INSERT INTO events VALUES (2, '0000-00-00', '2021-04-31 10:00:00', ?, NULL)",
                    "a\u0000b");
            expected.put("d " + ZERO, 1L);
            expected.put("dt " + INVALID, 1L);
            expected.put("note " + NUL, 1L);
            awaitLines(log, 3);
            assertLogged(log, events + ".d: 1 zero or partly-zero dates stored as NULL", p1);
            assertLogged(log, events + ".dt: 1 impossible dates such as Feb 30 stored as NULL", p1);
            assertLogged(log, events + ".note: 1 values with NUL characters stored without them", p1);

            // one transaction: a new row, and row 2 written again with its adjusted dates
            p2 = write(fx, replica, "INSERT INTO events VALUES (3, '2021-02-30', '0000-00-00 00:00:00', NULL, ?)",
                    "x\u0000y\u0000z", "UPDATE events SET note = ? WHERE id = 2", "c\u0000d");
            expected.merge("d " + ZERO, 1L, Long::sum);
            expected.put("d " + INVALID, 1L);
            expected.merge("dt " + INVALID, 1L, Long::sum);
            expected.put("dt " + ZERO, 1L);
            expected.merge("note " + NUL, 1L, Long::sum);
            expected.put("body " + NUL, 1L);
            // only the column not logged yet: the others wait for their minute
            awaitLines(log, 4);
            assertLogged(log, events + ".body: 1 values with NUL characters stored without them", p2);

            awaitMetrics(port, fx.mysqlSchema, expected);
            assertThat(counted(fx)).isEqualTo(expected);
            assertThat(firstPositions(fx)).containsEntry("d " + ZERO, p1.file() + ":" + p1.position())
                    .containsEntry("d " + INVALID, p2.file() + ":" + p2.position())
                    .containsEntry("body " + NUL, p2.file() + ":" + p2.position());
            assertShowStatus(fx, expected);
            reattach(log);
            assertThat(replayHistory(fx)).isEqualTo(9);
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        // at the stop, what waited for its minute, with the position of the first of it
        assertThat(messages(log)).hasSize(7);
        assertLogged(log, events + ".d: 1 zero or partly-zero dates stored as NULL (zero_dates: null), 1 impossible"
                + " dates such as Feb 30 stored as NULL (zero_dates: null) since ", p2);
        assertLogged(log, events + ".note: 1 values with NUL characters stored without them (nul_chars: strip) since ",
                p2);

        // a batch that adjusted a value but failed on another table is rolled back, then applied again
        fx.mysqlExec("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'", "START TRANSACTION",
                "INSERT INTO events VALUES (4, '2022-00-10', NULL, NULL, NULL)", "INSERT INTO checked VALUES (1, 500)",
                "COMMIT");
        RunningReplica failing = RunningReplica.start(fx);
        assertThat(failing.awaitEnd(Duration.ofSeconds(60))).as("the replica stops on the refused row").isTrue();
        assertThat(failing.failure()).hasMessageContaining("rolled back");
        assertThat(counted(fx)).isEqualTo(expected);
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("ALTER TABLE " + fx.pgSchema + ".checked DROP CONSTRAINT small");
        }
        fx.ok("enable_replica", "--source", "mysql");
        RunningReplica again = RunningReplica.start(fx);
        try {
            again.awaitCaughtUp(Duration.ofSeconds(60));
            awaitMetrics(port, fx.mysqlSchema, Map.of("d " + ZERO, 1L));
        } finally {
            again.stop();
        }
        assertThat(again.failure()).isNull();
        expected.merge("d " + ZERO, 1L, Long::sum);
        assertThat(counted(fx)).isEqualTo(expected);
        assertThat(replayHistory(fx)).isEqualTo(10);
        assertShowStatus(fx, expected);

        assertThat(fx.diff("events")).isEmpty();
        assertThat(fx.diff("checked")).isEmpty();
        assertThat(fx.pgStrings("SELECT id || ' ' || coalesce(d::text, '-') || ' ' || coalesce(dt::text, '-') || ' '"
                + " || coalesce(note, '-') || ' ' || coalesce(body, '-') FROM " + fx.pgSchema + ".events ORDER BY id"))
                .containsExactly("1 2021-04-30 2021-04-30 10:00:00 plain plain", "2 - - cd -", "3 - - - xyz",
                        "4 - - - -");
    }

    /**
     * Commits one transaction in a session with a relaxed sql_mode, each statement with its one
     * parameter, and waits until the replica has applied it; returns the position after it.
     */
    private static BinlogPosition write(ReplicaFixture fx, RunningReplica replica, String... statementsAndValues)
            throws Exception {
        BinlogPosition end;
        try (Connection my = fx.mysql()) {
            try (Statement s = my.createStatement()) {
                s.execute("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'");
            }
            my.setAutoCommit(false);
            for (int i = 0; i < statementsAndValues.length; i += 2) {
                try (PreparedStatement ps = my.prepareStatement(statementsAndValues[i])) {
                    ps.setString(1, statementsAndValues[i + 1]);
                    ps.executeUpdate();
                }
            }
            my.commit();
            end = ReplicaCatchUp.sourcePosition(my);
        }
        replica.awaitApplied(end, Duration.ofSeconds(60));
        return end;
    }

    /**
     * The replica logs and counts a batch's adjustments right after its commit, which the test sees
     * first: waits a little for them, then expects exactly what is given.
     */
    private static void awaitLines(ListAppender<ILoggingEvent> log, int lines) throws InterruptedException {
        for (int i = 0; i < 100 && messages(log).size() < lines; i++) {
            Thread.sleep(50);
        }
        Thread.sleep(200); // time for a line too many
        assertThat(messages(log)).hasSize(lines);
    }

    private static void awaitMetrics(int port, String schema, Map<String, Long> expected) throws Exception {
        for (int i = 0; i < 100 && !metrics(port, schema).equals(expected); i++) {
            Thread.sleep(50);
        }
        assertThat(metrics(port, schema)).isEqualTo(expected);
    }

    /** A command run in the test's JVM sets the logging up anew, which detaches and stops the capture. */
    private static void reattach(ListAppender<ILoggingEvent> log) {
        log.start();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AdjustmentLog.class)).addAppender(log);
    }

    private static void assertLogged(ListAppender<ILoggingEvent> log, String text, BinlogPosition first) {
        assertThat(messages(log)).as("the log").anySatisfy(m -> assertThat(m).contains(text)
                .contains("the first in the transaction ending at " + first + " ("));
    }

    /** chameleon_adjusted_values_total of the events table, by "column kind". */
    private static Map<String, Long> metrics(int port, String schema) throws Exception {
        Map<String, Long> found = new TreeMap<>();
        Pattern sample = Pattern.compile("chameleon_adjusted_values_total\\{source=\"mysql\",table=\""
                + Pattern.quote(schema) + "\\.events\",column=\"(\\w+)\",kind=\"(\\w+)\"}");
        MetricsScrape.samples(port).forEach((name, value) -> {
            var m = sample.matcher(name);
            if (m.matches()) {
                found.put(m.group(1) + " " + m.group(2), value.longValue());
            }
        });
        return found;
    }

    /** sch_chameleon.stream_adjustments of the events table, by "column kind". */
    private static Map<String, Long> counted(ReplicaFixture fx) throws SQLException {
        Map<String, Long> found = new TreeMap<>();
        for (String row : fx.pgStrings("SELECT column_name || ' ' || kind || ' ' || adjusted_values"
                + " FROM sch_chameleon.stream_adjustments WHERE mysql_table = 'events'")) {
            String[] p = row.split(" ");
            found.put(p[0] + " " + p[1], Long.parseLong(p[2]));
        }
        return found;
    }

    private static Map<String, String> firstPositions(ReplicaFixture fx) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        for (String row : fx.pgStrings("SELECT column_name || ' ' || kind || ' ' || first_binlog_file || ':'"
                + " || first_binlog_position FROM sch_chameleon.stream_adjustments")) {
            String[] p = row.split(" ");
            found.put(p[0] + " " + p[1], p[2]);
        }
        return found;
    }

    private static long replayHistory(ReplicaFixture fx) throws SQLException {
        return Long.parseLong(fx.pgStrings("SELECT sum(adjusted_values) FROM sch_chameleon.replay_history").get(0));
    }

    /** The per-source total in the status and the windows, and a line per column and kind. */
    private static void assertShowStatus(ReplicaFixture fx, Map<String, Long> expected) {
        String out = fx.ok("show_status", "--source", "mysql").out();
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        List<String> lines = new ArrayList<>(out.lines().toList());
        int status = lines.indexOf("Replica status");
        assertThat(status).as(out).isNotNegative();
        List<String> header = List.of(lines.get(status + 1).split("\\s{2,}"));
        assertThat(lines.get(status + 3).split("\\s{2,}")[header.indexOf("Adjusted values")]).isEqualTo("" + total);
        String lastHour = lines.stream().filter(l -> l.startsWith("last hour")).findFirst().orElseThrow();
        List<String> windowHeader = List.of(lines.get(lines.indexOf(lastHour) - 2).split("\\s{2,}"));
        assertThat(lastHour.split("\\s{2,}")[windowHeader.indexOf("Adjusted values")]).isEqualTo("" + total);
        expected.forEach((columnKind, n) -> assertThat(out).as(out).containsPattern(
                Pattern.quote(fx.mysqlSchema + ".events." + columnKind.split(" ")[0]) + "\\s+"
                        + columnKind.split(" ")[1] + "\\s+" + n + "\\s"));
    }
}
