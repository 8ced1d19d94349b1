package io.chameleon.replica;

import io.chameleon.format.Json;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: compare finds each difference planted in PostgreSQL behind a running replica, with its
 * table, key and column, and nothing else: a missing row, an extra row, a changed value in every type
 * family, and rows of a table without a key. The same tables unchanged compare equal.
 */
class CompareIT {
    /** Each column of t_types, its MySQL value, and the different value planted in PostgreSQL on row id = its index + 1. */
    static final String[][] COLUMNS = {
        {"i int", "-7", "'-6'"},
        {"u int unsigned", "4294967295", "'4294967294'"},
        {"d decimal(10,3)", "12.345", "'12.346'"},
        {"f float", "1.5", "'1.25'"},
        {"dbl double", "2.25", "'2.5'"},
        {"dt date", "'2024-02-29'", "'2024-03-01'"},
        {"dtm datetime(3)", "'2024-01-01 10:00:00.123'", "'2024-01-01 10:00:00.124'"},
        {"ts timestamp(6) NULL", "'2024-01-01 10:00:00.000001'", "'2024-01-01 10:00:00.000002+00'"},
        {"tm time(2)", "'-12:34:56.78'", "'-12:34:56.77'"},
        {"yr year", "2024", "'2023'"},
        {"lat varchar(20) CHARACTER SET latin1", "'café'", "'cafe'"},
        {"utf varchar(20) CHARACTER SET utf8mb4", "'\uD83D\uDE00x'", "'\uD83D\uDE00y'"},
        {"gb varchar(20) CHARACTER SET gbk", "'中文'", "'中国'"},
        {"bin varbinary(16)", "x'00ff01'", "'\\x00ff02'"},
        {"e enum('a','b','c')", "'b'", "'c'"},
        {"st set('x','y','z')", "'x,z'", "'{x,y,z}'"},
        {"bt bit(10)", "b'1010000001'", "'1010000000'"},
        {"j json", "'{\"k\": [1, 2.50, \"s\"], \"a\": null}'", "'{\"k\": [1, 2.5, \"t\"], \"a\": null}'"},
    };

    @Test
    void findsEachPlantedDifferenceAndNothingElse() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("compare", "    sleep_loop: 1\n");
        List<String> defs = new ArrayList<>();
        for (String[] c : COLUMNS) {
            defs.add(c[0]);
        }
        // t_sums: t_types without its JSON column, so that it is checksummed on the servers (t_types is compared row by row)
        List<String> summed = defs.stream().filter(d -> !d.startsWith("j ")).toList();
        fx.mysqlExec("CREATE TABLE t_types (id int PRIMARY KEY, " + String.join(", ", defs) + ") ENGINE=InnoDB",
                "CREATE TABLE t_sums (id int PRIMARY KEY, " + String.join(", ", summed) + ") ENGINE=InnoDB",
                "CREATE TABLE t_rows (id int PRIMARY KEY, v varchar(10)) ENGINE=InnoDB",
                "CREATE TABLE t_nokey (a int, b varchar(5)) ENGINE=InnoDB",
                "INSERT INTO t_rows VALUES (1, 'a'), (2, 'b'), (3, 'c'), (50000, 'far')",
                "INSERT INTO t_nokey VALUES (1, 'x'), (1, 'x'), (2, 'y')");
        insertTypes(fx, 1, 9);
        String sums = "INSERT INTO t_sums SELECT id, " + summed.stream().map(d -> d.split(" ")[0])
                .collect(java.util.stream.Collectors.joining(", ")) + " FROM t_types WHERE id ";
        fx.mysqlExec(sums + "< 10");
        fx.initReplica();
        RunningReplica replica = RunningReplica.start(fx);
        try {
            insertTypes(fx, 10, COLUMNS.length + 1); // the last row is never planted on
            fx.mysqlExec(sums + ">= 10");
            fx.mysqlExec("INSERT INTO t_rows VALUES (4, 'd'), (20001, 'mid')");
            replica.awaitCaughtUp(Duration.ofSeconds(60));

            ReplicaFixture.Run equal = fx.run("compare", "--source", fx.sourceName);
            System.out.println(equal.out());
            assertThat(equal.exitCode()).as(equal.all()).isZero();
            assertThat(equal.out()).contains("replica paused ").contains("released").endsWith("equal\n");

            plant(fx);
            try (Connection c = fx.pg(); Statement s = c.createStatement()) {
                for (int k = 0; k < COLUMNS.length; k++) {
                    String column = COLUMNS[k][0].split(" ")[0];
                    if (!column.equals("j")) {
                        s.execute("UPDATE \"" + fx.pgSchema + "\".t_sums SET " + column + " = " + COLUMNS[k][2]
                                + " WHERE id = " + (k + 1));
                    }
                }
            }
            System.out.println(fx.run("compare", "--source", fx.sourceName).out());
            ReplicaFixture.Run found = fx.run("compare", "--source", fx.sourceName, "--json");
            assertThat(found.exitCode()).as(found.all()).isEqualTo(1);
            Set<String> expected = new TreeSet<>();
            for (int k = 0; k < COLUMNS.length; k++) {
                String column = COLUMNS[k][0].split(" ")[0];
                expected.add("t_types|value|id=" + (k + 1) + "|" + column);
                if (!column.equals("j")) {
                    expected.add("t_sums|value|id=" + (k + 1) + "|" + column);
                }
            }
            expected.addAll(List.of("t_rows|missing|id=3|null", "t_rows|extra|id=70000|null",
                    "t_nokey|missing|a=1, b=x|null", "t_nokey|extra|a=3, b=z|null"));
            assertThat(differences(found.out())).isEqualTo(expected);

            // the replica went on after the hold: it follows new writes
            fx.mysqlExec("INSERT INTO t_rows VALUES (5, 'e')");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(fx.pgStrings("SELECT v FROM \"" + fx.pgSchema + "\".t_rows WHERE id = 5")).containsExactly("e");
            assertThat(fx.pgStrings("SELECT resumed_why FROM sch_chameleon.replica_holds")).containsExactly("released");
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();

        // stopped at MySQL's position: compared without a hold; behind it: refused
        ReplicaFixture.Run stopped = fx.run("compare", "--source", fx.sourceName, "--tables", fx.mysqlSchema + ".t_rows");
        assertThat(stopped.exitCode()).as(stopped.all()).isEqualTo(1);
        assertThat(stopped.out()).contains("[id=3]: missing from PostgreSQL").contains("not held");
        fx.mysqlExec("INSERT INTO t_rows VALUES (6, 'f')");
        ReplicaFixture.Run refused = fx.run("compare", "--source", fx.sourceName);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
        assertThat(refused.err()).contains("start_replica");
    }

