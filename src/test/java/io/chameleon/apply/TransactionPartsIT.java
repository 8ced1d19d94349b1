package io.chameleon.apply;

import io.chameleon.binlog.RowChange;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.config.SourceConfig.OnError;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.chameleon.apply.BatchApplierIT.ACCOUNTS;
import static io.chameleon.apply.BatchApplierIT.LINES;
import static io.chameleon.apply.BatchApplierIT.del;
import static io.chameleon.apply.BatchApplierIT.ins;
import static io.chameleon.apply.BatchApplierIT.row;
import static io.chameleon.apply.BatchApplierIT.upd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transaction larger than a batch, applied part by part in one PostgreSQL transaction (on
 * {@link BatchApplierIT}'s database and tables): another session sees neither its rows nor a new
 * position before the last part, and all of them with it; parts without their commit, a stop
 * between parts and a failing part roll back every part; lost parts are refused.
 */
class TransactionPartsIT {
    private static final String ACCOUNTS_NOW = "SELECT string_agg(id || ':' || balance, ' ' ORDER BY id) FROM dst.accounts";
    private static final String POSITION = "SELECT coalesce(applied_binlog_position || ' ' || replayed_rows, 'none')"
            + " FROM sch_chameleon.sources";

    private final BatchApplierIT db = new BatchApplierIT();

    @BeforeEach
    void createDatabase() throws SQLException {
        db.createCatalogueSourceAndTables();
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void nothingIsVisibleBeforeTheLastPartAndEverythingWithIt() throws Exception {
        String before = elsewhere(ACCOUNTS_NOW);

        ApplyResult first = db.applier.apply(List.of(part(1, false, 100,
                ins(ACCOUNTS, "4", "dee", "40.00"), upd(ACCOUNTS, row("1", "ann", "10.00"), row("1", "ann", "11.00")))));
        // the second part changes rows the first one wrote: applied after it, as MySQL did
        ApplyResult second = db.applier.apply(List.of(part(2, false, 200,
                upd(ACCOUNTS, row("4", "dee", "40.00"), row("4", "dee", "41.00")), del(ACCOUNTS, "2", "bob", "20.00"),
                upd(ACCOUNTS, row("3", "cy", "30.00"), row("30", "cy", "30.00")))));

        assertThat(first.committed()).isFalse();
        assertThat(second.committed()).isFalse();
        assertThat(second.applied()).isNull();
        assertThat(elsewhere(ACCOUNTS_NOW)).isEqualTo(before);
        assertThat(elsewhere(POSITION)).isEqualTo("none");

        ApplyResult last = db.applier.apply(List.of(part(3, true, 300, ins(ACCOUNTS, "5", "eve", "5.00"))));

        assertThat(last.applied()).isEqualTo(new BinlogPosition("mysql-bin.000001", 300, null));
        assertThat(elsewhere(ACCOUNTS_NOW)).isEqualTo("1:11.00 4:41.00 5:5.00 30:30.00");
        assertThat(elsewhere(POSITION)).isEqualTo("300 6");
    }

    @Test
    void partsWithoutTheirCommitAreRolledBackWhenTheNextTransactionBegins() throws Exception {
        String before = elsewhere(ACCOUNTS_NOW);
        db.applier.apply(List.of(part(1, false, 100, ins(ACCOUNTS, "4", "dee", "40.00"))));

        db.applier.apply(List.of(part(1, true, 200, ins(LINES, "1", "1", "1"))));

        assertThat(elsewhere(ACCOUNTS_NOW)).isEqualTo(before);
        assertThat(elsewhere("SELECT count(*) FROM dst.lines")).isEqualTo("1");
        assertThat(elsewhere(POSITION)).isEqualTo("200 1");
    }

    @Test
    void aStopBetweenPartsRollsThemBack() throws Exception {
        String before = elsewhere(ACCOUNTS_NOW);
        db.applier.apply(List.of(part(1, false, 100, ins(ACCOUNTS, "4", "dee", "40.00"))));

        db.applier.rollBackOpenTransaction();

        assertThat(elsewhere(ACCOUNTS_NOW)).isEqualTo(before);
        assertThat(elsewhere(POSITION)).isEqualTo("none");
        // read again from the applied position after the next start, it arrives from its first part
        db.applier.apply(List.of(part(1, false, 100, ins(ACCOUNTS, "4", "dee", "40.00"))));
        db.applier.apply(List.of(part(2, true, 150, ins(ACCOUNTS, "5", "eve", "5.00"))));
        assertThat(elsewhere(POSITION)).isEqualTo("150 2");
    }

    @Test
    void aFailingPartRollsBackTheEarlierPartsToo() throws Exception {
        String before = elsewhere(ACCOUNTS_NOW);
        db.applier.apply(List.of(part(1, false, 100, ins(ACCOUNTS, "4", "dee", "40.00"))));

        assertThatThrownBy(() -> db.applier.apply(List.of(part(2, false, 200, ins(ACCOUNTS, "5", "eve", null)))))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("mysql-bin.000001:200")
                .hasMessageContaining("nor the earlier parts of its transaction");

        assertThat(elsewhere(ACCOUNTS_NOW)).isEqualTo(before);
        assertThat(elsewhere(POSITION)).isEqualTo("none");
        // the transaction is read again from the applied position: its first part starts afresh
        db.applier.apply(List.of(part(1, true, 100, ins(ACCOUNTS, "4", "dee", "40.00"))));
        assertThat(elsewhere(POSITION)).isEqualTo("100 1");
    }

    @Test
    void aTableDisabledByOnePartIsLeftOutOfTheNextOnesAndDisabledWithTheCommit() throws Exception {
        db.registerTables();
        BatchApplier continuing = new BatchApplier(db.pg, db.sourceId, db.targets, OnError.CONTINUE);
        continuing.apply(List.of(part(1, false, 100, ins(ACCOUNTS, "4", "dee", "40.00"), ins(LINES, "1", "1", "1"))));

        ApplyResult failed = continuing.apply(List.of(part(2, false, 200, ins(ACCOUNTS, "5", "eve", null),
                ins(LINES, "1", "2", "2"))));
        ApplyResult last = continuing.apply(List.of(part(3, true, 300, ins(ACCOUNTS, "6", "fay", "6.00"),
                ins(LINES, "1", "3", "3"))));

        assertThat(failed.disabledTables()).containsOnlyKeys(ACCOUNTS);
        assertThat(last.skippedRowChanges()).containsEntry(ACCOUNTS, 1L);
        assertThat(continuing.applied()).doesNotContain(ACCOUNTS);
        assertThat(elsewhere("SELECT string_agg(line::text, ' ' ORDER BY line) FROM dst.lines")).isEqualTo("1 2 3");
        assertThat(elsewhere("SELECT string_agg(mysql_table || ' ' || replicated, ', ' ORDER BY mysql_table)"
                + " FROM sch_chameleon.replicated_tables")).isEqualTo("accounts false, lines true");
        assertThat(elsewhere(POSITION)).isEqualTo("300 4");
    }

    @Test
    void aLostPartOrAPartBatchedWithOtherTransactionsIsRefused() throws Exception {
        db.applier.apply(List.of(part(1, false, 100, ins(ACCOUNTS, "4", "dee", "40.00"))));

        assertThatThrownBy(() -> db.applier.apply(List.of(part(3, true, 300, ins(ACCOUNTS, "5", "eve", "5.00")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("part 3")
                .hasMessageContaining("does not follow 1 part up to mysql-bin.000001:100")
                .hasMessageContaining("parts were lost");
        assertThatThrownBy(() -> db.applier.apply(List.of(part(1, true, 400), part(1, false, 500))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("applied alone");
    }

    private static SourceTransaction part(int part, boolean last, long position, RowChange... changes) {
        return new SourceTransaction(List.of(changes), new BinlogPosition("mysql-bin.000001", position, null),
                Instant.ofEpochSecond(position), part, last);
    }

    /** One value read by another session, which sees only what the applier committed. */
    private String elsewhere(String sql) throws SQLException {
        try (Connection c = TestServers.pgConnection(db.database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return String.join("\n", values);
        }
    }
}
