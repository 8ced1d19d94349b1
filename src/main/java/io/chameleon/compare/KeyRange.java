package io.chameleon.compare;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * A part of a table compared on its own: the keys from {@code from} (inclusive) to {@code to}
 * (exclusive; null: no end) of its range column, or the whole table when both are null.
 */
record KeyRange(ComparedTable table, Long from, Long to) {
    static KeyRange whole(ComparedTable table) {
        return new KeyRange(table, null, null);
    }

    boolean whole() {
        return from == null;
    }

    /** The WHERE clause selecting the range, with the key quoted by {@code quote}; {@link #bind} fills it in. */
    String where(UnaryOperator<String> quote) {
        if (whole()) {
            return "";
        }
        String k = quote.apply(table.key().get(0));
        return " WHERE " + k + " >= ?" + (to == null ? "" : " AND " + k + " < ?");
    }

    void bind(PreparedStatement s) throws SQLException {
        if (!whole()) {
            s.setLong(1, from);
            if (to != null) {
                s.setLong(2, to);
            }
        }
    }
}
