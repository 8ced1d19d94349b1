package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sync_tables and refresh_schema copy some tables again into a source the replica follows: the
 * copied tables replace their namesakes alone (enum types and index names included), replay goes
 * on from where it stood, and a copied table's changes before its new snapshot are not applied again.
 */
class SyncTablesIT {

    @Test
    void aDisabledTableIsCopiedAgainAndTheReplicaFollowsItFromItsNewSnapshot() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("sync_tables", "    sleep_loop: 1\n    on_error_replay: continue\n");
        // both tables have an index named idx_v: PostgreSQL needs a different name for one of them
        fx.mysqlExec("CREATE TABLE t (id int PRIMARY KEY, v int, k enum('a','b') NOT NULL DEFAULT 'a', KEY idx_v (v))",
                "CREATE TABLE other (id int PRIMARY KEY, v int, KEY idx_v (v))",
                "INSERT INTO t VALUES (1, 1, 'a'), (2, 2, 'b')", "INSERT INTO other VALUES (1, 1)");
        fx.initReplica();
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("ALTER TABLE " + fx.pgSchema + ".t ADD CONSTRAINT small CHECK (v < 100)");
        }
        RunningReplica replica = RunningReplica.start(fx);
        try {
            fx.mysqlExec("INSERT INTO t VALUES (3, 300, 'a')", "INSERT INTO other VALUES (2, 2)");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.pgStrings("SELECT replicated::text FROM sch_chameleon.replicated_tables WHERE mysql_table = 't'"))
                .as("t left replay").containsExactly("false");

        // while stopped: changes to both tables, then the copy of t alone, then more changes
        // (t's row events before the copy are logged with 3 columns, the copy has 4: they are left out, not a mismatch)
        fx.mysqlExec("INSERT INTO t VALUES (4, 4, 'b')", "UPDATE t SET v = 5 WHERE id = 1", "INSERT INTO other VALUES (3, 3)",
                "ALTER TABLE t ADD COLUMN w int DEFAULT 7");
        assertThat(fx.run("sync_tables", "--source", "mysql", "--tables", "disabled").all())
                .contains("sync_tables of source mysql done: 1 tables");
        assertThat(fx.pgStrings("SELECT status FROM sch_chameleon.sources")).containsExactly("synced");
        long replayedBefore = fx.replayedRows();
        fx.mysqlExec("INSERT INTO t VALUES (6, 6, 'a', 6)", "DELETE FROM t WHERE id = 2", "INSERT INTO other VALUES (4, 4)");

        catchUpAndCompare(fx);
        // other's change from before the copy (1) and those after it (2 of t, 1 of other); t's earlier ones come with the copy
        assertThat(fx.replayedRows() - replayedBefore).as("row changes applied after the copy").isEqualTo(4);
        assertThat(fx.pgStrings("SELECT mysql_table || ' ' || replicated FROM sch_chameleon.replicated_tables"
                + " ORDER BY 1")).containsExactly("other true", "t true");
        assertThat(fx.shape(fx.pgDatabase)).as("the tables after sync_tables vs the ones init_replica builds now")
                .isEqualTo(fx.shape(fx.initReplicaElsewhere("sync_tables_init")));
        assertThat(fx.pgStrings("SELECT indexname FROM pg_indexes WHERE schemaname = '" + fx.pgSchema + "'"
                + " AND indexname LIKE '%idx_v' ORDER BY 1")).hasSize(2).doesNotHaveDuplicates();

        // refresh_schema copies every table of the schema; the replica goes on after it
        assertThat(fx.run("refresh_schema", "--source", "mysql", "--schema", fx.mysqlSchema).all())
                .contains("refresh_schema of source mysql done: 2 tables");
        fx.mysqlExec("INSERT INTO t VALUES (7, 7, 'b', 7)", "INSERT INTO other VALUES (5, 5)");
        catchUpAndCompare(fx);
    }

    /** The enum types of the table a copy replaces go with it, so a column added later can create its type again. */
    @Test
    void theReplacedTablesEnumTypesGoWithIt() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("sync_enum", "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE e (id int PRIMARY KEY, k enum('x','y'))", "CREATE TABLE other (id int PRIMARY KEY)",
                "INSERT INTO e VALUES (1, 'x')");
        fx.initReplica();
        fx.mysqlExec("ALTER TABLE e DROP COLUMN k");
        fx.ok("sync_tables", "--source", "mysql", "--tables", fx.mysqlSchema + ".e");
        assertThat(fx.pgStrings("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = '" + fx.pgSchema + "' AND t.typtype = 'e'")).containsExactly("0");
        fx.mysqlExec("ALTER TABLE e ADD COLUMN k enum('p','q')", "INSERT INTO e VALUES (2, 'q')");
        RunningReplica.catchUpOnce(fx);
        assertThat(fx.pgStrings("SELECT message FROM sch_chameleon.error_log")).isEmpty();
        assertThat(fx.diff("e")).isEmpty();
    }

    /** keep_existing_schema: sync_tables empties and reloads the table in place, so a view on it stays. */
    @Test
    void withKeepExistingSchemaTheTableIsReloadedInPlace() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("sync_keep", "    sleep_loop: 1\n    keep_existing_schema: Yes\n");
        fx.mysqlExec("CREATE TABLE t (id int PRIMARY KEY, v int, KEY idx_v (v))", "CREATE TABLE other (id int PRIMARY KEY)",
                "INSERT INTO t VALUES (1, 1)", "INSERT INTO other VALUES (1)");
        fx.initReplica();
        // with no schema in PostgreSQL yet, init_replica creates it, and the tables with their keys and indexes
        assertThat(fx.pgStrings("SELECT indexname FROM pg_indexes WHERE schemaname = '" + fx.pgSchema + "' ORDER BY 1"))
                .containsExactly("idx_v", "other_pkey", "t_pkey");
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("DELETE FROM " + fx.pgSchema + ".t"); // PostgreSQL lost t's rows
            s.execute("CREATE VIEW " + fx.pgSchema + ".t_view AS SELECT v FROM " + fx.pgSchema + ".t"); // kept in place
        }
        fx.mysqlExec("INSERT INTO t VALUES (2, 2)", "INSERT INTO other VALUES (2)");
        fx.ok("sync_tables", "--source", "mysql", "--tables", fx.mysqlSchema + ".t");
        assertThat(fx.pgStrings("SELECT count(*) FROM " + fx.pgSchema + ".t_view")).containsExactly("2");
        fx.mysqlExec("INSERT INTO t VALUES (3, 3)");
        catchUpAndCompare(fx);
    }

    /** Runs the replica until it has caught up, stops it, and compares both tables. */
    private static void catchUpAndCompare(ReplicaFixture fx) throws Exception {
        RunningReplica.catchUpOnce(fx);
        assertThat(fx.diff("t")).isEmpty();
        assertThat(fx.diff("other")).isEmpty();
    }

    @Test
    void refusalsNameTheProblemAndChangeNothing() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("sync_refused", "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE t (id int PRIMARY KEY)");
        assertThat(fx.run("create_replica_schema").exitCode()).isZero();
        fx.ok("add_source", "--source", "mysql");
        ReplicaFixture.Run notCopied = fx.run("sync_tables", "--source", "mysql", "--tables", fx.mysqlSchema + ".t");
        assertThat(notCopied.exitCode()).isEqualTo(4);
        assertThat(notCopied.all()).contains("run init_replica --source mysql first");
        fx.ok("init_replica", "--source", "mysql");

        ReplicaFixture.Run missing = fx.run("sync_tables", "--source", "mysql", "--tables", fx.mysqlSchema + ".nope");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.all()).contains("no such table to copy: [" + fx.mysqlSchema + ".nope]");
        assertThat(fx.pgStrings("SELECT status FROM sch_chameleon.sources")).containsExactly("initialised");
        assertThat(fx.run("sync_tables", "--source", "mysql", "--tables", "disabled").all())
                .contains("has no disabled table to copy");
        assertThat(fx.run("sync_tables", "--source", "mysql").exitCode()).isEqualTo(2);
        assertThat(fx.run("refresh_schema", "--source", "mysql", "--schema", "elsewhere").all())
                .contains("is not a schema of source mysql");

        RunningReplica replica = RunningReplica.start(fx);
        try {
            ReplicaFixture.Run running = fx.run("sync_tables", "--source", "mysql", "--tables", fx.mysqlSchema + ".t");
            assertThat(running.exitCode()).isEqualTo(4);
            assertThat(running.all()).contains("source mysql is running, held by", "sync_tables refused: one process per source",
                    "stop_replica --source mysql");
        } finally {
            replica.stop();
        }
    }
}
