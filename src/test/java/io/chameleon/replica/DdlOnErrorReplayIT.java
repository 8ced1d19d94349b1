package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DDL statement PostgreSQL refuses, through start_replica: after init_replica, a PostgreSQL view
 * reads column {@code t.c}, so MariaDB's {@code ALTER TABLE t DROP COLUMN c} fails in PostgreSQL
 * (other objects depend on it) while table {@code other} is written before and after it.
 */
class DdlOnErrorReplayIT {
    private static final String DROP = "ALTER TABLE t DROP COLUMN c";

    @Test
    void continueDisablesTheTableTheStatementChangesAndTheOthersGoOn() throws Exception {
        ReplicaFixture fx = prepared("ddlerr_cont", "    sleep_loop: 1\n");
        RunningReplica replica = RunningReplica.start(fx);
        BinlogPosition at;
        try {
            fx.mysqlExec("INSERT INTO other VALUES (1, 1)", "INSERT INTO t VALUES (1, 10, 100)");
            at = afterStatement(fx, DROP);
            fx.mysqlExec("INSERT INTO other VALUES (2, 2)", "INSERT INTO t VALUES (2, 200)",
                    "UPDATE other SET v = 3 WHERE id = 1");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
        } finally {
            replica.stop();
        }

        assertThat(replica.failure()).isNull();
        assertThat(fx.diff("other")).isEmpty();
        // t keeps what PostgreSQL had before the statement: column c and the row before it, not the one after
        assertThat(fx.pgStrings("SELECT id || ' ' || c || ' ' || v FROM " + fx.pgSchema + ".t")).containsExactly("1 10 100");
        assertThat(fx.pgStrings("SELECT mysql_table || ' ' || replicated || ' ' || coalesce(not_replicated_reason, '-')"
                + " FROM sch_chameleon.replicated_tables ORDER BY mysql_table")).satisfiesExactly(
                        other -> assertThat(other).isEqualTo("other true -"),
                        t -> assertThat(t).startsWith("t false on_error_replay continue").contains("depend"));
        assertErrorLogged(fx, at);

        // after a restart, t stays out, later statements on it included, and other goes on
        replica = RunningReplica.start(fx);
        try {
            fx.mysqlExec("ALTER TABLE t ADD COLUMN d int", "INSERT INTO t VALUES (3, 300, 3)",
                    "INSERT INTO other VALUES (4, 4)");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.diff("other")).isEmpty();
        assertThat(fx.pgStrings("SELECT count(*) FROM " + fx.pgSchema + ".t")).containsExactly("1");
        // the later statement still ran in PostgreSQL (docs/ddl.md, Failures); the refused one did not
        assertThat(fx.pgStrings("SELECT string_agg(column_name, ',' ORDER BY ordinal_position)"
                + " FROM information_schema.columns WHERE table_schema = '" + fx.pgSchema + "' AND table_name = 't'"))
                .containsExactly("id,c,v,d");
        assertThat(fx.pgStrings("SELECT replicated::text FROM sch_chameleon.replicated_tables WHERE mysql_table = 't'"))
                .containsExactly("false");
    }

