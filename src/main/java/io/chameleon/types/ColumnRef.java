package io.chameleon.types;

import io.chameleon.schema.TableName;

/** A MySQL column by table and name, for reports and messages. */
public record ColumnRef(TableName table, String column) {
    @Override
    public String toString() {
        return table + "." + column;
    }
}
