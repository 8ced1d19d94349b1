package io.chameleon.binlog;

import io.chameleon.schema.TableName;

/**
 * One row changed by a source transaction. Values are in the form MySQL's text protocol sends
 * them (the bytes init_replica reads), one per tracked column in ordinal order, null for SQL
 * NULL, so the same converters turn both paths' values into the same PostgreSQL values.
 *
 * @param before the row before the change (UPDATE, DELETE), else null
 * @param after the row after the change (INSERT, UPDATE), else null
 */
public record RowChange(TableName table, Kind kind, byte[][] before, byte[][] after) {

    public enum Kind { INSERT, UPDATE, DELETE }
}
