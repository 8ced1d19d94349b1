package io.chameleon.compare;

import io.chameleon.schema.ColumnDef;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares one {@link KeyRange} row by row on a worker's two connections, each inside the compare's snapshot:
 * reads the range's rows from both sides in canonical text ({@link ValueCanon}) and matches them
 * by key, so neither server's collation or order matters. A table without a key is compared as a
 * multiset of whole rows.
 */
final class RangeComparer {
    /** Rows fetched per round trip from either server. */
    private static final int FETCH_ROWS = 2000;

    private final Connection mysql;
    private final Connection pg;
    private final ValueCanon canon;

    RangeComparer(Connection mysql, Connection pg, ValueCanon canon) {
        this.mysql = mysql;
        this.pg = pg;
        this.canon = canon;
    }

    /**
     * What one range gave: the rows read on each side and the differences, plus differing rows
     * counted but not read ({@link HashMerge#FETCHED}).
     */
    record Result(KeyRange range, long mysqlRows, long pgRows, List<Difference> differences, long unread) {
        Result(KeyRange range, long mysqlRows, long pgRows, List<Difference> differences) {
            this(range, mysqlRows, pgRows, differences, 0);
        }

        long differenceCount() {
            return differences.size() + unread;
        }
    }

    Result compare(KeyRange range) throws SQLException {
        return compare(range, range.where(ComparedTable::quoteMysql), range.where(ComparedTable::quotePg));
    }

    /**
     * Compares the rows of {@code range}'s table that the WHERE clauses select on each side: the
     * range's (with its key bounds as parameters), or the rows of given hashes ({@link HashMerge}).
     */
    Result compare(KeyRange range, String mysqlWhere, String pgWhere) throws SQLException {
        ComparedTable t = range.table();
        List<ColumnDef> cols = t.def().columns();
        List<String[]> mysqlRows = read(mysql, "SELECT " + cols.stream().map(ValueCanon::mysqlSelect)
                .collect(Collectors.joining(", ")) + " FROM " + t.mysqlFrom() + mysqlWhere, range, true);
        canonicalJson(mysqlRows, cols);
        List<String[]> pgRows = read(pg, "SELECT " + cols.stream().map(ValueCanon::pgSelect)
                .collect(Collectors.joining(", ")) + " FROM " + t.pgFrom() + pgWhere, range, false);
        List<Difference> diffs = t.key().isEmpty() ? multiset(t, mysqlRows, pgRows) : byKey(t, mysqlRows, pgRows);
        return new Result(range, mysqlRows.size(), pgRows.size(), diffs);
    }

    private List<String[]> read(Connection c, String sql, KeyRange range, boolean fromMysql) throws SQLException {
        List<ColumnDef> cols = range.table().def().columns();
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH_ROWS);
            range.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[cols.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = fromMysql ? canon.mysql(cols.get(i), rs, i + 1) : canon.pg(cols.get(i), rs, i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** MySQL's JSON texts as jsonb prints them, all of the range's in one round trip to PostgreSQL. */
    private void canonicalJson(List<String[]> rows, List<ColumnDef> cols) throws SQLException {
        List<int[]> at = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (!ValueCanon.json(cols.get(i))) {
                continue;
            }
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r)[i] != null) {
                    at.add(new int[] {r, i});
                    texts.add(canon.mysqlJson(rows.get(r)[i]));
                }
            }
        }
        if (texts.isEmpty()) {
            return;
        }
        Array array = pg.createArrayOf("text", texts.toArray());
        try (PreparedStatement s = pg.prepareStatement(
                "SELECT v::jsonb::text FROM unnest(?::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n")) {
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                for (int[] p : at) {
                    rs.next();
                    rows.get(p[0])[p[1]] = rs.getString(1);
                }
            }
        } finally {
            array.free();
        }
    }

    private static List<Difference> byKey(ComparedTable t, List<String[]> mysqlRows, List<String[]> pgRows) {
        List<ColumnDef> cols = t.def().columns();
        int[] keyAt = t.key().stream().mapToInt(k -> indexOf(cols, k)).toArray();
        Map<String, String[]> pgByKey = new LinkedHashMap<>();
        for (String[] row : pgRows) {
            pgByKey.put(key(cols, keyAt, row), row);
        }
        List<Difference> diffs = new ArrayList<>();
        for (String[] my : mysqlRows) {
            String key = key(cols, keyAt, my);
            String[] other = pgByKey.remove(key);
            if (other == null) {
                diffs.add(new Difference(t.name(), Difference.Kind.MISSING, key, null, null, null));
                continue;
            }
            for (int i = 0; i < cols.size(); i++) {
                if (!java.util.Objects.equals(my[i], other[i])) {
                    diffs.add(new Difference(t.name(), Difference.Kind.VALUE, key, cols.get(i).name(), my[i], other[i]));
                }
            }
        }
        pgByKey.forEach((key, row) -> diffs.add(new Difference(t.name(), Difference.Kind.EXTRA, key, null, null, null)));
        return diffs;
    }

    private static List<Difference> multiset(ComparedTable t, List<String[]> mysqlRows, List<String[]> pgRows) {
        List<ColumnDef> cols = t.def().columns();
        int[] all = new int[cols.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Map<String, Integer> count = new HashMap<>();
        mysqlRows.forEach(r -> count.merge(key(cols, all, r), 1, Integer::sum));
        pgRows.forEach(r -> count.merge(key(cols, all, r), -1, Integer::sum));
        List<Difference> diffs = new ArrayList<>();
        count.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (int n = 0; n < Math.abs(e.getValue()); n++) {
                diffs.add(new Difference(t.name(), e.getValue() > 0 ? Difference.Kind.MISSING : Difference.Kind.EXTRA,
                        e.getKey(), null, null, null));
            }
        });
        return diffs;
    }

    private static String key(List<ColumnDef> cols, int[] at, String[] row) {
        StringBuilder b = new StringBuilder();
        for (int i : at) {
            b.append(b.length() == 0 ? "" : ", ").append(cols.get(i).name()).append('=')
                    .append(row[i] == null ? "NULL" : row[i]);
        }
        return b.toString();
    }

    private static int indexOf(List<ColumnDef> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("key column " + name + " is not among the table's columns");
    }
}
