package io.chameleon.compare;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One worker's comparison of a planned {@link KeyRange}: the checksums of both servers first
 * ({@link RowChecksum}); when they agree the range is equal, having moved two numbers. When they
 * differ, a range of more than {@link #ROW_ROWS} rows is cut into {@link #SPLIT} parts checksummed
 * again, down to ranges small enough to be compared row by row ({@link RangeComparer}), so a
 * planted difference moves a few thousand rows at most. A table without a checksum (see
 * {@link RowChecksum#unsupported}) is compared row by row. A mismatching table not cut into key
 * ranges is merged by hash ({@link HashMerge}), in bounded memory. Once a table has more differences than
 * {@code maxRows} (--repair-max-rows), its mismatching ranges are no longer narrowed: they are
 * marked differing as they are, and the repair copies the table whole.
 */
final class RangeCheck {
    /** A mismatching range of at most this many rows (on either side) is compared row by row. */
    static final long ROW_ROWS = 2_000;
    /** Parts a mismatching range is cut into. */
    static final int SPLIT = 10;

    private final Connection mysql;
    private final Connection pg;
    private final RangeComparer rows;
    private final HashMerge merge;
    private final Map<ComparedTable, Optional<RowChecksum>> checksums;
    private final long maxRows;

    /** @param maxRows differences past which a table's mismatching ranges are not narrowed (Long.MAX_VALUE: none) */
    RangeCheck(Connection mysql, Connection pg, RangeComparer rows, Map<ComparedTable, Optional<RowChecksum>> checksums,
            long maxRows) {
        this.mysql = mysql;
        this.pg = pg;
        this.rows = rows;
        this.merge = new HashMerge(mysql, pg, rows);
        this.checksums = checksums;
        this.maxRows = maxRows;
    }

    /**
     * What one planned range gave.
     *
     * @param differing the narrowed ranges that hold the differences: what a repair copies again
     * @param checksummed ranges checksummed (the planned one and its parts)
     * @param byRow ranges compared row by row
     * @param rowsMoved rows read row by row from both servers
     * @param differingRows rows (the larger side's) of the {@code differing} ranges
     * @param capped whether a mismatching range was left unnarrowed (--repair-max-rows)
     */
    record Outcome(KeyRange range, long mysqlRows, long pgRows, List<Difference> differences, long differenceCount,
            List<KeyRange> differing, int checksummed, int byRow, long rowsMoved, long differingRows, boolean capped) {}

    /** @param table what the table's other ranges found so far, for --repair-max-rows */
    Outcome check(KeyRange range, TableResult table) throws SQLException {
        Optional<RowChecksum> checksum = checksums.get(range.table());
        Tally t = new Tally(table);
        if (checksum.isEmpty()) {
            t.byRow(rows.compare(range));
            return t.outcome(range, 0, 0, false);
        }
        RowChecksum.Sum my = checksum.get().mysql(mysql, range);
        RowChecksum.Sum other = checksum.get().pg(pg, range);
        narrow(checksum.get(), range, my, other, t);
        return t.outcome(range, my.rows(), other.rows(), true);
    }

    private void narrow(RowChecksum checksum, KeyRange range, RowChecksum.Sum my, RowChecksum.Sum other, Tally t)
            throws SQLException {
        t.checksummed++;
        if (my.equals(other)) {
            return;
        }
        if (t.table.differenceCount() + t.differenceCount > maxRows) {
            t.capped = true;
            t.differing.add(range);
            t.differingRows += Math.max(my.rows(), other.rows());
            return;
        }
        List<KeyRange> parts = Math.max(my.rows(), other.rows()) > ROW_ROWS ? ComparePlan.split(range, SPLIT) : List.of();
        if (parts.isEmpty()) {
            t.byRow(range.whole() ? merge.compare(range, checksum) : rows.compare(range));
            return;
        }
        for (KeyRange part : parts) {
            narrow(checksum, part, checksum.mysql(mysql, part), checksum.pg(pg, part), t);
        }
    }

    /** The counts of one planned range, added up over its parts. */
    private static final class Tally {
        final TableResult table;
        final List<Difference> differences = new ArrayList<>();
        final List<KeyRange> differing = new ArrayList<>();
        int checksummed;
        int byRow;
        long mysqlRows;
        long pgRows;
        long moved;
        long differingRows;
        long differenceCount;
        boolean capped;

        Tally(TableResult table) {
            this.table = table;
        }

        void byRow(RangeComparer.Result r) {
            byRow++;
            mysqlRows += r.mysqlRows();
            pgRows += r.pgRows();
            moved += r.mysqlRows() + r.pgRows();
            differences.addAll(r.differences());
            differenceCount += r.differenceCount();
            if (r.differenceCount() > 0) {
                differing.add(r.range());
                differingRows += Math.max(r.mysqlRows(), r.pgRows());
            }
        }

        /** @param counted whether the checksums counted the range's rows (else the row reads did) */
        Outcome outcome(KeyRange range, long mysql, long pg, boolean counted) {
            return new Outcome(range, counted ? mysql : mysqlRows, counted ? pg : pgRows, differences, differenceCount, differing,
                    checksummed, byRow, moved, differingRows, capped);
        }
    }
}
