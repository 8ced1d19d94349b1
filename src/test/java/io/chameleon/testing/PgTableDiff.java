package io.chameleon.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a table of one PostgreSQL database with a table of another, value by value: each row's
 * text form ({@code t::text}, which holds every column's text form), sorted, on sessions with the
 * same settings. Equal text is the same value for every type PostgreSQL has.
 */
public final class PgTableDiff {
    private PgTableDiff() {}

    /** The rows only one side has, as "source only: ..." or "target only: ..."; empty when equal. */
    public static List<String> diff(Connection source, String sourceTable, Connection target, String targetTable)
            throws SQLException {
        List<String> a = rows(source, sourceTable);
        List<String> b = rows(target, targetTable);
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int c = i == a.size() ? 1 : j == b.size() ? -1 : a.get(i).compareTo(b.get(j));
            if (c == 0) {
                i++;
                j++;
            } else if (c < 0) {
                out.add("source only: " + a.get(i++));
            } else {
                out.add("target only: " + b.get(j++));
            }
        }
        return out;
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';"
                    + " SET extra_float_digits = 3; SET bytea_output = 'hex'");
            try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                while (rs.next()) {
                    rows.add(String.valueOf(rs.getString(1))); // an all-NULL row's text is NULL
                }
            }
        }
        rows.sort(null);
        return rows;
    }
}