    @Test
    void aRefusedDropTableIsLoggedUnderContinue() throws Exception {
        ReplicaFixture fx = prepared("ddlerr_drop", "    sleep_loop: 1\n");
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("CREATE FUNCTION " + fx.pgSchema + ".no_drop() RETURNS event_trigger LANGUAGE plpgsql"
                    + " AS $$ BEGIN RAISE EXCEPTION 'tables are kept here'; END $$");
            s.execute("CREATE EVENT TRIGGER no_drop ON ddl_command_start WHEN TAG IN ('DROP TABLE')"
                    + " EXECUTE FUNCTION " + fx.pgSchema + ".no_drop()");
        }
        RunningReplica replica = RunningReplica.start(fx);
        BinlogPosition at;
        try {
            at = afterStatement(fx, "DROP TABLE t");
            fx.mysqlExec("INSERT INTO other VALUES (1, 1)");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.diff("other")).isEmpty();
        assertThat(fx.pgStrings("SELECT mysql_table || ' | ' || sql_text || ' | ' || message || ' | ' || binlog_file"
                + " || ':' || binlog_position FROM sch_chameleon.error_log")).singleElement().asString()
                .startsWith("t | MySQL: DROP TABLE `t`").contains("\nPostgreSQL: DROP TABLE").contains("tables are kept here")
                .endsWith(" | " + at.file() + ":" + at.position());
    }

    @Test
    void exitStopsBeforeTheStatementAndAfterTheFixTheReplicaAppliesItAndCatchesUp() throws Exception {
        ReplicaFixture fx = prepared("ddlerr_exit", "    sleep_loop: 1\n    on_error_replay: exit\n");
        RunningReplica replica = RunningReplica.start(fx);
        fx.mysqlExec("INSERT INTO other VALUES (1, 1)", "INSERT INTO t VALUES (1, 10, 100)");
        BinlogPosition before;
        try (Connection my = fx.mysql()) {
            before = ReplicaCatchUp.sourcePosition(my);
        }
        replica.awaitApplied(before, Duration.ofSeconds(60));
        BinlogPosition at = afterStatement(fx, DROP);
        fx.mysqlExec("INSERT INTO other VALUES (2, 2)", "INSERT INTO t VALUES (2, 200)",
                "UPDATE other SET v = 3 WHERE id = 1");

        assertThat(replica.awaitEnd(Duration.ofSeconds(60))).as("the replica stops by itself").isTrue();
        assertThat(replica.failure()).isNotNull().hasMessageContaining("rolled back");
        SourceRecord stopped = record(fx);
        assertThat(stopped.status()).isEqualTo(SourceStatus.ERROR);
        assertThat(stopped.applied().file()).isEqualTo(before.file());
        assertThat(stopped.applied().position()).isEqualTo(before.position());
        assertThat(fx.pgStrings("SELECT count(*) FROM sch_chameleon.replicated_tables WHERE NOT replicated"))
                .containsExactly("0");
        assertErrorLogged(fx, at);

        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("DROP VIEW " + fx.pgSchema + ".t_c");
        }
        fx.ok("enable_replica", "--source", "mysql");
        replica = RunningReplica.start(fx);
        try {
            fx.mysqlExec("INSERT INTO t VALUES (3, 300)", "INSERT INTO other VALUES (3, 3)");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.pgStrings("SELECT count(*) FROM information_schema.columns WHERE table_schema = '"
                + fx.pgSchema + "' AND table_name = 't' AND column_name = 'c'")).containsExactly("0");
        assertThat(fx.diff("t")).isEmpty();
        assertThat(fx.diff("other")).isEmpty();
    }

    @Test
    void underExitAStatementRefusedOnATableAlreadyOutOfReplayIsLoggedAndTheReplicaGoesOn() throws Exception {
        ReplicaFixture fx = prepared("ddlerr_out", "    sleep_loop: 1\n    on_error_replay: exit\n");
        try (Connection pg = fx.pg()) {
            Catalog catalog = Catalog.open(pg);
            catalog.tables().disable(catalog.sources().id(fx.sourceName), new TableName(fx.mysqlSchema, "t"),
                    "disabled by the test");
        }
        RunningReplica replica = RunningReplica.start(fx);
        BinlogPosition at;
        try {
            at = afterStatement(fx, DROP);
            fx.mysqlExec("INSERT INTO other VALUES (1, 1)");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.diff("other")).isEmpty();
        assertErrorLogged(fx, at);
        assertThat(fx.pgStrings("SELECT not_replicated_reason FROM sch_chameleon.replicated_tables"
                + " WHERE mysql_table = 't'")).as("the first reason is kept").containsExactly("disabled by the test");
    }

    /** error_log and show_errors name both statements, PostgreSQL's message and the statement's position. */
    private static void assertErrorLogged(ReplicaFixture fx, BinlogPosition at) throws SQLException {
        assertThat(fx.pgStrings("SELECT mysql_table || ' | ' || sql_text || ' | ' || message || ' | ' || binlog_file"
                + " || ':' || binlog_position FROM sch_chameleon.error_log")).singleElement().asString()
                .startsWith("t | MySQL: " + DROP + "\nPostgreSQL: ALTER TABLE")
                .contains("DROP COLUMN", "cannot drop column c of table", "other objects depend on it")
                .endsWith(" | " + at.file() + ":" + at.position());
        String logId = fx.pgStrings("SELECT log_id FROM sch_chameleon.error_log").get(0);
        assertThat(fx.ok("show_errors", "--logid", logId).out()).contains(DROP, "other objects depend on it",
                at.file());
    }

    /** Runs {@code sql} alone on MariaDB; returns the binlog position after it. */
    private static BinlogPosition afterStatement(ReplicaFixture fx, String sql) throws SQLException {
        try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
            s.execute(sql);
            return ReplicaCatchUp.sourcePosition(my);
        }
    }

    private static ReplicaFixture prepared(String name, String keys) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(name, keys);
        fx.mysqlExec("CREATE TABLE t (id int PRIMARY KEY, c int, v int)", "CREATE TABLE other (id int PRIMARY KEY, v int)");
        fx.initReplica();
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("CREATE VIEW " + fx.pgSchema + ".t_c AS SELECT c FROM " + fx.pgSchema + ".t");
        }
        return fx;
    }

    private static SourceRecord record(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName);
        }
    }
}
