package io.chameleon.compare;

import io.chameleon.schema.TableName;

import java.util.ArrayList;
import java.util.List;

/** What compare found in one table: rows on each side, ranges compared, differences (the first {@link #KEPT} kept). */
public final class TableResult {
    /** Differences kept per table for the report; the count stays exact past it. */
    static final int KEPT = 1000;

    private final TableName table;
    private long mysqlRows;
    private long pgRows;
    private int ranges;
    private long differenceCount;
    private final List<Difference> differences = new ArrayList<>();
    private final List<KeyRange> differing = new ArrayList<>();

    TableResult(TableName table) {
        this.table = table;
    }

    synchronized void add(RangeComparer.Result r) {
        mysqlRows += r.mysqlRows();
        pgRows += r.pgRows();
        ranges++;
        differenceCount += r.differences().size();
        if (!r.differences().isEmpty()) {
            differing.add(r.range());
        }
        for (Difference d : r.differences()) {
            if (differences.size() < KEPT) {
                differences.add(d);
            }
        }
    }

    public TableName table() {
        return table;
    }

    public synchronized long mysqlRows() {
        return mysqlRows;
    }

    public synchronized long pgRows() {
        return pgRows;
    }

    public synchronized int ranges() {
        return ranges;
    }

    public synchronized long differenceCount() {
        return differenceCount;
    }

    /** The ranges with at least one difference: what a repair copies again. */
    synchronized List<KeyRange> differingRanges() {
        return List.copyOf(differing);
    }

    /** The kept differences, by key then column. */
    public synchronized List<Difference> differences() {
        List<Difference> sorted = new ArrayList<>(differences);
        sorted.sort(java.util.Comparator.comparing(Difference::key).thenComparing(d -> d.column() == null ? "" : d.column()));
        return sorted;
    }
}
