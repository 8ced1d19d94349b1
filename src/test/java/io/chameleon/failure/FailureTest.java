package io.chameleon.failure;

import com.github.shyiko.mysql.binlog.network.ServerException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTest {
    @Test
    void postgresqlStatesThatPassByThemselvesAreRetried() {
        for (String state : new String[] {"40P01", "40001", "55P03", "53300", "57P01", "57P02", "57P03", "57014",
                "08006"}) {
            assertThat(Failure.of(new SQLException("pg", state))).as(state).isEqualTo(Failure.RETRY);
        }
    }

    @Test
    void mysqlCodesThatPassByThemselvesAreRetried() {
        for (int code : new int[] {1213, 1205, 1040, 1203, 1053, 1969, 3024}) {
            assertThat(Failure.of(new SQLException("mysql", "HY000", code))).as("" + code).isEqualTo(Failure.RETRY);
        }
        assertThat(Failure.of(new ServerException("Too many connections", 1040, "08004"))).isEqualTo(Failure.RETRY);
        assertThat(Failure.of(new ServerException("A slave with the same server_uuid/server_id as this slave has"
                + " connected to the master", 4052, "HY000"))).as("a lapsed holder's binlog connection").isEqualTo(Failure.RETRY);
        assertThat(Failure.code(new SQLException("Deadlock found", "40001", 1213))).isEqualTo("MySQL error 1213");
    }

    @Test
    void foundUnderWrappersAndChainedBatchErrors() {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        Exception wrapped = new IllegalStateException("the batch ending at mysql-bin.000001:4 was not applied",
                new RuntimeException(deadlock));
        assertThat(Failure.of(wrapped)).isEqualTo(Failure.RETRY);
        assertThat(Failure.code(wrapped)).isEqualTo("SQLSTATE 40P01");

        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
        batch.setNextException(new SQLException("lock timeout", "55P03"));
        assertThat(Failure.of(batch)).isEqualTo(Failure.RETRY);
    }

    @Test
    void failuresEveryTableWouldMeetStop() {
        assertThat(Failure.of(new SQLException("could not extend file", "53100"))).isEqualTo(Failure.STOP);
        assertThat(Failure.of(new SQLException("password authentication failed", "28P01"))).isEqualTo(Failure.STOP);
        assertThat(Failure.of(new SQLException("Access denied", "42000", 1142))).isEqualTo(Failure.STOP);
        assertThat(Failure.blamesTable(new SQLException("disk full", "53100"), false)).isFalse();
    }

    @Test
    void aTablesOwnFailureExcludesTheTable() {
        assertThat(Failure.of(new SQLException("violates check constraint", "23514"))).isEqualTo(Failure.EXCLUDE_TABLE);
        assertThat(Failure.of(new SQLException("column does not exist", "42703"))).isEqualTo(Failure.EXCLUDE_TABLE);
        assertThat(Failure.of(new IllegalArgumentException("value out of range"))).isEqualTo(Failure.EXCLUDE_TABLE);
    }

    @Test
    void aTransientFailureIsTheTablesOnlyOnceNoLongerRetried() {
        SQLException lock = new SQLException("canceling statement due to lock timeout", "55P03");
        assertThat(Failure.blamesTable(lock, true)).isFalse();
        assertThat(Failure.retriedLater(lock, true)).isTrue();
        assertThat(Failure.blamesTable(lock, false)).isTrue();
        assertThat(Failure.retriedLater(lock, false)).isFalse();
        SQLException lost = new SQLException("connection refused", "08001");
        assertThat(Failure.blamesTable(lost, false)).as("an outage is never the table's").isFalse();
        assertThat(Failure.retriedLater(lost, true)).as("an outage is retried as on_error_read says").isFalse();
    }
}
