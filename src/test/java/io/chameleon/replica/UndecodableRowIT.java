package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A row event the reader cannot decode: a session writes with binlog_row_image MINIMAL, so the
 * update of table {@code odd} carries only some of its columns, while other transactions write
 * table {@code fine}. Under on_error_replay continue only {@code odd} leaves replay, with the binlog
 * file:position and the mysqlbinlog command in its reason and in error_log; under exit the
 * replica stops there.
 */
class UndecodableRowIT {

    @Test
    void continueExcludesOnlyTheTableOfTheRowAndTheOthersGoOn() throws Exception {
        ReplicaFixture fx = prepared("undecodable_cont", "    on_error_replay: continue\n");
        RunningReplica replica = RunningReplica.start(fx);
        try {
            fx.mysqlExec("INSERT INTO fine VALUES (1, 'before')");
            fx.mysqlExec("SET SESSION binlog_row_image = 'MINIMAL'", "START TRANSACTION",
                    "INSERT INTO fine VALUES (2, 'same transaction')", "UPDATE odd SET v = 'changed' WHERE id = 1",
                    "COMMIT");
            fx.mysqlExec("INSERT INTO fine VALUES (3, 'after')", "UPDATE fine SET v = 'updated' WHERE id = 1",
                    "INSERT INTO odd VALUES (3, 'not replicated any more', 3)");
            replica.awaitCaughtUp(Duration.ofSeconds(60));

            assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
            assertThat(fx.diff("fine")).isEmpty();
            assertThat(fx.pgStrings("SELECT string_agg(id || '=' || v, ',' ORDER BY id) FROM " + fx.pgSchema + ".odd"))
                    .containsExactly("1=one,2=two");
            assertThat(fx.pgStrings("SELECT mysql_table || ' ' || replicated || ' ' || not_replicated_reason"
                    + " FROM sch_chameleon.replicated_tables WHERE mysql_table = 'odd'")).singleElement()
                    .satisfies(r -> assertThat(r).startsWith("odd false ").contains("cannot be decoded",
                            "binlog_row_image", "mysqlbinlog --read-from-remote-server --host=", " -p --start-position=",
                            "sync_tables"));
            assertThat(fx.pgStrings("SELECT mysql_table || ' | ' || message FROM sch_chameleon.error_log")).singleElement()
                    .satisfies(e -> assertThat(e).startsWith("odd | ").containsPattern("at [^ ]+\\.\\d+:\\d+ cannot")
                            .contains("mysqlbinlog"));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
    }

    @Test
    void exitStopsTheReplicaAtTheRowWithThePositionUntouched() throws Exception {
        ReplicaFixture fx = prepared("undecodable_exit", "    on_error_replay: exit\n");
        BinlogPosition before = record(fx).applied();
        fx.mysqlExec("SET SESSION binlog_row_image = 'MINIMAL'", "UPDATE odd SET v = 'changed' WHERE id = 1");

        ReplicaFixture.Run run = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> fx.run("start_replica", "--source", "mysql", "--debug"));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.all()).contains(fx.mysqlSchema + ".odd", "cannot be decoded", "mysqlbinlog --read-from-remote-server");
        SourceRecord after = record(fx);
        assertThat(after.status()).isEqualTo(SourceStatus.ERROR);
        assertThat(after.applied()).isEqualTo(before);
        assertThat(fx.pgStrings("SELECT count(*) FROM sch_chameleon.replicated_tables WHERE NOT replicated"))
                .containsExactly("0");
    }

    private static ReplicaFixture prepared(String name, String keys) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(name, "    sleep_loop: 1\n" + keys);
        fx.mysqlExec("CREATE TABLE fine (id int PRIMARY KEY, v varchar(20))",
                "CREATE TABLE odd (id int PRIMARY KEY, v varchar(30), w int)",
                "INSERT INTO odd VALUES (1, 'one', 1), (2, 'two', 2)");
        fx.initReplica();
        return fx;
    }

    private static SourceRecord record(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName);
        }
    }
}
