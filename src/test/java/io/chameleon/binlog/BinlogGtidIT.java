package io.chameleon.binlog;

import io.chameleon.catalog.TrackedColumn;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.testing.SourceSql;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB GTID positions: every transaction's end carries the server's {@code @@gtid_binlog_pos}
 * after its commit (including a DDL between two transactions), and a reader started by GTID
 * after the first transaction gets exactly the later ones.
 */
class BinlogGtidIT {
    private static String db;
    private static Map<TableName, ReaderTable> followed;
    private static BinlogPosition before;
    /** {@code @@gtid_binlog_pos} after each of the three commits. */
    private static final List<String> gtidAfter = new ArrayList<>();

    @BeforeAll
    static void writeWorkload() throws SQLException {
        db = TestServers.createMysqlDatabase("binlog_gtid");
        try (Connection c = TestServers.mysqlConnection(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL) ENGINE=InnoDB");
            Map<TableName, List<TrackedColumn>> columns = new HashMap<>();
            for (TableDef t : new SchemaReader(c, ServerInfo.read(c)).readSchema(db)) {
                columns.put(t.name(), t.columns().stream().map(col -> TrackedColumn.of(col, "")).toList());
            }
            followed = Map.of(new TableName(db, "items"),
                    new ReaderTable(columns.get(new TableName(db, "items")), null));
            before = position(s);
            c.setAutoCommit(false);
            s.execute("INSERT INTO items VALUES (1, 'apple'), (2, 'pear')");
            c.commit();
            gtidAfter.add(gtidBinlogPos(s));
            s.execute("UPDATE items SET name = 'plum' WHERE id = 2");
            c.commit();
            gtidAfter.add(gtidBinlogPos(s));
            s.execute("CREATE TABLE other (id INT PRIMARY KEY) ENGINE=InnoDB"); // a GTID without a commit
            s.execute("DELETE FROM items WHERE id = 1");
            c.commit();
            gtidAfter.add(gtidBinlogPos(s));
        }
    }

    @Test
    void endPositionsCarryTheServersGtidPositionAfterEachCommit() throws Exception {
        assertThat(before.gtidSet()).as("the start's GTID position").isNotNull();

        List<SourceTransaction> read = read(before, false, 3);

        assertThat(read).extracting(t -> t.end().gtidSet()).containsExactlyElementsOf(gtidAfter);
        assertThat(read).extracting(t -> t.changes().size()).containsExactly(2, 1, 1);
    }

    @Test
    void readerStartedByGtidGetsOnlyTheLaterTransactions() throws Exception {
        List<SourceTransaction> all = read(before, false, 3);
        BinlogPosition afterFirst = all.get(0).end();
        // by GTID alone: a file and position that would replay everything if they were used
        BinlogPosition gtidOnly = new BinlogPosition(before.file(), 4, afterFirst.gtidSet());

        List<SourceTransaction> resumed = read(gtidOnly, true, 2);

        assertThat(resumed).extracting(t -> t.end().gtidSet()).containsExactly(gtidAfter.get(1), gtidAfter.get(2));
        assertThat(resumed).extracting(SourceTransaction::end).containsExactly(all.get(1).end(), all.get(2).end());
        assertThat(resumed).extracting(t -> t.changes().size()).containsExactly(1, 1);
        assertThat(resumed.get(0).changes().get(0).kind()).isEqualTo(RowChange.Kind.UPDATE);
        assertThat(resumed.get(1).changes().get(0).kind()).isEqualTo(RowChange.Kind.DELETE);
    }

    private static List<SourceTransaction> read(BinlogPosition from, boolean byGtid, int count) throws Exception {
        return ReaderRuns.readExactly(from, byGtid, followed, new BinlogValues(false), count);
    }

    private static BinlogPosition position(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(SourceSql.binlogStatus())) {
            rs.next();
            return new BinlogPosition(rs.getString(1), rs.getLong(2), gtidBinlogPos(s));
        }
    }

    private static String gtidBinlogPos(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT @@gtid_binlog_pos")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