    static void insertTypes(ReplicaFixture fx, int from, int to) throws Exception {
        List<String> values = new ArrayList<>();
        for (String[] c : COLUMNS) {
            values.add(c[1]);
        }
        try (Connection c = fx.mysql(); Statement s = c.createStatement()) {
            s.execute("SET NAMES utf8mb4");
            for (int id = from; id <= to; id++) {
                s.execute("INSERT INTO t_types VALUES (" + id + ", " + String.join(", ", values) + ")");
            }
        }
    }

    /** Each difference straight into PostgreSQL, behind the replica's back. */
    static void plant(ReplicaFixture fx) throws Exception {
        String t = "\"" + fx.pgSchema + "\".";
        try (Connection c = fx.pg(); Statement s = c.createStatement()) {
            for (int k = 0; k < COLUMNS.length; k++) {
                s.execute("UPDATE " + t + "t_types SET " + COLUMNS[k][0].split(" ")[0] + " = " + COLUMNS[k][2]
                        + " WHERE id = " + (k + 1));
            }
            s.execute("DELETE FROM " + t + "t_rows WHERE id = 3");
            s.execute("INSERT INTO " + t + "t_rows VALUES (70000, 'x')");
            s.execute("DELETE FROM " + t + "t_nokey WHERE ctid = (SELECT ctid FROM " + t + "t_nokey WHERE a = 1 LIMIT 1)");
            s.execute("INSERT INTO " + t + "t_nokey VALUES (3, 'z')");
        }
    }

    /** table|kind|key|column of every difference in compare's JSON report. */
    @SuppressWarnings("unchecked")
    static Set<String> differences(String json) {
        Set<String> found = new TreeSet<>();
        Map<String, Object> report = (Map<String, Object>) Json.parse(json.strip());
        for (Object t : (List<Object>) report.get("tables")) {
            Map<String, Object> table = (Map<String, Object>) t;
            String name = ((String) table.get("table")).replaceFirst("^[^.]*\\.", "");
            for (Object d : (List<Object>) table.get("listed")) {
                Map<String, Object> diff = (Map<String, Object>) d;
                found.add(name + "|" + diff.get("kind") + "|" + diff.get("key") + "|" + diff.get("column"));
            }
        }
        return found;
    }
}
