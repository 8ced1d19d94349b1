package io.chameleon.testing;

import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.types.TextSelect;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The replication oracle: reads a table from MySQL and from PostgreSQL and compares them row by
 * row and value by value. Each value is brought to one canonical text form by an explicit rule per
 * MySQL type (a datetime is a point in time whichever way it is printed); anything else must be
 * equal as text. Rows are compared as sorted lists, so no database's collation decides the order.
 */
public final class TableComparator {
    private static final DateTimeFormatter PG_TS = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "+00").optionalEnd().toFormatter();

    /** {@code \u0000} in JSON text, not itself escaped ({@code \\u0000} is a backslash and "u0000"). */
    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private TableComparator() {}

    /** The differences found (empty when the tables are equal), at most {@code limit} of them. */
    public static List<String> compare(Connection mysql, String mysqlSchema, String table, Connection pg,
            String pgSchema, int limit) throws SQLException {
        TableDef def = new SchemaReader(mysql, ServerInfo.read(mysql)).readSchema(mysqlSchema).stream()
                .filter(t -> t.name().table().equals(table)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + mysqlSchema + "." + table + " in MySQL"));
        List<String> left = mysqlRows(mysql, def, pg);
        List<String> right = pgRows(pg, pgSchema, def);
        List<String> diffs = new ArrayList<>();
        if (left.size() != right.size()) {
            diffs.add(table + ": MySQL has " + left.size() + " rows, PostgreSQL " + right.size());
        }
        int i = 0;
        int j = 0;
        while ((i < left.size() || j < right.size()) && diffs.size() < limit) {
            int c = i >= left.size() ? 1 : j >= right.size() ? -1 : left.get(i).compareTo(right.get(j));
            if (c == 0) {
                i++;
                j++;
            } else if (c < 0) {
                diffs.add(table + ": only in MySQL: " + left.get(i++));
            } else {
                diffs.add(table + ": only in PostgreSQL: " + right.get(j++));
            }
        }
        return diffs;
    }

    private static List<String> mysqlRows(Connection c, TableDef def, Connection pg) throws SQLException {
        // the server's own text of each value: Connector/J's getString re-prints temporal values
        // (a DATETIME(3) .001 comes back as .1), so numbers, dates and times are CAST to text on the server
        String cols = def.columns().stream().map(TextSelect::expression).collect(Collectors.joining(", "));
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = s.executeQuery("SELECT " + cols + " FROM `" + def.name().schema() + "`.`"
                    + def.name().table() + "`")) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int k = 0; k < def.columns().size(); k++) {
                        ColumnDef col = def.columns().get(k);
                        byte[] v = binary(col) ? rs.getBytes(k + 1) : utf8(rs.getString(k + 1));
                        row.append(k == 0 ? "" : " | ").append(col.name()).append('=')
                                .append(v == null ? "NULL" : col.dataType().equals("json")
                                        ? "json:" + jsonCanonical(pg, new String(v, StandardCharsets.UTF_8))
                                        : mysqlCanonical(col, v));
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> pgRows(Connection c, String schema, TableDef def) throws SQLException {
        List<String> rows = new ArrayList<>();
        String cols = def.columns().stream().map(col -> pgSelect(col)).collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            s.execute("SET IntervalStyle = 'postgres'");
            try (ResultSet rs = s.executeQuery("SELECT " + cols + " FROM \"" + schema + "\".\"" + def.name().table() + "\"")) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int k = 0; k < def.columns().size(); k++) {
                        ColumnDef col = def.columns().get(k);
                        byte[] v = rs.getBytes(k + 1);
                        row.append(k == 0 ? "" : " | ").append(col.name()).append('=')
                                .append(v == null ? "NULL" : pgCanonical(col, rs, k + 1));
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    /** PostgreSQL-side expressions that give each value in a comparable form. */
    private static String pgSelect(ColumnDef col) {
        String q = "\"" + col.name() + "\"";
        return switch (col.dataType()) {
            case "json" -> q + "::jsonb::text";
            case "time" -> "extract(epoch from " + q + ")::numeric(30,6)::text";
            case "bit" -> q + "::text";
            default -> q;
        };
    }

    private static String mysqlCanonical(ColumnDef col, byte[] v) {
        if (spatial(col)) { // MySQL's own form: the SRID (4 bytes), then the WKB the bytea holds
            return "wkb:" + HexFormat.of().formatHex(v, 4, v.length);
        }
        String s = new String(v, StandardCharsets.UTF_8);
        return switch (col.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year", "decimal" -> decimal(s);
            case "float" -> Float.toString(Float.parseFloat(s));
            case "double", "real" -> Double.toString(Double.parseDouble(s));
            case "bit" -> bits(v, col.numericPrecision() == null ? v.length * 8 : col.numericPrecision());
            case "date" -> storedAsNull(s) ? "NULL" : s;
            case "datetime" -> storedAsNull(s) ? "NULL" : LocalDateTime.parse(s.replace(' ', 'T')).toString();
            case "timestamp" -> s.startsWith("0000") ? "NULL"
                    : LocalDateTime.parse(s.replace(' ', 'T')).atOffset(java.time.ZoneOffset.UTC).toInstant().toString();
            case "time" -> timeSeconds(s);
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> HexFormat.of().formatHex(v);
            case "set" -> "{" + s + "}";
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> s.replace("\u0000", "");
            default -> s;
        };
    }

    private static String pgCanonical(ColumnDef col, ResultSet rs, int i) throws SQLException {
        if (spatial(col)) {
            return "wkb:" + HexFormat.of().formatHex(rs.getBytes(i));
        }
        String s = rs.getString(i);
        return switch (col.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year", "decimal", "time" -> decimal(s);
            case "float" -> Float.toString(Float.parseFloat(s));
            case "double", "real" -> Double.toString(Double.parseDouble(s));
            case "datetime" -> LocalDateTime.parse(s, PG_TS).toString();
            case "timestamp" -> OffsetDateTime.parse(s, PG_TS).toInstant().toString();
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> HexFormat.of().formatHex(rs.getBytes(i));
            case "json" -> "json:" + s;
            default -> s;
        };
    }

    /**
     * The zero_dates default: a zero or partly-zero date, or a day its month does not have (written
     * under ALLOW_INVALID_DATES), is stored as NULL.
     */
    private static boolean storedAsNull(String mysqlDate) {
        if (mysqlDate.startsWith("0000") || mysqlDate.contains("-00")) {
            return true;
        }
        try {
            LocalDate.parse(mysqlDate.substring(0, 10));
            return false;
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static String decimal(String s) {
        return new BigDecimal(s.trim()).stripTrailingZeros().toPlainString();
    }

    private static String bits(byte[] v, int width) {
        StringBuilder b = new StringBuilder();
        for (byte x : v) {
            for (int k = 7; k >= 0; k--) {
                b.append((x >> k) & 1);
            }
        }
        String all = b.toString();
        return all.length() > width ? all.substring(all.length() - width) : "0".repeat(width - all.length()) + all;
    }

    /** MySQL TIME text ({@code -838:59:59.500000}) as signed seconds, the form PostgreSQL's epoch of an interval gives. */
    private static String timeSeconds(String s) {
        boolean negative = s.startsWith("-");
        String[] p = (negative ? s.substring(1) : s).split(":");
        BigDecimal secs = new BigDecimal(p[0]).multiply(BigDecimal.valueOf(3600))
                .add(new BigDecimal(p[1]).multiply(BigDecimal.valueOf(60))).add(new BigDecimal(p[2]));
        return decimal((negative ? secs.negate() : secs).toPlainString());
    }

    private static boolean binary(ColumnDef col) {
        return col.dataType().contains("binary") || col.dataType().contains("blob") || col.dataType().equals("bit")
                || spatial(col);
    }

    private static boolean spatial(ColumnDef col) {
        return switch (col.dataType()) {
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                    "geometrycollection", "geomcollection" -> true;
            default -> false;
        };
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** MySQL's JSON text in PostgreSQL's canonical jsonb form (key order, spacing). */
    /** MySQL's JSON text as jsonb prints it, with the escaped NULs jsonb refuses stripped (the nul_chars default). */
    private static String jsonCanonical(Connection pg, String json) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT ?::jsonb::text")) {
            ps.setString(1, NUL_ESCAPE.matcher(json).replaceAll("$1"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
