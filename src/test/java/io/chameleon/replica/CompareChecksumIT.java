package io.chameleon.replica;

import io.chameleon.format.Json;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TypeMatrix;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * compare's server-side checksums (issue 13): the type matrix's every value, copied by init_replica
 * and streamed, gives equal checksums on both servers, so an exact replica is compared without a
 * single row moved; a table with a JSON or spatial column is compared row by row and says why; a
 * value planted in a large table is found by narrowing, moving a few thousand rows; a keyless row
 * present twice in MySQL and once in PostgreSQL is found; --repair-max-rows copies a table past the
 * cap whole, and tables are repaired in parallel by several workers.
 */
class CompareChecksumIT {
    /** The matrix's columns a checksum covers: JSON and spatial ones follow {@code j json} in TypeMatrix. */
    private static final String SUMMED_COLUMNS = TypeMatrix.COLUMNS.substring(0, TypeMatrix.COLUMNS.indexOf(", j json"));
    private static final int BIG_ROWS = 50_000;

    @Test
    void checksumsMatchOnAnExactReplicaAndNarrowDownToTheDifferences() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("compare_sum", "    sleep_loop: 1\n    copy_workers: 3\n");
        fx.mysqlExec("CREATE TABLE t (id int PRIMARY KEY,\n" + TypeMatrix.COLUMNS + ") CHARACTER SET utf8mb4",
                "CREATE TABLE t_sum (id int PRIMARY KEY,\n" + SUMMED_COLUMNS + ") CHARACTER SET utf8mb4",
                "CREATE TABLE t_big (id int PRIMARY KEY, v varchar(20), n int) ENGINE=InnoDB",
                "CREATE TABLE t_dup (a int, b varchar(5)) ENGINE=InnoDB",
                "CREATE TABLE t_txt (code varchar(10) PRIMARY KEY, v int) ENGINE=InnoDB",
                "INSERT INTO t_txt VALUES ('a', 1), ('b', 2), ('c', 3), ('é', 4)",
                "INSERT INTO t_dup VALUES (1, 'x'), (1, 'x'), (2, 'y')");
        insertMatrix(fx, 10);
        try (Connection c = fx.mysql(); Statement s = c.createStatement()) {
            for (int from = 1; from <= BIG_ROWS; from += 5000) {
                StringBuilder b = new StringBuilder("INSERT INTO t_big VALUES ");
                for (int id = from; id < from + 5000; id++) {
                    b.append(id == from ? "" : ", ").append("(").append(id).append(", 'v").append(id).append("', ")
                            .append(id % 13).append(")");
                }
                s.execute(b.toString());
            }
        }
        fx.initReplica();
        RunningReplica replica = RunningReplica.start(fx);
        try {
            insertMatrix(fx, 20); // the same values through the binlog
            replica.awaitCaughtUp(Duration.ofSeconds(120));

            Map<String, Object> equal = report(fx.run("compare", "--source", fx.sourceName, "--json"), 0);
            Map<String, Map<String, Object>> tables = tables(equal);
            assertThat(tables.get("t_sum").get("not_checksummed")).isNull();
            assertThat(tables.get("t_sum").get("mysql_rows")).isEqualTo(2L * TypeMatrixStreamIT.rows().size());
            assertThat(tables.get("t_sum").get("ranges_compared_by_row")).as("a range of equal rows fell back").isEqualTo(0L);
            assertThat(tables.get("t_big").get("ranges_compared_by_row")).isEqualTo(0L);
            assertThat(tables.get("t_dup").get("ranges_compared_by_row")).isEqualTo(0L);
            assertThat((String) tables.get("t").get("not_checksummed")).startsWith("column j (json");
            assertThat(tables.get("t").get("ranges_compared_by_row")).isEqualTo(1L);
            assertThat(equal.get("rows_moved")).as("only t, without a checksum, moves rows")
                    .isEqualTo(2L * (Long) tables.get("t").get("mysql_rows"));

            String t = "\"" + fx.pgSchema + "\".";
            try (Connection c = fx.pg(); Statement s = c.createStatement()) {
                s.execute("UPDATE " + t + "t_big SET n = n + 1 WHERE id = 31234");
                s.execute("DELETE FROM " + t + "t_dup WHERE ctid = (SELECT ctid FROM " + t + "t_dup WHERE a = 1 LIMIT 1)");
                s.execute("UPDATE " + t + "t_sum SET tm6 = '-00:00:00.000002' WHERE id = 22");
                s.execute("UPDATE " + t + "t_txt SET v = 9 WHERE code = 'b'");
                s.execute("DELETE FROM " + t + "t_txt WHERE code = 'c'");
                s.execute("INSERT INTO " + t + "t_txt VALUES ('z', 5)");
            }
            Map<String, Object> found = report(fx.run("compare", "--source", fx.sourceName, "--json"), 1);
            assertThat(CompareIT.differences(Json.compact(found))).containsExactlyInAnyOrder("t_big|value|id=31234|n",
                    "t_dup|missing|a=1, b=x|null", "t_sum|value|id=22|tm6", "t_txt|value|code=b|v",
                    "t_txt|missing|code=c|null", "t_txt|extra|code=z|null");
            // tables not cut into key ranges are merged by hash: only the differing rows are read by value
            assertThat(tables(found).get("t_txt").get("rows_moved")).isEqualTo(4L);
            assertThat(tables(found).get("t_dup").get("rows_moved")).isEqualTo(3L);
            Map<String, Object> big = tables(found).get("t_big");
            assertThat(big.get("ranges_compared_by_row")).isEqualTo(1L);
            assertThat((Long) big.get("rows_moved")).as("narrowed down to a small range").isBetween(2L, 4000L);

            // --repair-max-rows 2: t_big, with 3 differences, is not narrowed past them but copied whole; the
            // others are repaired range by range, in parallel
            try (Connection c = fx.pg(); Statement s = c.createStatement()) {
                for (int id : new int[] {5, 17_000, 33_000, 49_000}) {
                    s.execute("UPDATE " + t + "t_big SET v = 'planted' WHERE id = " + id);
                }
            }
            assertThat(fx.run("compare", "--source", fx.sourceName, "--repair-max-rows", "2").exitCode()).isEqualTo(2);
            Map<String, Object> repaired = report(fx.run("compare", "--source", fx.sourceName, "--repair",
                    "--repair-max-rows", "2", "--json"), 0);
            assertThat(tables(repaired).get("t_big").get("capped")).isEqualTo(true);
            Map<String, String> how = new TreeMap<>();
            Set<Object> workers = new HashSet<>();
            for (Object r : (List<?>) repaired.get("repairs")) {
                Map<?, ?> m = (Map<?, ?>) r;
                assertThat(m.get("error")).as(m.toString()).isNull();
                how.put(((String) m.get("table")).replaceFirst("^[^.]*\\.", ""), (String) m.get("how"));
                workers.add(m.get("worker"));
            }
            assertThat(how).containsOnlyKeys("t_big", "t_dup", "t_sum", "t_txt");
            assertThat(how.get("t_big")).isEqualTo("whole table (more than 2 differing rows, --repair-max-rows)");
            assertThat(workers).as("repaired by parallel workers").hasSizeGreaterThan(1);
            Map<String, Object> again = report(fx.run("compare", "--source", fx.sourceName, "--json"), 0);
            assertThat(again.get("ranges_compared_by_row")).isEqualTo(1L); // t only
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        for (String table : List.of("t", "t_sum", "t_big", "t_txt")) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }
    }

    /** The matrix's rows into t (every column) and t_sum (the checksummed ones), ids from {@code firstId}. */
    private static void insertMatrix(ReplicaFixture fx, int firstId) throws Exception {
        List<String> summed = TypeMatrixStreamIT.COLUMNS.subList(0, TypeMatrixStreamIT.COLUMNS.indexOf("j"));
        try (Connection c = fx.mysql(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = ''"); // zero dates and the '' enum value
            s.execute("SET SESSION time_zone = '+00:00'");
            List<List<String>> rows = TypeMatrixStreamIT.rows();
            for (int r = 0; r < rows.size(); r++) {
                s.execute("INSERT INTO t (id, " + String.join(", ", TypeMatrixStreamIT.COLUMNS) + ") VALUES ("
                        + (firstId + r) + ", " + String.join(", ", rows.get(r)) + ")");
            }
            s.execute("INSERT INTO t_sum SELECT id, " + summed.stream().collect(Collectors.joining(", "))
                    + " FROM t WHERE id >= " + firstId);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(ReplicaFixture.Run run, int exit) {
        System.out.println(run.all());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(exit);
        return (Map<String, Object>) Json.parse(run.out().strip());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> tables(Map<String, Object> report) {
        Map<String, Map<String, Object>> byName = new TreeMap<>();
        for (Object t : (List<Object>) report.get("tables")) {
            Map<String, Object> m = (Map<String, Object>) t;
            byName.put(((String) m.get("table")).replaceFirst("^[^.]*\\.", ""), m);
        }
        return byName;
    }
}
