package io.chameleon.ddl;

import io.chameleon.schema.TableName;

/** A table as a statement names it: {@code schema} is null when the statement relies on the default database. */
record TableRef(String schema, String table) {

    /** The table in {@code defaultDatabase} unless named with its schema; null when neither says. */
    TableName resolve(String defaultDatabase) {
        String s = schema != null ? schema : defaultDatabase;
        return s == null || s.isEmpty() ? null : new TableName(s, table);
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}
