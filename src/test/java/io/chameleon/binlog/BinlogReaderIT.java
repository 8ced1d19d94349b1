package io.chameleon.binlog;

import io.chameleon.catalog.TrackedColumn;
import io.chameleon.config.DbConn;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.testing.FreezableProxy;
import io.chameleon.testing.SourceSql;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader against a real binlog: three transactions (inserts into two tables; a key-changing
 * update and a delete; a change of a table nobody follows) read whole, in order, with the
 * positions the server reports, and read again from the middle without doubling anything.
 */
class BinlogReaderIT {
    private static final List<String> FIRST = List.of(
            "items INSERT - [1, apple]", "items INSERT - [2, pear]", "stock INSERT - [1, 10]", "stock INSERT - [2, 20]");
    private static final List<String> SECOND = List.of("items UPDATE [1, apple] [3, apple]", "stock DELETE [2, 20] -");
    private static final BatchBounds BATCH = new BatchBounds(10_000, 64L << 20);

    private static String db;
    private static Map<TableName, List<TrackedColumn>> columns;
    private static BinlogPosition before;
    private static BinlogPosition after;

    @BeforeAll
    static void writeWorkload() throws SQLException {
        db = TestServers.createMysqlDatabase("binlog_reader");
        try (Connection c = TestServers.mysqlConnection(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL) ENGINE=InnoDB");
            s.execute("CREATE TABLE stock (id INT PRIMARY KEY, qty INT NOT NULL) ENGINE=InnoDB");
            s.execute("CREATE TABLE unfollowed (id INT PRIMARY KEY) ENGINE=InnoDB");
            columns = new HashMap<>();
            for (TableDef t : new SchemaReader(c, ServerInfo.read(c)).readSchema(db)) {
                columns.put(t.name(), t.columns().stream().map(col -> TrackedColumn.of(col, "")).toList());
            }
            before = masterStatus(s);
            c.setAutoCommit(false);
            s.execute("INSERT INTO items VALUES (1, 'apple'), (2, 'pear')");
            s.execute("INSERT INTO stock VALUES (1, 10), (2, 20)");
            c.commit();
            s.execute("UPDATE items SET id = 3 WHERE id = 1");
            s.execute("DELETE FROM stock WHERE id = 2");
            c.commit();
            s.execute("INSERT INTO unfollowed VALUES (1)");
            c.commit();
            after = masterStatus(s);
        }
    }

    @Test
    void deliversWholeTransactionsInOrderWithTheServersPositions() throws Exception {
        List<SourceTransaction> read = read(before, followed(null), 3);

        assertThat(read).extracting(BinlogReaderIT::show).containsExactly(FIRST, SECOND, List.of());
        assertThat(read.get(0).end()).isGreaterThan(before);
        assertThat(read.get(1).end()).isGreaterThan(read.get(0).end());
        assertThat(read.get(2).end()).isGreaterThan(read.get(1).end());
        assertThat(read.get(2).end()).isEqualTo(after);
        assertThat(read).allSatisfy(t -> assertThat(t.sourceTime()).isNotNull().isAfter(Instant.EPOCH));
    }

    @Test
    void resumesAfterTheFirstTransactionWithoutDoublingIt() throws Exception {
        List<SourceTransaction> all = read(before, followed(null), 3);

        List<SourceTransaction> resumed = read(all.get(0).end(), followed(null), 2);

        assertThat(resumed).extracting(BinlogReaderIT::show).containsExactly(SECOND, List.of());
        assertThat(resumed).extracting(SourceTransaction::end).containsExactly(all.get(1).end(), all.get(2).end());
    }

    @Test
    void leavesOutRowsATablesCopyAlreadyHolds() throws Exception {
        BinlogPosition firstEnd = read(before, followed(null), 1).get(0).end();

        List<SourceTransaction> read = read(before, followed(firstEnd), 3);

        assertThat(read).extracting(BinlogReaderIT::show)
                .containsExactly(FIRST.subList(0, 2), SECOND, List.of());
        assertThat(read.get(0).end()).isEqualTo(firstEnd);
    }

    @Test
    void handsATransactionLargerThanTheBoundsOnInPartsFilteredLikeTheWhole() throws Exception {
        BinlogPosition firstEnd = read(before, followed(null), 1).get(0).end();
        BatchBounds threeRows = new BatchBounds(3, 64L << 20);

        List<SourceTransaction> parts = read(before, followed(null), threeRows, 4);
        List<SourceTransaction> copied = read(before, followed(firstEnd), threeRows, 3);

        assertThat(parts).extracting(BinlogReaderIT::show).containsExactly(FIRST.subList(0, 3), FIRST.subList(3, 4),
                SECOND, List.of());
        assertThat(parts).extracting(t -> t.part() + (t.last() ? " last" : "")).containsExactly("1", "2 last",
                "1 last", "1 last");
        assertThat(parts.get(0).end()).isGreaterThan(before).isLessThan(firstEnd);
        assertThat(parts.get(1).end()).isEqualTo(firstEnd);
        // stock's copy holds the first transaction: its rows are not collected, and the rest fits in one part
        assertThat(copied).extracting(BinlogReaderIT::show).containsExactly(FIRST.subList(0, 2), SECOND, List.of());
        assertThat(copied.get(0).last()).isTrue();
    }

