package io.chameleon.binlog;

import io.chameleon.catalog.TrackedColumn;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.ConsistentSnapshot;
import io.chameleon.mysql.MysqlGtidSet;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * MySQL GTID sets: every transaction's end carries the server's {@code @@gtid_executed} after its
 * commit (through a tagged GTID of MySQL 8.3+, a DDL between two transactions, and a GTID of another
 * server UUID with a gap before it), and a reader started by GTID set, tagged or not, gets exactly
 * the later transactions, whatever the file and position say.
 */
class MysqlBinlogGtidIT {
    /** A second server UUID, as transactions replicated from another source carry; new for each run. */
    private static final String OTHER_UUID = UUID.randomUUID().toString();
    private static String db;
    private static Map<TableName, ReaderTable> followed;
    private static BinlogPosition before;
    /** {@code @@gtid_executed} after each of the three commits, in our canonical form. */
    private static final List<String> gtidAfter = new ArrayList<>();

    @BeforeAll
    static void writeWorkload() throws SQLException {
        db = TestServers.createMysqlDatabase("binlog_mysql_gtid");
        try (Connection c = TestServers.mysqlConnection(db); Statement s = c.createStatement()) {
            ServerInfo server = ServerInfo.read(c);
            assumeFalse(server.isMariaDb(), "MySQL GTID sets need a MySQL server");
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL) ENGINE=InnoDB");
            TableDef items = new SchemaReader(c, server).readSchema(db).get(0);
            followed = Map.of(items.name(), new ReaderTable(items.columns().stream()
                    .map(col -> TrackedColumn.of(col, "")).toList(), null));
            before = ConsistentSnapshot.readPosition(c, server);
            c.setAutoCommit(false);
            s.execute("INSERT INTO items VALUES (1, 'apple'), (2, 'pear')");
            c.commit();
            gtidAfter.add(gtidExecuted(s));
            s.execute("SET gtid_next = 'AUTOMATIC:Chameleon_Test'");
            s.execute("UPDATE items SET name = 'plum' WHERE id = 2");
            c.commit();
            s.execute("SET gtid_next = 'AUTOMATIC'");
            gtidAfter.add(gtidExecuted(s));
            s.execute("CREATE TABLE other (id INT PRIMARY KEY) ENGINE=InnoDB"); // a GTID without a commit
            s.execute("SET gtid_next = '" + OTHER_UUID + ":5'");
            s.execute("DELETE FROM items WHERE id = 1");
            c.commit();
            s.execute("SET gtid_next = 'AUTOMATIC'");
            gtidAfter.add(gtidExecuted(s));
        }
    }

    @Test
    void endPositionsCarryTheServersGtidSetAfterEachCommit() throws Exception {
        assertThat(before.gtidSet()).as("the start's GTID set").contains(":");

        List<SourceTransaction> read = read(before, false, 3);

        assertThat(read).extracting(t -> t.end().gtidSet()).containsExactlyElementsOf(gtidAfter);
        assertThat(read).extracting(t -> t.changes().size()).containsExactly(2, 1, 1);
        assertThat(gtidAfter.get(1)).as("a tagged GTID").contains(":chameleon_test:");
    }

    @Test
    void readerStartedByGtidSetGetsOnlyTheLaterTransactions() throws Exception {
        List<SourceTransaction> all = read(before, false, 3);
        // by GTID set alone: a file and position that would replay everything if they were used
        BinlogPosition gtidOnly = new BinlogPosition(before.file(), 4, all.get(0).end().gtidSet());

        List<SourceTransaction> resumed = read(gtidOnly, true, 2);

        assertThat(resumed).extracting(SourceTransaction::end).containsExactly(all.get(1).end(), all.get(2).end());
        assertThat(resumed).extracting(t -> t.changes().get(0).kind())
                .containsExactly(RowChange.Kind.UPDATE, RowChange.Kind.DELETE);
    }

    @Test
    void readerStartedByATaggedGtidSetGetsOnlyTheLaterTransactions() throws Exception {
        List<SourceTransaction> all = read(before, false, 3);
        BinlogPosition gtidOnly = new BinlogPosition(before.file(), 4, all.get(1).end().gtidSet());

        List<SourceTransaction> resumed = read(gtidOnly, true, 1);

        assertThat(resumed).extracting(SourceTransaction::end).containsExactly(all.get(2).end());
        assertThat(resumed.get(0).changes().get(0).kind()).isEqualTo(RowChange.Kind.DELETE);
    }

    private static List<SourceTransaction> read(BinlogPosition from, boolean byGtid, int count) throws Exception {
        return ReaderRuns.readExactly(from, byGtid, followed, new BinlogValues(true), count);
    }

    private static String gtidExecuted(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT @@GLOBAL.gtid_executed")) {
            rs.next();
            return MysqlGtidSet.parse(rs.getString(1)).toString();
        }
    }

}
