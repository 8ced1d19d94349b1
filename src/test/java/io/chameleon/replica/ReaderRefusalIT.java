package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal that reading again cannot fix (here the server no longer has the binlog file the
 * applied position names, as after PURGE BINARY LOGS) stops the replica with status error and an
 * error_log entry saying what the server said, where the replica stood, and the fix.
 */
class ReaderRefusalIT {

    @Test
    void aBinlogTheServerNoLongerHasStopsTheReplicaWithAnErrorLogEntry() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("reader_refusal", "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE t (id int PRIMARY KEY)");
        fx.initReplica();
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.executeUpdate("UPDATE sch_chameleon.sources SET applied_binlog_file = 'mysql-bin.999999',"
                    + " applied_binlog_position = 4, applied_gtid_set = NULL WHERE source_name = '" + fx.sourceName + "'");
        }

        RunningReplica replica = RunningReplica.start(fx);
        assertThat(replica.awaitEnd(Duration.ofSeconds(60))).as("the replica stops by itself").isTrue();
        assertThat(replica.failure()).isNotNull().hasMessageContaining("refused the binlog stream");
        assertThat(fx.pgStrings("SELECT status FROM sch_chameleon.sources")).containsExactly("error");
        assertThat(fx.pgStrings("SELECT binlog_file || ':' || binlog_position || ' ' || message"
                + " FROM sch_chameleon.error_log")).singleElement().asString()
                .startsWith("mysql-bin.999999:4 ").contains("refused the binlog stream").contains("1236").contains("init_replica must copy the tables again");
        String logId = fx.pgStrings("SELECT log_id FROM sch_chameleon.error_log").get(0);
        assertThat(fx.ok("show_errors", "--logid", logId).out()).contains("refused the binlog stream", "mysql-bin.999999");
    }
}
