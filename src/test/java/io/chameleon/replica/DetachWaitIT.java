package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 stage 3, the cut-over gate: with the replica running in the background, writes stop,
 * detach_replica --wait --compare waits for the replica to apply everything MySQL logged, compares,
 * (MySQL set read-only first) stops the replica and detaches, printing each step's duration and the final binlog position; the
 * tables are equal. A difference found by compare blocks the detach: exit 1, nothing detached.
 */
class DetachWaitIT {
    @Test
    void waitsComparesAndDetachesOrRefusesWhenDifferent() throws Exception {
        ReplicaFixture blocked = loaded("detach_wait_diff");
        Process blockedReplica = started(blocked);
        try {
            blocked.mysqlExec("INSERT INTO items VALUES (101, 'new')", "UPDATE items SET v = 'changed' WHERE id = 7");
            try (Connection c = blocked.pg(); Statement s = c.createStatement()) {
                s.execute("UPDATE \"" + blocked.pgSchema + "\".items SET v = 'planted' WHERE id = 3");
            }
            ReplicaFixture.Run refused = blocked.run("detach_replica", "--source", blocked.sourceName, "--wait",
                    "--compare", "--yes");
            System.out.println(refused.all());
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
            assertThat(refused.out()).contains("[id=3] v: MySQL 'v3', PostgreSQL 'planted'");
            assertThat(refused.err()).contains("nothing detached");
            assertThat(blocked.pgStrings("SELECT status FROM sch_chameleon.sources WHERE source_name = '"
                    + blocked.sourceName + "'")).containsExactly("running");
        } finally {
            blockedReplica.destroy();
            blockedReplica.waitFor();
        }

        ReplicaFixture fx = loaded("detach_wait");
        Process replica = started(fx);
        ReplicaFixture.Run detached;
        try {
            fx.mysqlExec("INSERT INTO items VALUES (101, 'new'), (102, 'newer')", "UPDATE items SET v = 'changed'"
                    + " WHERE id = 7", "DELETE FROM items WHERE id = 9");
            // the writes stop here; the replica may not have applied them yet
            detached = fx.run("detach_replica", "--source", fx.sourceName, "--wait", "--set-read-only", "--compare",
                    "--yes");
            assertThat(mysqlReadOnly(fx)).isEqualTo("1");
        } finally {
            fx.mysqlExec("SET GLOBAL read_only = OFF"); // super_read_only too, on MySQL
            replica.destroy();
            replica.waitFor();
        }
        System.out.println(detached.all());
        assertThat(detached.exitCode()).as(detached.all()).isZero();
        assertThat(detached.out())
                .containsPattern("step set MySQL read-only: done in \\d+ ms")
                .containsPattern("step wait until the replica has applied it: done in \\d+ ms")
                .containsPattern("step compare: done in \\d+ ms").contains("equal\n")
                .containsPattern("step stop the replica: done in \\d+ ms")
                .containsPattern("step detach: done in \\d+ ms")
                .containsPattern("final binlog position [^ ]+:\\d+, GTID set \\S+")
                .contains("detached source " + fx.sourceName);
        assertThat(fx.pgStrings("SELECT count(*) FROM sch_chameleon.sources")).containsExactly("0");
        assertThat(fx.diff("items")).isEmpty();
    }

    private static String mysqlReadOnly(ReplicaFixture fx) throws Exception {
        try (Connection c = fx.mysql(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT @@global.read_only")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** start_replica in a process of its own, with its pid file, as a user runs it; returns once it runs. */
    private static Process started(ReplicaFixture fx) throws Exception {
        Process p = fx.startReplicaProcess();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!fx.pgStrings("SELECT status FROM sch_chameleon.sources WHERE source_name = '" + fx.sourceName + "'")
                .equals(java.util.List.of("running"))) {
            assertThat(p.isAlive()).as(fx.startReplicaOutput()).isTrue();
            assertThat(System.nanoTime()).as("start_replica running within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        return p;
    }

    private static ReplicaFixture loaded(String name) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(name, "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB");
        try (Connection c = fx.mysql(); Statement s = c.createStatement()) {
            for (int id = 1; id <= 100; id++) {
                s.execute("INSERT INTO items VALUES (" + id + ", 'v" + id + "')");
            }
        }
        fx.initReplica();
        return fx;
    }
}
