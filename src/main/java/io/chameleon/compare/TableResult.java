package io.chameleon.compare;

import io.chameleon.schema.TableName;

import java.util.ArrayList;
import java.util.List;

/**
 * What compare found in one table: rows on each side, ranges planned, checksummed and compared row
 * by row, rows moved by the row comparisons, differences (the first {@link #KEPT} kept).
 */
public final class TableResult {
    /** Differences kept per table for the report; the count stays exact past it. */
    static final int KEPT = 1000;

    private final TableName table;
    private long mysqlRows;
    private long pgRows;
    private int ranges;
    private int rangesDiffering;
    private int checksummed;
    private int byRow;
    private long rowsMoved;
    private long differingRows;
    private boolean capped;
    private String notChecksummed;
    private long differenceCount;
    private final List<Difference> differences = new ArrayList<>();
    private final List<KeyRange> differing = new ArrayList<>();

    TableResult(TableName table) {
        this.table = table;
    }

    synchronized void add(RangeCheck.Outcome r) {
        mysqlRows += r.mysqlRows();
        pgRows += r.pgRows();
        ranges++;
        checksummed += r.checksummed();
        byRow += r.byRow();
        rowsMoved += r.rowsMoved();
        differingRows += r.differingRows();
        capped |= r.capped();
        differenceCount += r.differenceCount();
        if (r.differenceCount() > 0) {
            rangesDiffering++;
        }
        differing.addAll(r.differing());
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

    /** Planned ranges with at least one difference. */
    public synchronized int rangesDiffering() {
        return rangesDiffering;
    }

    /** Ranges checksummed on both servers, planned ones and the parts of mismatching ones. */
    public synchronized int rangesChecksummed() {
        return checksummed;
    }

    public synchronized int rangesComparedByRow() {
        return byRow;
    }

    /** Rows read from both servers by the row-by-row comparisons. */
    public synchronized long rowsMoved() {
        return rowsMoved;
    }

    /** Rows (the larger side's) of the narrowed ranges with differences. */
    public synchronized long differingRows() {
        return differingRows;
    }

    /**
     * Whether the table passed --repair-max-rows: ranges still mismatching then were not narrowed
     * down to their rows, so {@link #differenceCount} is a lower bound and a repair copies it whole.
     */
    public synchronized boolean capped() {
        return capped;
    }

    /** Why the table is compared row by row without checksums, or null when it is checksummed. */
    public synchronized String notChecksummed() {
        return notChecksummed;
    }

    synchronized void notChecksummed(String why) {
        notChecksummed = why;
    }

    public synchronized long differenceCount() {
        return differenceCount;
    }

    /** The narrowed ranges with at least one difference: what a repair copies again. */
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
