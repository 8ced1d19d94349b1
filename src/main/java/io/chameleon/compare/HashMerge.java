package io.chameleon.compare;

import io.chameleon.schema.ColumnDef;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bounded comparison of a table not cut into key ranges (no key, a text or composite key) whose
 * checksums differ: both servers stream one hash per row, sorted by hash (a byte order both servers
 * share, unlike their collations), and the two streams are merged, holding one row of each at a time.
 * Keyed tables stream (key hash, row hash) and differ where a key is on one side only or its row
 * hash differs; keyless tables stream (row hash, count) and differ where the counts do. Only the
 * rows of the differing hashes (the first {@link #FETCHED} of them) are then read and compared by
 * value ({@link RangeComparer}); further differing rows are counted, one difference each, not listed.
 */
final class HashMerge {
    /** Differing hashes whose rows are read and compared by value; past them, rows are counted only. */
    static final int FETCHED = 5_000;
    /** Hashes per IN list when the differing rows are read. */
    private static final int PER_READ = 500;
    private static final int FETCH_ROWS = 10_000;

    private final Connection mysql;
    private final Connection pg;
    private final RangeComparer rows;

    HashMerge(Connection mysql, Connection pg, RangeComparer rows) {
        this.mysql = mysql;
        this.pg = pg;
        this.rows = rows;
    }

    /** The whole table of {@code range} compared; the result's row counts are the rows read by value. */
    RangeComparer.Result compare(KeyRange range, RowChecksum checksum) throws SQLException {
        ComparedTable t = range.table();
        List<String> all = t.def().columns().stream().map(ColumnDef::name).toList();
        List<String> keyed = t.key().isEmpty() ? all : t.key();
        String myHash = checksum.mysqlHex(keyed);
        String pgHash = checksum.pgHex(keyed);
        // keyed: the key's hash and the row's; keyless: the row's hash and how many rows have it
        String mySql = t.key().isEmpty()
                ? "SELECT h, COUNT(*) FROM (SELECT CAST(" + myHash + " AS BINARY) AS h FROM " + t.mysqlFrom() + ") x GROUP BY h ORDER BY h"
                : "SELECT CAST(" + myHash + " AS BINARY) AS h, " + checksum.mysqlHex(all) + " FROM " + t.mysqlFrom() + " ORDER BY h";
        String pgSql = t.key().isEmpty()
                ? "SELECT h, count(*) FROM (SELECT " + pgHash + " COLLATE \"C\" AS h FROM " + t.pgFrom() + ") x GROUP BY h ORDER BY h"
                : "SELECT " + pgHash + " COLLATE \"C\" AS h, " + checksum.pgHex(all) + " FROM " + t.pgFrom() + " ORDER BY h";
        List<String> differing = new ArrayList<>();
        long uncompared = 0;
        try (Statement my = mysql.createStatement(); Statement other = pg.createStatement()) {
            my.setFetchSize(FETCH_ROWS);
            other.setFetchSize(FETCH_ROWS);
            try (ResultSet a = my.executeQuery(mySql); ResultSet b = other.executeQuery(pgSql)) {
                boolean hasA = a.next();
                boolean hasB = b.next();
                while (hasA || hasB) {
                    int order = !hasA ? 1 : !hasB ? -1 : hex(a).compareTo(b.getString(1));
                    String h = order <= 0 ? hex(a) : b.getString(1);
                    long apart = order == 0 ? differs(t, a, b) : order < 0 ? count(t, a) : count(t, b);
                    if (apart > 0) {
                        if (differing.size() < FETCHED) {
                            differing.add(h);
                        } else {
                            uncompared += apart;
                        }
                    }
                    if (order <= 0) {
                        hasA = a.next();
                    }
                    if (order >= 0) {
                        hasB = b.next();
                    }
                }
            }
        }
        List<Difference> differences = new ArrayList<>();
        long myRows = 0;
        long pgRows = 0;
        for (int i = 0; i < differing.size(); i += PER_READ) {
            String in = differing.subList(i, Math.min(differing.size(), i + PER_READ)).stream()
                    .map(h -> "'" + h + "'").collect(Collectors.joining(", ", " IN (", ")"));
            RangeComparer.Result r = rows.compare(range, " WHERE " + myHash + in, " WHERE " + pgHash + in);
            differences.addAll(r.differences());
            myRows += r.mysqlRows();
            pgRows += r.pgRows();
        }
        return new RangeComparer.Result(range, myRows, pgRows, differences, uncompared);
    }

    /** The hash MySQL streamed, as text: it is selected as bytes, for a byte order. */
    private static String hex(ResultSet a) throws SQLException {
        return new String(a.getBytes(1), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Rows of a hash both sides have that differ: the row hash (keyed), or the count (keyless). */
    private static long differs(ComparedTable t, ResultSet a, ResultSet b) throws SQLException {
        if (t.key().isEmpty()) {
            return Math.abs(a.getLong(2) - b.getLong(2));
        }
        return a.getString(2).equals(b.getString(2)) ? 0 : 1;
    }

    /** Rows of a hash only one side has. */
    private static long count(ComparedTable t, ResultSet r) throws SQLException {
        return t.key().isEmpty() ? r.getLong(2) : 1;
    }
}