    @Test
    void stopsInsteadOfSkippingARowItCannotDecode() throws Exception {
        TableName items = new TableName(db, "items");
        Map<TableName, ReaderTable> outdated = Map.of(items, new ReaderTable(columns.get(items).subList(0, 1), null));
        BlockingQueue<SourceTransaction> queue = new LinkedBlockingQueue<>();
        try (BinlogReader reader = new BinlogReader("test", ReaderRuns.conn(), 4343, before, outdated, new BinlogValues(false), BATCH,
                queue::put)) {
            try {
                reader.start();
            } catch (IllegalStateException e) {
                // the bad row can be reached before start() returns: then start() reports it
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (reader.failure().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(reader.failure()).get().asString().contains("items", "carries 2 of its columns but 1 are tracked");
            Thread.sleep(300);
            assertThat(queue).as("nothing delivered past the bad row").isEmpty();
        }
    }

    @Test
    void aRefusedConnectionIsAnOutage() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DbConn nowhere = new DbConn("127.0.0.1", closedPort, "u", "p", "utf8mb4", 5, null);
        try (BinlogReader reader = new BinlogReader("test", nowhere, 4343, after, followed(null), new BinlogValues(false),
                BATCH, t -> { })) {
            assertThatThrownBy(reader::start).isInstanceOf(SourceUnavailable.class)
                    .hasMessageContaining("source test: the MySQL server 127.0.0.1:" + closedPort + " is unavailable")
                    .hasMessageContaining("Connection refused");
        }
    }

    @Test
    void wrongCredentialsAreNotAnOutage() {
        TestServers.Endpoint e = TestServers.mysql();
        DbConn wrong = new DbConn(e.host(), e.port(), e.user(), "not-the-password", "utf8mb4", 5, null);
        try (BinlogReader reader = new BinlogReader("test", wrong, 4343, after, followed(null), new BinlogValues(false),
                BATCH, t -> { })) {
            assertThatThrownBy(reader::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("refused the binlog stream").hasMessageContaining("Access denied");
        }
    }

    /**
     * Through a relay that goes silent without closing anything: an idle source still sends
     * heartbeats and stays connected; a silent one is declared unavailable after three heartbeat
     * intervals. Every thread of the reader is a daemon and none outlives it.
     */
    @Test
    void aSilentConnectionIsTakenForDeadAnIdleOneIsNot() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        TestServers.Endpoint e = TestServers.mysql();
        try (FreezableProxy proxy = new FreezableProxy(e.host(), e.port())) {
            DbConn relayed = new DbConn("127.0.0.1", proxy.port(), e.user(), e.password(), "utf8mb4", 5, null);
            BinlogReader reader = new BinlogReader("test", relayed, 4343, after, false, followed(null),
                    new BinlogValues(false), BATCH, t -> { }, SchemaFollower.NONE, Duration.ofSeconds(1));
            reader.start();
            assertThat(started(before)).extracting(Thread::getName).contains("binlog-test", "binlog-test-watchdog");
            assertThat(started(before)).allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());

            Thread.sleep(4500); // idle for longer than the silence limit: heartbeats keep it alive
            assertThat(reader.failure()).isEmpty();

            proxy.freeze();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reader.failure().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(reader.failure()).get().isInstanceOf(SourceUnavailable.class).asString()
                    .contains("source test: the MySQL server 127.0.0.1:" + proxy.port(), "sent nothing, not even a heartbeat");
            reader.stop();
        }
        assertThat(started(before)).extracting(Thread::getName).noneMatch(n -> n.startsWith("binlog-"));
    }

    /** The live threads that were not in {@code before}. */
    private static List<Thread> started(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !before.contains(t)).toList();
    }

    /** items and stock, stock's copy taken at {@code stockSnapshot} (null: no copy). */
    private static Map<TableName, ReaderTable> followed(BinlogPosition stockSnapshot) {
        TableName items = new TableName(db, "items");
        TableName stock = new TableName(db, "stock");
        return Map.of(items, new ReaderTable(columns.get(items), null),
                stock, new ReaderTable(columns.get(stock), stockSnapshot));
    }

    private static List<SourceTransaction> read(BinlogPosition from, Map<TableName, ReaderTable> tables, int count)
            throws Exception {
        return read(from, tables, BATCH, count);
    }

    /** Reads {@code count} transactions or parts; once they reach the workload's end, makes sure no more arrive. */
    private static List<SourceTransaction> read(BinlogPosition from, Map<TableName, ReaderTable> tables,
            BatchBounds bounds, int count) throws Exception {
        BlockingQueue<SourceTransaction> queue = new LinkedBlockingQueue<>();
        List<SourceTransaction> read = new ArrayList<>();
        try (BinlogReader reader = new BinlogReader("test", ReaderRuns.conn(), 4343, from, tables, new BinlogValues(false), bounds,
                queue::put)) {
            reader.start();
            while (read.size() < count) {
                SourceTransaction t = queue.poll(20, TimeUnit.SECONDS);
                assertThat(t).as("transaction %d of %d (reader failure: %s)", read.size() + 1, count,
                        reader.failure().orElse(null)).isNotNull();
                read.add(t);
            }
            if (read.get(count - 1).end().equals(after)) {
                assertThat(queue.poll(500, TimeUnit.MILLISECONDS)).as("a transaction after the last").isNull();
            }
            assertThat(reader.failure()).isEmpty();
        }
        return read;
    }

    private static BinlogPosition masterStatus(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(SourceSql.binlogStatus())) {
            rs.next();
            return new BinlogPosition(rs.getString(1), rs.getLong(2), null);
        }
    }

    /** Each change as "table KIND before after", values as UTF-8 text. */
    private static List<String> show(SourceTransaction t) {
        return t.changes().stream()
                .map(c -> c.table().table() + " " + c.kind() + " " + show(c.before()) + " " + show(c.after()))
                .toList();
    }

    private static String show(byte[][] row) {
        return row == null ? "-" : Arrays.stream(row)
                .map(v -> v == null ? "NULL" : new String(v, StandardCharsets.UTF_8))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
