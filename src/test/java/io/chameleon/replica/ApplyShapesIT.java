package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape a row's changes in one batch can take, through the applier's paths: rows still there
 * after the batch are updated in place, the others deleted and inserted, and tables with a second
 * unique index (or only key columns) delete and insert every touched row. The replica is stopped
 * while MySQL writes, so everything arrives in one catch-up (batches of many transactions); then
 * each table equals MySQL value by value.
 */
class ApplyShapesIT {

    @Test
    void everyShapeOfChangeInABatchEndsAsMysqlHasIt() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("apply_shapes", "    sleep_loop: 1\n");
        fx.mysqlExec(
                // key, an indexed column, plain and nullable ones
                "CREATE TABLE pk (id INT PRIMARY KEY, k INT NOT NULL, c VARCHAR(20), note VARCHAR(20), KEY k (k))",
                // the replica key is a unique NOT NULL index, no primary key
                "CREATE TABLE uk (code VARCHAR(10) NOT NULL, v INT, note VARCHAR(20), UNIQUE KEY code (code))",
                // a second unique index: values may move between rows within a batch
                "CREATE TABLE two (id INT PRIMARY KEY, u INT NOT NULL, v VARCHAR(20), UNIQUE KEY u (u))",
                // only key columns: nothing to update in place
                "CREATE TABLE keyonly (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b))");
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            rows.append(i > 1 ? ", " : "").append("(").append(i).append(", ").append(i * 10).append(", 'c").append(i)
                    .append("', ").append(i % 2 == 0 ? "NULL" : "'n" + i + "'").append(")");
        }
        fx.mysqlExec("INSERT INTO pk VALUES " + rows,
                "INSERT INTO uk VALUES ('a', 1, 'x'), ('b', 2, NULL), ('c', 3, 'z'), ('d', 4, NULL)",
                "INSERT INTO two VALUES (1, 100, 'one'), (2, 200, 'two'), (3, 300, 'three')",
                "INSERT INTO keyonly VALUES (1, 1), (1, 2), (2, 1)");
        fx.initReplica();
        // a replica that drifted: a row MySQL still has is missing here, and is written by its next update
        try (var pg = fx.pg(); var s = pg.createStatement()) {
            s.execute("DELETE FROM " + fx.pgSchema + ".pk WHERE id = 20");
        }

        fx.mysqlExec(
                "UPDATE pk SET k = k + 1 WHERE id = 1",                        // an indexed non-key column
                "UPDATE pk SET c = 'plain' WHERE id = 2",                      // a column no index holds
                "UPDATE pk SET note = NULL WHERE id = 3",                      // a value to NULL
                "UPDATE pk SET note = 'was null' WHERE id = 4",                // NULL to a value
                "UPDATE pk SET id = 104 WHERE id = 5",                         // the key changes
                "BEGIN", "UPDATE pk SET c = 'gone' WHERE id = 6", "DELETE FROM pk WHERE id = 6", "COMMIT",
                "DELETE FROM pk WHERE id = 7", "INSERT INTO pk VALUES (7, 7, 'again', NULL)",  // deleted, then back
                "BEGIN", "INSERT INTO pk VALUES (50, 5, 'brief', NULL)", "DELETE FROM pk WHERE id = 50", "COMMIT",
                "INSERT INTO pk VALUES (51, 51, 'new', 'n')",
                "UPDATE pk SET id = 60 WHERE id = 8", "UPDATE pk SET id = 8 WHERE id = 9",   // keys moved along
                "UPDATE pk SET id = 9 WHERE id = 60",
                "UPDATE pk SET k = k + 1, c = 'twice' WHERE id = 10", "UPDATE pk SET k = k + 1 WHERE id = 10",
                "UPDATE pk SET id = 110 WHERE id = 11", "UPDATE pk SET c = 'moved then changed' WHERE id = 110",
                "UPDATE pk SET c = 'drifted' WHERE id = 20",
                "UPDATE uk SET v = 10, note = NULL WHERE code = 'a'",
                "UPDATE uk SET code = 'bb' WHERE code = 'b'",
                "DELETE FROM uk WHERE code = 'c'", "INSERT INTO uk VALUES ('c', 30, 'back')",
                "UPDATE uk SET note = 'set' WHERE code = 'd'",
                // a unique value moves from row to row: 100 -> 1000 (free), 200 -> 100, 1000 -> 200
                "BEGIN", "UPDATE two SET u = 1000 WHERE id = 1", "UPDATE two SET u = 100 WHERE id = 2",
                "UPDATE two SET u = 200 WHERE id = 1", "COMMIT",
                "UPDATE two SET v = NULL WHERE id = 3",
                "UPDATE keyonly SET b = 3 WHERE a = 1 AND b = 2", "DELETE FROM keyonly WHERE a = 2",
                "INSERT INTO keyonly VALUES (2, 1)");
        RunningReplica.catchUpOnce(fx);

        assertThat(fx.pgStrings("SELECT mysql_table || ': ' || message FROM sch_chameleon.error_log")).isEmpty();
        for (String table : new String[] {"pk", "uk", "two", "keyonly"}) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }
        // pk's rows still there were updated in place; two's went through delete and insert
        assertThat(updatesCounted(fx, "pk", 20)).isPositive();
        assertThat(updatesCounted(fx, "two", 3)).isZero();
    }

    /** PostgreSQL's count of updated rows of a table, once the replica's session has reported its statistics. */
    private static long updatesCounted(ReplicaFixture fx, String table, int copied) throws Exception {
        String sql = "SELECT n_tup_upd || ' ' || n_tup_ins FROM pg_stat_user_tables WHERE schemaname = '" + fx.pgSchema
                + "' AND relname = '" + table + "'";
        for (int i = 0; i < 100; i++) {
            String[] counts = fx.pgStrings(sql).get(0).split(" ");
            if (Long.parseLong(counts[0]) + Long.parseLong(counts[1]) > copied) { // more than init_replica copied
                return Long.parseLong(counts[0]);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no statistics of the replica's writes to " + table);
    }
}
