package io.chameleon.types;

import io.chameleon.schema.ColumnDef;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a MySQL client and a PostgreSQL client read for a value, brought to one comparable text.
 * Each normalisation is there because the representation differs legitimately, and says so.
 */
final class ClientView {
    private static final Set<String> MYSQL_BYTES = Set.of("bit", "binary", "varbinary", "tinyblob", "blob",
            "mediumblob", "longblob", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
            "multipolygon", "geometrycollection", "geomcollection");

    /** \u0000 after an even number of backslashes: a JSON NUL escape, not an escaped backslash and "u0000" */
    private static final Pattern NUL_ESCAPE = Pattern.compile("((?:^|[^\\\\])(?:\\\\\\\\)*)\\\\u0000");

    private final Connection pg;

    /** @param pg used to read MySQL's JSON text as jsonb, PostgreSQL's own normal form */
    ClientView(Connection pg) {
        this.pg = pg;
    }

    /** The value as the MySQL client reads it: bytes for binary types, else getString. */
    static Object readMysql(ResultSet r, ColumnDef c) throws SQLException {
        return MYSQL_BYTES.contains(c.dataType()) ? r.getBytes(c.name()) : r.getString(c.name());
    }

    static Object readPg(ResultSet r, ColumnDef c, PgType t) throws SQLException {
        return switch (t.format()) {
            case BYTEA, GEOMETRY_WKB -> r.getBytes(c.name());
            case SET -> {
                Array a = r.getArray(c.name());
                yield a == null ? null : String.join(",", (String[]) a.getArray());
            }
            default -> r.getString(c.name());
        };
    }

    String mysql(ColumnDef c, PgType t, Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        String s = value instanceof byte[] ? null : (String) value;
        return switch (t.format()) {
            case NUMBER -> number(c, s);
            // type_override tinyint(1) → boolean: 0 is false, anything else true
            case NUMBER_AS_BOOLEAN -> new BigDecimal(s).signum() == 0 ? "f" : "t";
            case BIT -> bits((byte[]) value, MysqlType.bitWidth(c));
            // zero_dates: infinity; Connector/J pads fractions to the column's digits, PostgreSQL trims them
            case DATE, DATETIME, TIMESTAMP -> isCalendarDate(s) ? trimFraction(s) : "-infinity";
            // TIME → interval: compared as a signed number of microseconds
            case TIME -> micros(s);
            // nul_chars: strip
            case TEXT, ENUM -> s.replace("\0", "");
            case SET -> s;
            // jsonb normalizes spacing, key order and numbers; nul_chars: strip removes \u0000
            case JSON -> jsonb(NUL_ESCAPE.matcher(s).replaceAll("$1"));
            case BYTEA -> HexFormat.of().formatHex((byte[]) value);
            // MySQL prefixes WKB with its 4-byte SRID
            case GEOMETRY_WKB -> HexFormat.of().formatHex((byte[]) value, 4, ((byte[]) value).length);
            default -> throw new IllegalArgumentException("no client view for " + t.format());
        };
    }

    String pg(ColumnDef c, PgType t, Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof byte[] ? null : (String) value;
        return switch (t.format()) {
            case NUMBER -> number(c, s);
            case DATE, DATETIME, TIMESTAMP -> trimFraction(s.replaceFirst("\\+00$", ""));
            case TIME -> micros(s);
            case BYTEA, GEOMETRY_WKB -> HexFormat.of().formatHex((byte[]) value);
            default -> s;
        };
    }

    /** float/double print differently (MySQL %g-style, PostgreSQL shortest round-trip): compare the binary value; year '0000' is 0. */
    private static String number(ColumnDef c, String s) {
        return switch (c.dataType()) {
            case "float" -> Float.toString(Float.parseFloat(s));
            case "double" -> Double.toString(Double.parseDouble(s));
            case "year" -> Integer.toString(Integer.parseInt(s));
            default -> s;
        };
    }

    private static String bits(byte[] v, int width) {
        StringBuilder b = new StringBuilder();
        for (int i = v.length * 8 - width; i < v.length * 8; i++) {
            b.append(i >= 0 && (v[i >> 3] & (0x80 >>> (i & 7))) != 0 ? '1' : '0');
        }
        return b.toString();
    }

    private static boolean isCalendarDate(String s) {
        try {
            LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
                    Integer.parseInt(s.substring(8, 10)));
            return !s.startsWith("0000");
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String trimFraction(String s) {
        return s.contains(".") ? s.replaceFirst("0+$", "").replaceFirst("\\.$", "") : s;
    }

    private static String micros(String s) {
        boolean negative = s.startsWith("-");
        String[] hms = s.replace("-", "").split(":");
        String[] sec = hms[2].split("\\.");
        long micros = ((Long.parseLong(hms[0]) * 60 + Long.parseLong(hms[1])) * 60 + Long.parseLong(sec[0])) * 1_000_000
                + (sec.length > 1 ? Long.parseLong((sec[1] + "000000").substring(0, 6)) : 0);
        return Long.toString(negative ? -micros : micros);
    }

    private String jsonb(String json) throws SQLException {
        try (PreparedStatement s = pg.prepareStatement("SELECT CAST(? AS jsonb)::text")) {
            s.setString(1, json);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
