package io.chameleon.compare;

import io.chameleon.schema.TableName;

/**
 * One difference between MySQL and PostgreSQL at the compared point.
 *
 * @param key the row's key as {@code col=value, ...}; for a table without a key, the whole row
 * @param column the differing column; null for a row on one side only
 * @param mysql the MySQL value in canonical text (null: SQL NULL, or no row)
 * @param pg the PostgreSQL value in canonical text (null: SQL NULL, or no row)
 */
public record Difference(TableName table, Kind kind, String key, String column, String mysql, String pg) {

    public enum Kind {
        /** the row is in MySQL only: missing from PostgreSQL */
        MISSING,
        /** the row is in PostgreSQL only: extra */
        EXTRA,
        /** the row is on both sides; one column's values differ */
        VALUE
    }

    /** One line for humans. */
    public String describe() {
        return switch (kind) {
            case MISSING -> table + " [" + key + "]: missing from PostgreSQL";
            case EXTRA -> table + " [" + key + "]: only in PostgreSQL";
            case VALUE -> table + " [" + key + "] " + column + ": MySQL " + quoted(mysql) + ", PostgreSQL " + quoted(pg);
        };
    }

    private static String quoted(String v) {
        return v == null ? "NULL" : "'" + v + "'";
    }
}
