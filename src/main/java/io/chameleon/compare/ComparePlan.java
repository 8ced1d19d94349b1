package io.chameleon.compare;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts tables into the key ranges workers compare in parallel: a table keyed by one integer column
 * into ranges of about {@link #CHECKSUM_KEYS} keys ({@link #RANGE_KEYS} when compared row by row)
 * between the lowest and highest key of either side (so a row PostgreSQL has beyond MySQL's keys
 * is still read), any other table whole. {@link #split} cuts a mismatching range further.
 */
final class ComparePlan {
    /** Keys per range compared row by row: a range's rows are held in memory on both sides while they are matched. */
    static final long RANGE_KEYS = 10_000;
    /** Keys per checksummed range: a matching range moves two numbers, a mismatching one is split. */
    static final long CHECKSUM_KEYS = 100_000;
    /** At most this many ranges per table: sparse keys get wider ranges. */
    private static final long MAX_RANGES = 5_000;

    private ComparePlan() {}

    /**
     * The ranges of {@code table}, read on a worker's two snapshot connections.
     *
     * @param checksummed whether the table's ranges are checksummed first ({@link RowChecksum})
     */
    static List<KeyRange> ranges(ComparedTable table, boolean checksummed, Connection mysql, Connection pg)
            throws SQLException {
        if (table.rangeColumn().isEmpty()) {
            return List.of(KeyRange.whole(table));
        }
        String key = table.key().get(0);
        long[] my = bounds(mysql, "SELECT MIN(" + ComparedTable.quoteMysql(key) + "), MAX(" + ComparedTable.quoteMysql(key)
                + ") FROM " + table.mysqlFrom());
        long[] other = bounds(pg, "SELECT MIN(" + ComparedTable.quotePg(key) + "), MAX(" + ComparedTable.quotePg(key)
                + ") FROM " + table.pgFrom());
        if (my == null && other == null) {
            return List.of(KeyRange.whole(table));
        }
        long low = my == null ? other[0] : other == null ? my[0] : Math.min(my[0], other[0]);
        long high = my == null ? other[1] : other == null ? my[1] : Math.max(my[1], other[1]);
        // the span as a double: high - low may pass a long for a signed bigint key
        double span = (double) high - (double) low + 1;
        long step = (long) Math.max(checksummed ? CHECKSUM_KEYS : RANGE_KEYS, Math.ceil(span / MAX_RANGES));
        // the snapshots hold no key past high: the last range ends there, open only at Long.MAX_VALUE
        return cut(table, low, high == Long.MAX_VALUE ? null : high + 1, step);
    }

    /** {@code range} cut into about {@code parts} ranges, or nothing when it is whole, open-ended or one key. */
    static List<KeyRange> split(KeyRange range, int parts) {
        if (range.whole() || range.to() == null) {
            return List.of();
        }
        double span = (double) range.to() - (double) range.from();
        return span < 2 ? List.of() : cut(range.table(), range.from(), range.to(), (long) Math.ceil(span / parts));
    }

    /** Ranges of {@code step} keys from {@code low} up to {@code end} (exclusive; null: no end). */
    private static List<KeyRange> cut(ComparedTable table, long low, Long end, long step) {
        List<KeyRange> ranges = new ArrayList<>();
        long from = low;
        while (true) {
            long to = from + step;
            boolean last = to <= from || (end != null && to >= end); // to <= from: past Long.MAX_VALUE
            ranges.add(new KeyRange(table, from, last ? end : to));
            if (last) {
                return ranges;
            }
            from = to;
        }
    }

    private static long[] bounds(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long low = rs.getLong(1);
            return rs.wasNull() ? null : new long[] {low, rs.getLong(2)};
        }
    }
}
