package io.chameleon.compare;

import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.schema.ColumnDef;
import io.chameleon.types.TextSelect;
import io.chameleon.types.ValuePolicies;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One canonical text per value, so that a MySQL value and its PostgreSQL copy are equal exactly
 * when they mean the same: an explicit rule per MySQL type, as the type map converts it. Numbers
 * compare as decimals (float and double at their own precision), DATETIME as a local time,
 * TIMESTAMP as an instant, TIME as signed seconds, bits as their digits, binary data and spatial
 * values as hex, a SET as PostgreSQL's array of its members, JSON as jsonb prints it (see
 * {@link #mysqlJson}); zero dates and NUL characters as the source's zero_dates and nul_chars
 * store them. Anything else must be equal as text. Sessions read in UTC ({@link #MYSQL_SESSION},
 * {@link #PG_SESSION}).
 */
public final class ValueCanon {
    /** What a MySQL session reading values must set first. */
    public static final String MYSQL_SESSION = "SET time_zone = '+00:00'";
    /** What a PostgreSQL session reading values must set first. */
    public static final String[] PG_SESSION = {"SET TIME ZONE 'UTC'", "SET IntervalStyle = 'postgres'"};

    private static final DateTimeFormatter PG_TS = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "+00").optionalEnd().toFormatter();
    /** {@code \u0000} in JSON text, not itself escaped ({@code \\u0000} is a backslash and "u0000"). */
    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private final ValuePolicies policies;

    public ValueCanon(ValuePolicies policies) {
        this.policies = policies;
    }

    /** The MySQL select-list expression for a column: the server's own text of it. */
    public static String mysqlSelect(ColumnDef col) {
        return TextSelect.expression(col);
    }

    /** The PostgreSQL select-list expression for a column of the same name. */
    public static String pgSelect(ColumnDef col) {
        String q = "\"" + col.name().replace("\"", "\"\"") + "\"";
        return switch (col.dataType()) {
            case "json" -> q + "::jsonb::text";
            case "time" -> "extract(epoch from " + q + ")::numeric(30,6)::text";
            case "bit" -> q + "::text";
            default -> q;
        };
    }

    /** Whether the MySQL value is read with getBytes (binary data) rather than as text. */
    public static boolean mysqlBinary(ColumnDef col) {
        return col.dataType().contains("binary") || col.dataType().contains("blob") || col.dataType().equals("bit")
                || spatial(col);
    }

    /** Whether the column holds JSON, whose MySQL text {@link #mysqlJson} canonicalises through PostgreSQL. */
    public static boolean json(ColumnDef col) {
        return col.dataType().equals("json");
    }

    /** The canonical text of column {@code i} of a MySQL row; null for SQL NULL; JSON comes as MySQL printed it. */
    public String mysql(ColumnDef col, ResultSet rs, int i) throws SQLException {
        byte[] v = mysqlBinary(col) ? rs.getBytes(i) : utf8(rs.getString(i));
        return v == null ? null : mysqlCanonical(col, v);
    }

    /** The canonical text of column {@code i} of a PostgreSQL row; null for SQL NULL. */
    public String pg(ColumnDef col, ResultSet rs, int i) throws SQLException {
        if (rs.getBytes(i) == null) {
            return null;
        }
        if (spatial(col)) {
            return "wkb:" + HexFormat.of().formatHex(rs.getBytes(i));
        }
        String s = rs.getString(i);
        return switch (col.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year", "decimal", "time" -> decimal(s);
            case "float" -> Float.toString(Float.parseFloat(s));
            case "double", "real" -> Double.toString(Double.parseDouble(s));
            case "datetime" -> infinite(s) ? s : LocalDateTime.parse(s, PG_TS).toString();
            case "timestamp" -> infinite(s) ? s : OffsetDateTime.parse(s, PG_TS).toInstant().toString();
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> HexFormat.of().formatHex(rs.getBytes(i));
            default -> s;
        };
    }

    /** MySQL's JSON text as PostgreSQL should hold it: escaped NULs stripped (nul_chars strip); jsonb then prints it. */
    public String mysqlJson(String text) {
        return policies.nulChars() == NulCharPolicy.STRIP ? NUL_ESCAPE.matcher(text).replaceAll("$1") : text;
    }

    private String mysqlCanonical(ColumnDef col, byte[] v) {
        if (spatial(col)) { // MySQL's own form: the SRID (4 bytes), then the WKB the bytea holds
            return "wkb:" + HexFormat.of().formatHex(v, 4, v.length);
        }
        String s = new String(v, StandardCharsets.UTF_8);
        return switch (col.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year", "decimal" -> decimal(s);
            case "float" -> Float.toString(Float.parseFloat(s));
            case "double", "real" -> Double.toString(Double.parseDouble(s));
            case "bit" -> bits(v, col.numericPrecision() == null ? v.length * 8 : col.numericPrecision());
            case "date" -> zeroDate(s) ? zeroDateStored() : s;
            case "datetime" -> zeroDate(s) ? zeroDateStored() : LocalDateTime.parse(s.replace(' ', 'T')).toString();
            case "timestamp" -> s.startsWith("0000") ? zeroDateStored()
                    : LocalDateTime.parse(s.replace(' ', 'T')).atOffset(ZoneOffset.UTC).toInstant().toString();
            case "time" -> timeSeconds(s);
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> HexFormat.of().formatHex(v);
            case "set" -> "{" + s + "}";
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" ->
                    policies.nulChars() == NulCharPolicy.STRIP ? s.replace("\u0000", "") : s;
            default -> s;
        };
    }

    /** A zero or partly-zero date, or a day its month lacks (ALLOW_INVALID_DATES): zero_dates decides what is stored. */
    private static boolean zeroDate(String s) {
        if (s.startsWith("0000") || s.contains("-00")) {
            return true;
        }
        try {
            java.time.LocalDate.parse(s.substring(0, 10));
            return false;
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    /** What zero_dates stores for a zero date: NULL, or -infinity (discard leaves no row to compare). */
    private String zeroDateStored() {
        return policies.zeroDates() == ZeroDatePolicy.INFINITY ? "-infinity" : null;
    }

    private static boolean infinite(String s) {
        return s.equals("-infinity") || s.equals("infinity");
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
}
