package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splitting a transaction larger than the bounds into parts, on events built by hand: parts in
 * binlog order, numbered, only the last flagged and carrying the commit's position, each within
 * the row or byte bound, and filtered against a table's copy as the whole transaction would be.
 */
class TransactionAssemblerTest {
    private static final String FILE = "mysql-bin.000007";
    private static final TableName ITEMS = new TableName("shop", "items");
    private static final List<TrackedColumn> COLUMNS = List.of(
            new TrackedColumn("id", "int", "int(11)", "integer", false, false, null, List.of(), false),
            new TrackedColumn("v", "varchar", "varchar(2000)", "varchar(2000)", true, false, "utf8mb4", List.of(), false));

    private final List<SourceTransaction> handedOn = new ArrayList<>();
    private long position = 4;

    @Test
    void aTransactionWithinTheBoundsIsHandedOnWhole() throws Exception {
        TransactionAssembler assembler = assembler(new BatchBounds(10, Long.MAX_VALUE), null);

        transaction(assembler, 1, 10, 10);

        assertThat(handedOn).singleElement().satisfies(t -> {
            assertThat(t.whole()).isTrue();
            assertThat(ids(t)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(t.end()).isEqualTo(new BinlogPosition(FILE, position, null));
        });
    }

    @Test
    void aTransactionOverTheRowBoundComesInNumberedPartsInBinlogOrder() throws Exception {
        TransactionAssembler assembler = assembler(new BatchBounds(4, Long.MAX_VALUE), null);

        // 7 inserts in one event, 3 updates in another, 1 insert: 11 changes in parts of 4, 4, 3
        assembler.accept(event(EventType.QUERY, query("BEGIN")));
        long afterBegin = position;
        assembler.accept(event(EventType.TABLE_MAP, tableMap()));
        assembler.accept(event(EventType.EXT_WRITE_ROWS, inserts(1, 7, 10)));
        assembler.accept(event(EventType.EXT_UPDATE_ROWS, updates(1, 3)));
        assembler.accept(event(EventType.EXT_WRITE_ROWS, inserts(8, 1, 10)));
        assembler.accept(event(EventType.XID, new XidEventData()));

        assertThat(handedOn).extracting(SourceTransaction::part).containsExactly(1, 2, 3);
        assertThat(handedOn).extracting(SourceTransaction::last).containsExactly(false, false, true);
        assertThat(handedOn).extracting(t -> t.changes().size()).containsExactly(4, 4, 3);
        assertThat(handedOn.stream().flatMap(t -> t.changes().stream()).map(c -> c.kind().name() + id(c)))
                .containsExactly("INSERT1", "INSERT2", "INSERT3", "INSERT4", "INSERT5", "INSERT6", "INSERT7",
                        "UPDATE1", "UPDATE2", "UPDATE3", "INSERT8");
        // an earlier part is named by the last position inside the transaction and is no place to resume;
        // the last has the commit's position
        assertThat(handedOn.get(0).end()).isEqualTo(new BinlogPosition(FILE, afterBegin, null));
        assertThat(handedOn.get(1).end()).isEqualTo(new BinlogPosition(FILE, afterBegin, null));
        assertThat(handedOn.get(2).end()).isEqualTo(new BinlogPosition(FILE, position, null));
    }

    @Test
    void aTransactionOverTheByteBoundComesInPartsThatCloseOnceTheyReachIt() throws Exception {
        long bound = 20_000;
        TransactionAssembler assembler = assembler(new BatchBounds(Integer.MAX_VALUE, bound), null);

        transaction(assembler, 1, 100, 1000);

        assertThat(handedOn).hasSizeGreaterThan(4);
        assertThat(handedOn.stream().mapToInt(t -> t.changes().size()).sum()).isEqualTo(100);
        for (SourceTransaction part : handedOn.subList(0, handedOn.size() - 1)) {
            long lastChange = part.changes().get(part.changes().size() - 1).heapBytes();
            assertThat(part.heapBytes()).isGreaterThanOrEqualTo(bound).isLessThan(bound + lastChange);
        }
        assertThat(handedOn.get(handedOn.size() - 1).heapBytes()).isLessThan(bound);
    }

    @Test
    void theNextTransactionStartsAtPartOneAgain() throws Exception {
        TransactionAssembler assembler = assembler(new BatchBounds(3, Long.MAX_VALUE), null);

        transaction(assembler, 1, 7, 10);
        transaction(assembler, 8, 2, 10);

        assertThat(handedOn).extracting(t -> t.part() + (t.last() ? " last" : ""))
                .containsExactly("1", "2", "3 last", "1 last");
    }

    @Test
    void aTransactionWithoutCommitIsFollowedByTheNextOnesFirstPart() throws Exception {
        TransactionAssembler assembler = assembler(new BatchBounds(3, Long.MAX_VALUE), null);
        assembler.accept(event(EventType.QUERY, query("BEGIN")));
        assembler.accept(event(EventType.TABLE_MAP, tableMap()));
        assembler.accept(event(EventType.EXT_WRITE_ROWS, inserts(1, 4, 10)));

        transaction(assembler, 5, 1, 10);

        // the applier rolls the parts without commit back when part 1 of another transaction arrives
        assertThat(handedOn).extracting(t -> t.part() + (t.last() ? " last" : "") + " " + ids(t))
                .containsExactly("1 [1, 2, 3]", "1 last [5]");
    }

    @Test
    void theRowsOfATableWhoseCopyHoldsTheTransactionAreLeftOut() throws Exception {
        long start = position;
        transaction(assembler(new BatchBounds(3, Long.MAX_VALUE), null), 1, 7, 10);
        BinlogPosition commit = handedOn.get(handedOn.size() - 1).end();
        handedOn.clear();

        position = start;
        // the table map before the snapshot is not followed: its rows are not even collected, only the commit goes on
        transaction(assembler(new BatchBounds(3, Long.MAX_VALUE), commit), 1, 7, 10);
        assertThat(handedOn).extracting(t -> t.changes().size() + (t.last() ? " last" : "")).containsExactly("0 last");
        handedOn.clear();

        position = start;
        transaction(assembler(new BatchBounds(3, Long.MAX_VALUE), new BinlogPosition(FILE, start, null)), 1, 7, 10);
        assertThat(handedOn).extracting(t -> t.changes().size()).containsExactly(3, 3, 1);
    }

    private TransactionAssembler assembler(BatchBounds bounds, BinlogPosition itemsSnapshot) {
        return new TransactionAssembler(FILE, null, Map.of(ITEMS, new ReaderTable(COLUMNS, itemsSnapshot)),
                new RowImages(new BinlogValues(false)), bounds, handedOn::add,
                new Mysqlbinlog("localhost", 3306, "reader"));
    }

    /** BEGIN, {@code rows} inserts from id {@code firstId} in one event, COMMIT (XID). */
    private void transaction(TransactionAssembler assembler, int firstId, int rows, int valueLength) throws Exception {
        assembler.accept(event(EventType.QUERY, query("BEGIN")));
        assembler.accept(event(EventType.TABLE_MAP, tableMap()));
        assembler.accept(event(EventType.EXT_WRITE_ROWS, inserts(firstId, rows, valueLength)));
        assembler.accept(event(EventType.XID, new XidEventData()));
    }

    /**
     * The next event, 100 bytes after the previous one. As MariaDB sends them, the events inside a
     * transaction after its first carry no end position, only the commit does.
     */
    private Event event(EventType type, EventData data) {
        EventHeaderV4 header = new EventHeaderV4();
        header.setEventType(type);
        header.setServerId(1);
        header.setTimestamp(1_700_000_000_000L);
        position += 100;
        header.setNextPosition(data instanceof QueryEventData || data instanceof XidEventData ? position : 0);
        return new Event(header, data);
    }

    private static QueryEventData query(String sql) {
        QueryEventData query = new QueryEventData();
        query.setSql(sql);
        return query;
    }

    private static TableMapEventData tableMap() {
        TableMapEventData map = new TableMapEventData();
        map.setTableId(42);
        map.setDatabase(ITEMS.schema());
        map.setTable(ITEMS.table());
        return map;
    }

    private static WriteRowsEventData inserts(int firstId, int rows, int valueLength) {
        WriteRowsEventData write = new WriteRowsEventData();
        write.setTableId(42);
        write.setIncludedColumns(allColumns());
        write.setRows(IntStream.range(firstId, firstId + rows).mapToObj(id -> row(id, valueLength)).toList());
        return write;
    }

    private static UpdateRowsEventData updates(int firstId, int rows) {
        UpdateRowsEventData update = new UpdateRowsEventData();
        update.setTableId(42);
        update.setIncludedColumnsBeforeUpdate(allColumns());
        update.setIncludedColumns(allColumns());
        update.setRows(IntStream.range(firstId, firstId + rows)
                .mapToObj(id -> (Map.Entry<Serializable[], Serializable[]>) new SimpleEntry<>(row(id, 10), row(id, 20)))
                .toList());
        return update;
    }

    private static Serializable[] row(int id, int valueLength) {
        return new Serializable[] {id, "x".repeat(valueLength).getBytes(StandardCharsets.UTF_8)};
    }

    private static BitSet allColumns() {
        BitSet all = new BitSet();
        all.set(0, COLUMNS.size());
        return all;
    }

    private static List<Integer> ids(SourceTransaction t) {
        return t.changes().stream().map(TransactionAssemblerTest::id).toList();
    }

    private static int id(RowChange c) {
        return Integer.parseInt(new String((c.after() != null ? c.after() : c.before())[0], StandardCharsets.US_ASCII));
    }
}
