package io.chameleon.compare;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts tables into the key ranges workers compare in parallel: a table keyed by one integer column
 * into ranges of about {@link #RANGE_KEYS} keys between the lowest and highest key of either side
 * (so a row PostgreSQL has beyond MySQL's keys is still read), any other table whole.
 */
final class ComparePlan {
    /** Keys per range: a range's rows are held in memory on both sides while they are matched. */
    static final long RANGE_KEYS = 10_000;
    /** At most this many ranges per table: sparse keys get wider ranges. */
    private static final long MAX_RANGES = 5_000;

    private ComparePlan() {}

    /** The ranges of {@code table}, read on a worker's two snapshot connections. */
    static List<KeyRange> ranges(ComparedTable table, Connection mysql, Connection pg) throws SQLException {
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
        long step = (long) Math.max(RANGE_KEYS, Math.ceil(span / MAX_RANGES));
        List<KeyRange> ranges = new ArrayList<>();
        long from = low;
        while (true) {
            long to = from + step;
            boolean last = to <= from || to > high; // past high, or past Long.MAX_VALUE
            ranges.add(new KeyRange(table, from, last ? null : to));
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
