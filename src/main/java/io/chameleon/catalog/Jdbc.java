package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The nullable-value conversions and small queries JDBC leaves to every caller. */
final class Jdbc {
    private Jdbc() {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Truncated to microseconds, PostgreSQL's precision, which would otherwise round: a time reads
     * back as {@code value.truncatedTo(MICROS)}, never later than it was.
     */
    static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        s.setObject(index, value == null ? null
                : OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static void setNullableLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    /**
     * Text PostgreSQL can store: a NUL character, which text columns refuse, becomes the six
     * characters {@code \u0000}, so recording a failure never fails in turn.
     */
    static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "\\u0000");
    }

    /** The first two columns of a query on one source's rows, as a map in the query's order. */
    static Map<String, String> pairs(Connection c, String sql, int sourceId) throws SQLException {
        Map<String, String> pairs = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pairs.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return pairs;
    }
}
