package io.chameleon.copy;

import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** init_replica's options and its behaviour under load, each test on its own schema and database. */
class InitReplicaOptionsIT {

    @Test
    void limitTablesAndSkipTablesChooseWhatIsCopied() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("limit");
        fx.useConfig(fx.config() + "    limit_tables:\n      - " + fx.mysqlSchema + ".t1\n      - " + fx.mysqlSchema
                + ".t2\n    skip_tables:\n      - " + fx.mysqlSchema + ".t2\n");
        fx.mysqlExec("CREATE TABLE t1 (id INT PRIMARY KEY)", "CREATE TABLE t2 (id INT PRIMARY KEY)",
                "CREATE TABLE t3 (id INT PRIMARY KEY)", "INSERT INTO t1 VALUES (1)");
        initialise(fx);
        assertThat(pgStrings(fx, "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + fx.pgSchema
                + "'")).containsExactly("t1");
        assertThat(pgStrings(fx, "SELECT mysql_table FROM sch_chameleon.replicated_tables")).containsExactly("t1");
        assertThat(fx.diff("t1")).isEmpty();
    }

    @Test
    void fileCopyModeWithOneWorkerGivesTheSameDataAndLeavesNoFiles() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("filemode");
        fx.useConfig(fx.config().replace("copy_mode: 'direct'", "copy_mode: 'file'") + "    copy_workers: 1\n");
        fx.mysqlExec("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20), b BLOB)",
                "INSERT INTO t SELECT seq, CONCAT('tab\\there ', seq), UNHEX(HEX(seq)) FROM seq_1_to_5000");
        initialise(fx);
        assertThat(fx.diff("t")).isEmpty();
        try (var files = java.nio.file.Files.list(fx.dir.resolve("out"))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void reRunningInitReplicaReplacesTheCopy() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("rerun");
        fx.mysqlExec("CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t VALUES (1, 1), (2, 2)");
        initialise(fx);
        fx.mysqlExec("DELETE FROM t WHERE id = 1", "INSERT INTO t VALUES (3, 3)", "CREATE TABLE u (id INT PRIMARY KEY)");
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        assertThat(fx.diff("t")).isEmpty();
        assertThat(fx.diff("u")).isEmpty();
        assertThat(pgStrings(fx, "SELECT mysql_table FROM sch_chameleon.replicated_tables ORDER BY 1")).containsExactly("t", "u");
    }

    @Test
    void keepExistingSchemaReloadsTheTablesAndKeepsTheirIndexes() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("keep");
        fx.mysqlExec("CREATE TABLE parent (id INT PRIMARY KEY, v VARCHAR(10))",
                "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, KEY k_parent (parent_id))",
                "INSERT INTO parent VALUES (1, 'a'), (2, 'b')", "INSERT INTO child VALUES (10, 1), (20, 2)");
        initialise(fx);
        String oid;
        try (Connection c = fx.pg(); Statement s = c.createStatement()) {
            s.execute("CREATE INDEX my_own_index ON " + fx.pgSchema + ".parent (v)");
            s.execute("ALTER TABLE " + fx.pgSchema + ".child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id)"
                    + " REFERENCES " + fx.pgSchema + ".parent (id)");
        }
        oid = pgStrings(fx, "SELECT '" + fx.pgSchema + ".parent'::regclass::oid::text").get(0);
        fx.mysqlExec("INSERT INTO parent VALUES (3, 'c')", "INSERT INTO child VALUES (30, 3)", "DELETE FROM child WHERE id = 10",
                "CREATE TABLE added (id INT PRIMARY KEY)", "INSERT INTO added VALUES (1)");
        fx.useConfig(fx.config() + "    keep_existing_schema: Yes\n");
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        assertThat(fx.diff("parent")).isEmpty();
        assertThat(fx.diff("child")).isEmpty();
        assertThat(fx.diff("added")).isEmpty();
        // a table the load created in place keeps autovacuum, whatever the load did on the way
        assertThat(pgStrings(fx, "SELECT coalesce(array_to_string(reloptions, ','), 'none') FROM pg_class WHERE oid = '"
                + fx.pgSchema + ".added'::regclass")).containsExactly("none");
        assertThat(pgStrings(fx, "SELECT '" + fx.pgSchema + ".parent'::regclass::oid::text")).containsExactly(oid);
        assertThat(pgStrings(fx, "SELECT indexname FROM pg_indexes WHERE schemaname = '" + fx.pgSchema + "' ORDER BY 1"))
                .contains("my_own_index", "k_parent", "parent_pkey", "child_pkey");
        assertThat(pgStrings(fx, "SELECT conname || ':' || convalidated FROM pg_constraint WHERE conname = 'child_parent_fk'"))
                .containsExactly("child_parent_fk:true");
    }

    @Test
    void withoutTheGlobalLockMariaDbWorkersUseTheirOwnSnapshotCoordinates() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("nolock");
        String user = TestServers.uniqueName("norel");
        try (Connection c = TestServers.mysqlConnection(null); Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw-" + user + "'");
            s.execute("GRANT SELECT ON `" + fx.mysqlSchema + "`.* TO '" + user + "'@'%'");
            s.execute("GRANT BINLOG MONITOR, REPLICATION SLAVE ON *.* TO '" + user + "'@'%'");
        }
        fx.useConfig(fx.config().replace("user: \"" + TestServers.ADMIN_USER + "\"", "user: \"" + user + "\"")
                .replace("password: \"" + TestServers.ADMIN_PASSWORD + "\"", "password: \"pw-" + user + "\""));
        fx.mysqlExec("CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t SELECT seq, seq FROM seq_1_to_1000",
                "CREATE TABLE u (id INT PRIMARY KEY)", "INSERT INTO u VALUES (1)");
        ReplicaFixture.Run run = initialise(fx);
        assertThat(run.out()).contains("(per_worker");
        assertThat(fx.diff("t")).isEmpty();
        assertThat(fx.diff("u")).isEmpty();
        assertThat(pgStrings(fx, "SELECT count(*) FROM sch_chameleon.replicated_tables WHERE snapshot_binlog_file IS NOT NULL"))
                .containsExactly("2");
    }

    /**
     * Transfers between two tables run while the copy reads them: with one consistent point for
     * all tables, the PostgreSQL copy holds the same total the source always has.
     */
    @Test
    void allTablesComeFromOnePointInTimeUnderConcurrentWrites() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("consistent");
        fx.mysqlExec("CREATE TABLE acc_a (id INT PRIMARY KEY, balance BIGINT NOT NULL)",
                "CREATE TABLE acc_b (id INT PRIMARY KEY, balance BIGINT NOT NULL)",
                "CREATE TABLE filler (id INT PRIMARY KEY, pad CHAR(200))",
                "INSERT INTO acc_a SELECT seq, 1000 FROM seq_1_to_200",
                "INSERT INTO acc_b SELECT seq, 1000 FROM seq_1_to_200",
                "INSERT INTO filler SELECT seq, REPEAT('x', 200) FROM seq_1_to_300000");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger transfers = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Connection c = fx.mysql(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                while (!stop.get()) {
                    int from = ThreadLocalRandom.current().nextInt(1, 201);
                    int to = ThreadLocalRandom.current().nextInt(1, 201);
                    int amount = ThreadLocalRandom.current().nextInt(1, 50);
                    s.execute("UPDATE acc_a SET balance = balance - " + amount + " WHERE id = " + from);
                    s.execute("UPDATE acc_b SET balance = balance + " + amount + " WHERE id = " + to);
                    c.commit();
                    transfers.incrementAndGet();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        try {
            while (transfers.get() < 20) {
                Thread.sleep(10);
            }
            fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(transfers.get()).isGreaterThan(20);
        assertThat(pgStrings(fx, "SELECT (SELECT sum(balance) FROM " + fx.pgSchema + ".acc_a) + (SELECT sum(balance) FROM "
                + fx.pgSchema + ".acc_b)")).containsExactly("400000");
    }

    @Test
    void fillfactorGrantsAndTypeOverrideApply() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("options");
        String role = TestServers.uniqueName("reader");
        try (Connection c = fx.pg(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role);
        }
        fx.useConfig(fx.config().replace("pg_conn:", "type_override:\n  \"tinyint(1)\":\n    override_to: boolean\n"
                + "    override_tables:\n      - \"*\"\nfillfactor:\n  \"40\":\n    tables:\n      - " + fx.mysqlSchema
                + ".hot\npg_conn:") + "    grant_select_to:\n      - " + role + "\n");
        fx.mysqlExec("CREATE TABLE hot (id INT PRIMARY KEY, flag TINYINT(1) NOT NULL DEFAULT 1, n TINYINT)",
                "INSERT INTO hot VALUES (1, 0, 5), (2, 1, -1), (3, 7, 0)");
        initialise(fx);
        assertThat(pgStrings(fx, "SELECT id || ':' || flag || ':' || n FROM " + fx.pgSchema + ".hot ORDER BY id"))
                .containsExactly("1:false:5", "2:true:-1", "3:true:0");
        assertThat(pgStrings(fx, "SELECT data_type || ':' || column_default FROM information_schema.columns"
                + " WHERE table_schema = '" + fx.pgSchema + "' AND column_name = 'flag'")).containsExactly("boolean:true");
        assertThat(pgStrings(fx, "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = '" + fx.pgSchema
                + ".hot'::regclass")).containsExactly("fillfactor=40");
        assertThat(pgStrings(fx, "SELECT has_table_privilege('" + role + "', '" + fx.pgSchema + ".hot', 'SELECT')::text"))
                .containsExactly("true");
    }

    @Test
    void aSwapThatWaitsLongerThanLockTimeoutFailsClearlyAndKeepsTheOldCopy() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("locked");
        fx.useConfig(fx.config().replace("lock_timeout: \"30s\"", "lock_timeout: \"1s\""));
        fx.mysqlExec("CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)");
        initialise(fx);
        fx.mysqlExec("INSERT INTO t VALUES (2)");
        try (Connection reader = fx.pg(); Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            s.execute("LOCK TABLE " + fx.pgSchema + ".t IN ACCESS SHARE MODE");
            ReplicaFixture.Run run = fx.run("init_replica", "--source", fx.sourceName, "--debug");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("lock_timeout (1s)").contains("init_replica again");
            reader.rollback();
        }
        assertThat(pgStrings(fx, "SELECT count(*) FROM " + fx.pgSchema + ".t")).containsExactly("1");
        assertThat(pgStrings(fx, "SELECT status FROM sch_chameleon.sources")).containsExactly("error");
    }

    /** The oracle itself: a value changed on the PostgreSQL side must show as a difference. */
    @Test
    void theComparisonNoticesOneChangedValue() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("oracle");
        fx.mysqlExec("CREATE TABLE t (id INT PRIMARY KEY, d DATETIME(6), v VARCHAR(10))",
                "INSERT INTO t VALUES (1, '2024-01-01 10:00:00.000001', 'a'), (2, NULL, 'b')");
        initialise(fx);
        assertThat(fx.diff("t")).isEmpty();
        try (Connection c = fx.pg(); Statement s = c.createStatement()) {
            s.execute("UPDATE " + fx.pgSchema + ".t SET d = '2024-01-01 10:00:00.000002' WHERE id = 1");
        }
        assertThat(fx.diff("t")).hasSize(2).anyMatch(d -> d.contains("only in MySQL") && d.contains("10:00:00.000001"));
    }

    private static ReplicaFixture.Run initialise(ReplicaFixture fx) {
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        return fx.ok("init_replica", "--source", fx.sourceName, "--debug");
    }

    private static List<String> pgStrings(ReplicaFixture fx, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = fx.pg(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
