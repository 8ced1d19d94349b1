package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code gtid_enable: Yes} a restart resumes by GTID: the replica stops, MySQL goes on writing
 * and moves to a new binlog file, and the stored file and position are then overwritten with the end
 * of the binlog, where resuming would skip everything written meanwhile. Only the stored GTID position
 * leads to the right place: the tables compare equal, and the catalogue's count of applied row changes
 * shows each was applied once.
 */
class ReplicaGtidIT {
    private static final String[] TABLES = {"items", "order_lines"};
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @Test
    void aRestartResumesByGtidAlone() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = MixedWorkload.addedSource("gtid", "    gtid_enable: Yes\n    sleep_loop: 1\n", 1, 100, nextId);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        assertThat(applied(fx).gtidSet()).as("init_replica stores the snapshot's GTID position").isNotBlank();

        RunningReplica first = RunningReplica.start(fx);
        try (Connection my = fx.mysql()) {
            writeTransactions(my, new MixedWorkload(2, nextId), 50);
            first.awaitCaughtUp(CATCH_UP);
            first.stop();
            assertThat(first.failure()).isNull();
            // what the catalogue keeps: the file and position, and the GTID position, of the same point
            assertThat(applied(fx)).isEqualTo(ReplicaCatchUp.sourceGtidPosition(my));
        }
        long replayedAtStop = fx.replayedRows();

        MixedWorkload afterStop = new MixedWorkload(3, nextId);
        BinlogPosition end;
        try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
            writeTransactions(my, afterStop, 40);
            s.execute("FLUSH BINARY LOGS");
            writeTransactions(my, afterStop, 40);
            end = ReplicaCatchUp.sourceGtidPosition(my);
        }
        BinlogPosition stored = applied(fx);
        assertThat(stored.file()).as("the replica stopped in an earlier binlog file").isLessThan(end.file());
        setAppliedFileAndPosition(fx, end);

        RunningReplica second = RunningReplica.start(fx);
        try (Connection my = fx.mysql()) {
            writeTransactions(my, afterStop, 20);
            BinlogPosition now = ReplicaCatchUp.sourceGtidPosition(my);
            second.awaitApplied(now, CATCH_UP);
            second.stop();
            assertThat(second.failure()).isNull();
            assertThat(applied(fx).file()).isEqualTo(now.file());
        }
        for (String table : TABLES) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }
        assertThat(fx.replayedRows() - replayedAtStop).as("row changes applied after the restart, each once")
                .isEqualTo(afterStop.committedRowChanges());
    }

    private static void writeTransactions(Connection my, MixedWorkload workload, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            workload.transaction(my);
        }
    }

    private static BinlogPosition applied(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName).applied();
        }
    }

    /** Overwrites the stored file and position, leaving the stored GTID position as it is. */
    private static void setAppliedFileAndPosition(ReplicaFixture fx, BinlogPosition p) throws SQLException {
        try (Connection pg = fx.pg(); PreparedStatement s = pg.prepareStatement("UPDATE sch_chameleon.sources"
                + " SET applied_binlog_file = ?, applied_binlog_position = ? WHERE source_name = ?")) {
            s.setString(1, p.file());
            s.setLong(2, p.position());
            s.setString(3, fx.sourceName);
            assertThat(s.executeUpdate()).isOne();
        }
    }
}
