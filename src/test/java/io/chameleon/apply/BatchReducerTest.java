package io.chameleon.apply;

import io.chameleon.binlog.RowChange;
import io.chameleon.binlog.RowChange.Kind;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchReducerTest {
    static final TableName A = new TableName("shop", "a");
    static final TableName B = new TableName("shop", "b");
    static final TableName NOKEY = new TableName("shop", "nokey");
    /** a: key is column 0; b: composite key (column 2, column 0). */
    static final Map<TableName, int[]> KEYS = Map.of(A, new int[] {0}, B, new int[] {2, 0});

    @Test
    void insertUpdateDeleteOfOneKeyLeavesOnlyTheDelete() {
        ReducedBatch r = reduce(tx(ins(A, "1", "x"), upd(A, row("1", "x"), row("1", "y")), del(A, "1", "y")));
        assertThat(keys(r.tables().get(A).deletedKeys())).containsExactly("(1)");
        assertThat(r.tables().get(A).survivors()).isEmpty();
        assertThat(r.tables().get(A).rowChanges()).isEqualTo(3);
    }

    @Test
    void onlyInsertsAreInsertOnlyAndKeepTheLastRowPerKey() {
        ReducedBatch r = reduce(tx(ins(A, "1", "x"), ins(A, "2", "y")), tx(ins(A, "3", "z")));
        TableReduction a = r.tables().get(A);
        assertThat(a.insertOnly()).isTrue();
        assertThat(rows(a)).containsExactly("1|x", "2|y", "3|z");
    }

    @Test
    void updateOfTheSameKeyDeletesItAndInsertsTheFinalRow() {
        TableReduction a = reduce(tx(upd(A, row("1", "x"), row("1", "y"))), tx(upd(A, row("1", "y"), row("1", "z"))))
                .tables().get(A);
        assertThat(keys(a.deletedKeys())).containsExactly("(1)");
        assertThat(rows(a)).containsExactly("1|z");
        assertThat(a.insertOnly()).isFalse();
    }

    @Test
    void keyChangingUpdateDeletesOldAndNewKeyAndInsertsTheNewRow() {
        TableReduction a = reduce(tx(upd(A, row("1", "x"), row("2", "x")))).tables().get(A);
        assertThat(keys(a.deletedKeys())).containsExactly("(1)", "(2)");
        assertThat(rows(a)).containsExactly("2|x");
    }

    @Test
    void keyChangedTwiceEndsAtTheLastKeyOnly() {
        TableReduction a = reduce(tx(upd(A, row("A", "v"), row("B", "v"))), tx(upd(A, row("B", "v"), row("C", "w"))))
                .tables().get(A);
        assertThat(keys(a.deletedKeys())).containsExactly("(A)", "(B)", "(C)");
        assertThat(rows(a)).containsExactly("C|w");
    }

    @Test
    void deleteThenReinsertDeletesAndInsertsTheNewRow() {
        TableReduction a = reduce(tx(del(A, "1", "old")), tx(ins(A, "1", "new"))).tables().get(A);
        assertThat(keys(a.deletedKeys())).containsExactly("(1)");
        assertThat(rows(a)).containsExactly("1|new");
    }

    @Test
    void keysMoveBetweenRowsInOneTransaction() {
        // swap through a free key, as an application renumbering rows would
        TableReduction a = reduce(tx(upd(A, row("1", "one"), row("9", "one")), upd(A, row("2", "two"), row("1", "two")),
                upd(A, row("9", "one"), row("2", "one")))).tables().get(A);
        assertThat(keys(a.deletedKeys())).containsExactlyInAnyOrder("(1)", "(2)", "(9)");
        assertThat(rows(a)).containsExactly("1|two", "2|one");
    }

    @Test
    void compositeKeysAndSeveralTablesAreReducedApart() {
        ReducedBatch r = reduce(tx(ins(B, "1", "p", "k"), ins(A, "1", "a"), ins(B, "1", "q", "l")),
                tx(del(B, "1", "p", "k"), upd(B, row("1", "q", "l"), row("1", "r", "l"))));
        assertThat(r.tables().keySet()).containsExactly(A, B);
        TableReduction b = r.tables().get(B);
        assertThat(keys(b.deletedKeys())).containsExactly("(k, 1)", "(l, 1)");
        assertThat(rows(b)).containsExactly("1|r|l");
        assertThat(r.tables().get(A).insertOnly()).isTrue();
        assertThat(r.appliedRowChanges()).isEqualTo(5);
    }

    @Test
    void nullValuesOutsideTheKeyAreKept() {
        TableReduction a = reduce(tx(ins(A, "1", null))).tables().get(A);
        assertThat(rows(a)).containsExactly("1|NULL");
    }

    @Test
    void tablesWithoutKeyAreSkippedAndCounted() {
        Map<TableName, int[]> keys = new HashMap<>(KEYS);
        keys.put(NOKEY, new int[0]);
        TableName unknown = new TableName("shop", "unknown");
        ReducedBatch r = BatchReducer.reduce(List.of(tx(ins(NOKEY, "1"), ins(NOKEY, "1"), del(NOKEY, "1"),
                ins(unknown, "5"), ins(A, "1", "x"))), keys);
        assertThat(r.tables().keySet()).containsExactly(A);
        assertThat(r.skippedRowChanges()).containsEntry(NOKEY, 3L).containsEntry(unknown, 1L);
        assertThat(r.skippedTotal()).isEqualTo(4);
        assertThat(r.appliedRowChanges()).isEqualTo(1);
    }

    @Test
    void positionAndTimeAreThoseOfTheLastTransaction() {
        SourceTransaction first = new SourceTransaction(List.of(ins(A, "1", "x")), new BinlogPosition("bin.000001", 10, null),
                Instant.ofEpochSecond(100));
        SourceTransaction last = new SourceTransaction(List.of(), new BinlogPosition("bin.000002", 4, null),
                Instant.ofEpochSecond(200));
        ReducedBatch r = BatchReducer.reduce(List.of(first, last), KEYS);
        assertThat(r.end()).isEqualTo(new BinlogPosition("bin.000002", 4, null));
        assertThat(r.sourceTime()).isEqualTo(Instant.ofEpochSecond(200));
    }

    @Test
    void emptyBatchAndMissingImagesAreRefused() {
        assertThatThrownBy(() -> BatchReducer.reduce(List.of(), KEYS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reduce(tx(new RowChange(A, Kind.UPDATE, null, row("1", "x")))))
                .hasMessageContaining("UPDATE on shop.a without its before image").hasMessageContaining("binlog_row_image=FULL");
    }

    /**
     * The reducer's contract, checked on random valid MySQL histories: deleting the reduced keys and
     * then inserting the survivors (which must never hit an existing key) gives the same tables as
     * replaying every change in order.
     */
    @Test
    void reducedBatchEqualsReplayingEveryChangeOnRandomWorkloads() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            Map<TableName, Map<RowKey, byte[][]>> start = Map.of(A, new HashMap<>(), B, new HashMap<>());
            Map<TableName, Map<RowKey, byte[][]>> source = copy(start);
            for (int i = 0; i < random.nextInt(15); i++) {
                randomChange(random, source, A).ifPresentApply(source);
                randomChange(random, source, B).ifPresentApply(source);
            }
            Map<TableName, Map<RowKey, byte[][]>> target = copy(source);
            List<SourceTransaction> batch = new ArrayList<>();
            for (int t = 0, n = 1 + random.nextInt(8); t < n; t++) {
                List<RowChange> changes = new ArrayList<>();
                for (int c = 0, m = 1 + random.nextInt(6); c < m; c++) {
                    TableName table = random.nextBoolean() ? A : B;
                    Generated g = randomChange(random, source, table);
                    g.ifPresentApply(source);
                    if (g.change != null) {
                        changes.add(g.change);
                    }
                    if (random.nextInt(5) == 0) {
                        changes.add(ins(NOKEY, "1"));
                    }
                }
                batch.add(new SourceTransaction(changes, new BinlogPosition("bin.000001", t, null), Instant.EPOCH));
            }
            ReducedBatch reduced = BatchReducer.reduce(batch, KEYS);
            for (var e : reduced.tables().entrySet()) {
                Map<RowKey, byte[][]> rows = target.get(e.getKey());
                e.getValue().deletedKeys().forEach(rows::remove);
                for (var s : e.getValue().survivors().entrySet()) {
                    assertThat(rows.put(s.getKey(), s.getValue().row())).as("seed %d: key %s inserted over a row", seed, s.getKey())
                            .isNull();
                }
            }
            for (TableName t : List.of(A, B)) {
                assertThat(text(target.get(t))).as("seed %d, table %s", seed, t).isEqualTo(text(source.get(t)));
            }
        }
    }

    /** A change MySQL could have made to {@code table} in state {@code state}; null when none applies. */
    private record Generated(TableName table, RowChange change) {
        void ifPresentApply(Map<TableName, Map<RowKey, byte[][]>> state) {
            if (change == null) {
                return;
            }
            Map<RowKey, byte[][]> rows = state.get(table);
            int[] key = KEYS.get(table);
            if (change.before() != null) {
                assertThat(rows.remove(RowKey.of(change.before(), key))).isNotNull();
            }
            if (change.after() != null) {
                assertThat(rows.put(RowKey.of(change.after(), key), change.after())).isNull();
            }
        }
    }

    private static Generated randomChange(Random random, Map<TableName, Map<RowKey, byte[][]>> state, TableName table) {
        Map<RowKey, byte[][]> rows = state.get(table);
        List<byte[][]> present = new ArrayList<>(rows.values());
        byte[][] fresh = freshRow(random, rows, table);
        int kind = random.nextInt(3);
        if (present.isEmpty() || kind == 0) {
            return new Generated(table, fresh == null ? null : new RowChange(table, Kind.INSERT, null, fresh));
        }
        byte[][] old = present.get(random.nextInt(present.size()));
        if (kind == 1) {
            return new Generated(table, new RowChange(table, Kind.DELETE, old, null));
        }
        byte[][] updated = old.clone();
        updated[1] = str("v" + random.nextInt(1000));
        if (fresh != null && random.nextBoolean()) {
            updated = fresh;
        }
        return new Generated(table, new RowChange(table, Kind.UPDATE, old, updated));
    }

    /** A row whose key is not in {@code rows}, from a small key space so keys collide often; null when full. */
    private static byte[][] freshRow(Random random, Map<RowKey, byte[][]> rows, TableName table) {
        for (int attempt = 0; attempt < 20; attempt++) {
            byte[][] row = table == A ? row(String.valueOf(random.nextInt(8)), "v" + random.nextInt(1000))
                    : row(String.valueOf(random.nextInt(3)), random.nextInt(4) == 0 ? null : "v" + random.nextInt(1000),
                            "k" + random.nextInt(3));
            if (!rows.containsKey(RowKey.of(row, KEYS.get(table)))) {
                return row;
            }
        }
        return null;
    }

    private static Map<TableName, Map<RowKey, byte[][]>> copy(Map<TableName, Map<RowKey, byte[][]>> state) {
        Map<TableName, Map<RowKey, byte[][]>> c = new HashMap<>();
        state.forEach((t, rows) -> c.put(t, new HashMap<>(rows)));
        return c;
    }

    private static Map<String, String> text(Map<RowKey, byte[][]> rows) {
        Map<String, String> m = new TreeMap<>();
        rows.forEach((k, v) -> m.put(k.toString(), join(v)));
        return m;
    }

    static ReducedBatch reduce(SourceTransaction... txs) {
        return BatchReducer.reduce(List.of(txs), KEYS);
    }

    static SourceTransaction tx(RowChange... changes) {
        return new SourceTransaction(List.of(changes), new BinlogPosition("mysql-bin.000001", 4, null), Instant.EPOCH);
    }

    static RowChange ins(TableName t, String... values) {
        return new RowChange(t, Kind.INSERT, null, row(values));
    }

    static RowChange upd(TableName t, byte[][] before, byte[][] after) {
        return new RowChange(t, Kind.UPDATE, before, after);
    }

    static RowChange del(TableName t, String... values) {
        return new RowChange(t, Kind.DELETE, row(values), null);
    }

    static byte[][] row(String... values) {
        return Arrays.stream(values).map(BatchReducerTest::str).toArray(byte[][]::new);
    }

    static byte[] str(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> keys(java.util.Set<RowKey> keys) {
        return keys.stream().map(RowKey::toString).toList();
    }

    private static List<String> rows(TableReduction t) {
        return t.survivors().values().stream().map(s -> join(s.row())).toList();
    }

    private static String join(byte[][] row) {
        return Arrays.stream(row).map(v -> v == null ? "NULL" : new String(v, StandardCharsets.UTF_8))
                .collect(Collectors.joining("|"));
    }
}
