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
 * Issue 13 stage 2: compare --repair fixes every difference planted behind a running replica (a
 * changed value in every type family, a missing and an extra row, rows of a table without a key,
 * two rows in a table of 30,000 rows, narrowed to two small key ranges), a second compare is clean, and the replica then
 * follows new writes exactly: nothing it applies after the point is lost or doubled.
 */
class CompareRepairIT {
    @Test
    void repairsEveryPlantedDifferenceAndTheReplicaGoesOnExactly() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("compare_repair", "    sleep_loop: 1\n");
        List<String> defs = new ArrayList<>();
        for (String[] c : CompareIT.COLUMNS) {
            defs.add(c[0]);
        }
        fx.mysqlExec("CREATE TABLE t_types (id int PRIMARY KEY, " + String.join(", ", defs) + ") ENGINE=InnoDB",
                "CREATE TABLE t_rows (id int PRIMARY KEY, v varchar(10)) ENGINE=InnoDB",
                "CREATE TABLE t_nokey (a int, b varchar(5)) ENGINE=InnoDB",
                // 30,000 rows: two differences narrowed to ranges of 1,000 rows, repaired range by range
                "CREATE TABLE t_wide (id int PRIMARY KEY, v varchar(10), n int) ENGINE=InnoDB",
                "INSERT INTO t_rows VALUES (1, 'a'), (2, 'b'), (3, 'c'), (50000, 'far')",
                "INSERT INTO t_nokey VALUES (1, 'x'), (1, 'x'), (2, 'y')");
        try (Connection c = fx.mysql(); Statement s = c.createStatement()) {
            for (int from = 10; from <= 300_000; from += 10_000) {
                StringBuilder b = new StringBuilder("INSERT INTO t_wide VALUES ");
                for (int id = from; id < from + 10_000; id += 10) {
                    b.append(id == from ? "" : ", ").append("(").append(id).append(", 'w").append(id).append("', ")
                            .append(id % 7).append(")");
                }
                s.execute(b.toString());
            }
        }
        CompareIT.insertTypes(fx, 1, 9);
        fx.initReplica();
        RunningReplica replica = RunningReplica.start(fx);
        try {
            CompareIT.insertTypes(fx, 10, CompareIT.COLUMNS.length + 1);
            fx.mysqlExec("INSERT INTO t_rows VALUES (4, 'd'), (20001, 'mid')");
            replica.awaitCaughtUp(Duration.ofSeconds(60));

            CompareIT.plant(fx);
            String t = "\"" + fx.pgSchema + "\".";
            try (Connection c = fx.pg(); Statement s = c.createStatement()) {
                s.execute("UPDATE " + t + "t_wide SET v = 'planted' WHERE id = 55000");
                s.execute("DELETE FROM " + t + "t_wide WHERE id = 201000");
            }
            // written while compare starts: the replica applies them before or after the point, never twice
            fx.mysqlExec("INSERT INTO t_rows VALUES (7, 'g')", "UPDATE t_wide SET n = n + 100 WHERE id = 56000");

            ReplicaFixture.Run repaired = fx.run("compare", "--source", fx.sourceName, "--repair", "--json");
            assertThat(repaired.exitCode()).as(repaired.all()).isZero();
            Set<String> expected = new TreeSet<>();
            for (int k = 0; k < CompareIT.COLUMNS.length; k++) {
                expected.add("t_types|value|id=" + (k + 1) + "|" + CompareIT.COLUMNS[k][0].split(" ")[0]);
            }
            expected.addAll(List.of("t_rows|missing|id=3|null", "t_rows|extra|id=70000|null",
                    "t_nokey|missing|a=1, b=x|null", "t_nokey|extra|a=3, b=z|null", "t_wide|value|id=55000|v",
                    "t_wide|missing|id=201000|null"));
            assertThat(CompareIT.differences(repaired.out())).isEqualTo(expected);
            Map<String, String> how = repairs(repaired.out());
            assertThat(how.keySet()).containsExactlyInAnyOrder("t_types", "t_rows", "t_nokey", "t_wide");
            assertThat(how.get("t_wide")).isEqualTo("2 key ranges (2000 of 30000 rows)");
            assertThat(how.get("t_rows")).startsWith("whole table (differing key ranges hold ");
            assertThat(how.get("t_nokey")).isEqualTo("whole table (no key)");

            ReplicaFixture.Run again = fx.run("compare", "--source", fx.sourceName);
            System.out.println(again.out());
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).endsWith("equal\n");

            // the replica goes on from the point: new writes on repaired rows and others stream exactly (a table
            // without a key is not replicated, as in pg_chameleon: it keeps the repaired copy)
            fx.mysqlExec("UPDATE t_types SET d = 99.5, j = '{\"z\": 1}' WHERE id IN (3, 18)",
                    "DELETE FROM t_rows WHERE id = 3", "INSERT INTO t_rows VALUES (3, 'c2'), (8, 'h')",
                    "UPDATE t_wide SET v = 'after' WHERE id BETWEEN 50000 AND 60000",
                    "INSERT INTO t_wide VALUES (201505, 'new', 1)");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
            for (String table : List.of("t_types", "t_rows", "t_nokey", "t_wide")) {
                assertThat(fx.diff(table)).as(table).isEmpty();
            }
            ReplicaFixture.Run last = fx.run("compare", "--source", fx.sourceName);
            assertThat(last.exitCode()).as(last.all()).isZero();
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        holdIsExtendedFromWhenTheReplicaSawIt(fx);
    }

    /** What compare's renewal does every 10 s while a repair runs (a repair here is shorter than that). */
    private static void holdIsExtendedFromWhenTheReplicaSawIt(ReplicaFixture fx) throws Exception {
        try (Connection c = fx.pg()) {
            io.chameleon.catalog.Catalog catalog = io.chameleon.catalog.Catalog.open(c);
            int source = catalog.sources().get(fx.sourceName).id();
            io.chameleon.catalog.ReplicaHolds holds = catalog.holds();
            assertThat(holds.request(source, Duration.ofSeconds(60))).isTrue();
            holds.seen(source, new io.chameleon.mysql.BinlogPosition("mysql-bin.000001", 4, null));
            Thread.sleep(1500);
            holds.extend(source, Duration.ofSeconds(60));
            assertThat(holds.get(source).timeout().toSeconds()).isBetween(62L, 65L);
            holds.resumed(source, "test");
        }
    }

    /** table -> how it was repaired, from compare --repair's JSON report; every repair succeeded. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> repairs(String json) {
        Map<String, Object> report = (Map<String, Object>) Json.parse(json.strip());
        assertThat(report.get("repaired")).isEqualTo(true);
        Map<String, String> how = new java.util.TreeMap<>();
        for (Object r : (List<Object>) report.get("repairs")) {
            Map<String, Object> m = (Map<String, Object>) r;
            assertThat(m.get("error")).as(m.toString()).isNull();
            how.put(((String) m.get("table")).replaceFirst("^[^.]*\\.", ""), (String) m.get("how"));
        }
        return how;
    }
}
