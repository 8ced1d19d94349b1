package io.chameleon.replica;

import io.chameleon.ddl.NotFollowedCorpusTest;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What start_replica cannot follow never stops it: the corpus of statements DDL replay skips goes
 * through the binlog with DML after each, and a table changed behind the replica's back (a column
 * type the grammar lacks) is caught by its table map and stops alone, with the reason in error_log.
 */
class DdlNotFollowedIT {

    @Test
    void theCorpusOfStatementsNotFollowedGoesThroughAndTheRowsAfterThemAreReplicated() throws Exception {
        ReplicaFixture fx = started("ddl_corpus", "CREATE TABLE t (id int PRIMARY KEY, name varchar(10))",
                "CREATE TABLE audit (id int)", "CREATE TABLE counters (n int)",
                "CREATE TABLE rows_after (id int PRIMARY KEY, after_statement text)");
        RunningReplica replica = RunningReplica.start(fx);
        int accepted = 0;
        int n = 0;
        for (String sql : NotFollowedCorpusTest.corpus()) {
            // statements that would change the shared server or hold the session are left out
            if (sql.startsWith("XA ") || sql.startsWith("SET GLOBAL")) {
                continue;
            }
            try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
                s.execute(sql);
                accepted++;
            } catch (SQLException refusedByMariaDb) {
                // not in the binlog: nothing for the replica to see
            }
            n++;
            fx.mysqlExec("INSERT INTO rows_after VALUES (" + n + ", '" + sql.lines().findFirst().orElse("")
                    .replace("'", "''").replace("\\", "\\\\") + "')");
        }
        replica.awaitCaughtUp(Duration.ofSeconds(90));
        replica.stop();

        assertThat(replica.failure()).isNull();
        assertThat(accepted).as("statements MariaDB accepted and logged").isGreaterThan(20);
        assertThat(fx.diff("rows_after")).isEmpty();
        assertThat(fx.pgStrings("SELECT count(*) FROM " + fx.pgSchema + ".rows_after")).containsExactly(String.valueOf(n));
    }

    @Test
    void aTableWhoseTableMapContradictsItsTrackedColumnsStopsAloneWithItsReason() throws Exception {
        ReplicaFixture fx = started("ddl_tablemap", "CREATE TABLE watched (id int PRIMARY KEY, v int)",
                "CREATE TABLE other (id int PRIMARY KEY, v int)");
        RunningReplica replica = RunningReplica.start(fx);
        // INET6 is not in the grammar: skipped as unparseable, though it changed the table
        fx.mysqlExec("ALTER TABLE watched ADD COLUMN ip INET6", "INSERT INTO watched VALUES (1, 1, '::1')",
                "INSERT INTO other VALUES (1, 1)", "INSERT INTO watched VALUES (2, 2, NULL)",
                "INSERT INTO other VALUES (2, 2)");
        replica.awaitCaughtUp(Duration.ofSeconds(60));
        replica.stop();

        assertThat(replica.failure()).isNull();
        assertThat(fx.diff("other")).isEmpty();
        assertThat(fx.pgStrings("SELECT count(*) FROM " + fx.pgSchema + ".watched")).containsExactly("0");
        assertThat(fx.pgStrings("SELECT replicated::text FROM sch_chameleon.replicated_tables WHERE mysql_table = 'watched'"))
                .containsExactly("false");
        assertThat(fx.pgStrings("SELECT message FROM sch_chameleon.error_log WHERE mysql_table = 'watched'"))
                .singleElement().asString().contains("watched", "the binlog has 3 columns, the replica tracks 2",
                        "sync_tables");

        // a restart leaves it out, and the other table goes on
        replica = RunningReplica.start(fx);
        fx.mysqlExec("INSERT INTO watched VALUES (3, 3, NULL)", "INSERT INTO other VALUES (3, 3)");
        replica.awaitCaughtUp(Duration.ofSeconds(60));
        replica.stop();
        assertThat(replica.failure()).isNull();
        assertThat(fx.diff("other")).isEmpty();
        assertThat(fx.pgStrings("SELECT count(*) FROM " + fx.pgSchema + ".watched")).containsExactly("0");
    }

    private static ReplicaFixture started(String prefix, String... tables) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(prefix, "    sleep_loop: 1\n");
        fx.mysqlExec(tables);
        fx.initReplica();
        return fx;
    }
}
