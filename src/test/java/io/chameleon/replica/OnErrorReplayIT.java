package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * on_error_replay end to end: after init_replica, PostgreSQL gets a CHECK constraint MySQL does not
 * have, so a change of table {@code bad} is rejected while the same MySQL transaction also writes
 * table {@code good}.
 */
class OnErrorReplayIT {

    @Test
    void continueExcludesTheFailingTableAndTheOthersGoOn() throws Exception {
        ReplicaFixture fx = prepared("onerror_cont", "    sleep_loop: 1\n");
        RunningReplica replica = RunningReplica.start(fx);
        try {
            fx.mysqlExec("START TRANSACTION", "INSERT INTO good VALUES (1, 1)", "INSERT INTO bad VALUES (1, 500)", "COMMIT");
            fx.mysqlExec("INSERT INTO good VALUES (2, 2)", "INSERT INTO bad VALUES (2, 5)", "UPDATE good SET v = 3 WHERE id = 1");
            replica.awaitCaughtUp(Duration.ofSeconds(60));

            assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
            assertThat(fx.diff("good")).isEmpty();
            assertThat(pg(fx, "SELECT count(*) FROM " + fx.pgSchema + ".bad")).containsExactly("0");
            assertThat(pg(fx, "SELECT mysql_table || ' ' || replicated || ' ' || coalesce(not_replicated_reason, '-')"
                    + " FROM sch_chameleon.replicated_tables ORDER BY mysql_table")).satisfiesExactly(
                            bad -> assertThat(bad).startsWith("bad false on_error_replay continue").contains("small"),
                            good -> assertThat(good).isEqualTo("good true -"));
            assertThat(pg(fx, "SELECT mysql_table || ' | ' || sql_text || ' | ' || message FROM sch_chameleon.error_log"))
                    .singleElement().satisfies(e -> assertThat(e).startsWith("bad | COPY")
                            .contains("violates check constraint \"small\""));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(record(fx).status()).isEqualTo(SourceStatus.STOPPED);
        // a restart leaves the disabled table out from the catalogue
        ChameleonConfig config = ConfigLoader.load(fx.configFile);
        assertThat(ReplicaDaemon.prepare(config, config.source("mysql"))).isNotNull();
    }

    @Test
    void exitStopsWithStatusErrorAndThePositionUntouched() throws Exception {
        ReplicaFixture fx = prepared("onerror_exit", "    sleep_loop: 1\n    on_error_replay: exit\n");
        BinlogPosition before = record(fx).applied();
        fx.mysqlExec("START TRANSACTION", "INSERT INTO good VALUES (1, 1)", "INSERT INTO bad VALUES (1, 500)", "COMMIT");

        ReplicaFixture.Run run = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> fx.run("start_replica", "--source", "mysql", "--debug"));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.all()).contains(fx.mysqlSchema + ".bad", "violates check constraint \"small\"", "rolled back");
        SourceRecord after = record(fx);
        assertThat(after.status()).isEqualTo(SourceStatus.ERROR);
        assertThat(after.applied()).isEqualTo(before);
        assertThat(pg(fx, "SELECT count(*) FROM " + fx.pgSchema + ".good")).containsExactly("0");
        assertThat(pg(fx, "SELECT count(*) FROM sch_chameleon.replicated_tables WHERE NOT replicated")).containsExactly("0");
        assertThat(pg(fx, "SELECT mysql_table || ' | ' || message FROM sch_chameleon.error_log")).singleElement()
                .satisfies(e -> assertThat(e).startsWith("bad | ").contains("violates check constraint \"small\""));
    }

    private static ReplicaFixture prepared(String name, String keys) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(name, keys);
        fx.mysqlExec("CREATE TABLE good (id int PRIMARY KEY, v int)", "CREATE TABLE bad (id int PRIMARY KEY, v int)");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "mysql");
        fx.ok("init_replica", "--source", "mysql", "--debug");
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("ALTER TABLE " + fx.pgSchema + ".bad ADD CONSTRAINT small CHECK (v < 100)");
        }
        return fx;
    }

    private static SourceRecord record(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName);
        }
    }

    private static List<String> pg(ReplicaFixture fx, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection pg = fx.pg(); Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
