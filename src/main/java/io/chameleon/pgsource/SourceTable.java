package io.chameleon.pgsource;

import io.chameleon.pg.Sql;
import io.chameleon.schema.TableName;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A source table to copy.
 *
 * @param key the primary key's columns, else those of the first unique index on NOT NULL columns; empty without
 * @param loadSchema the target schema the table is built in before the swap
 * @param rangeColumn the key's column when it is a single integer, which the copy cuts into ranges; else null
 * @param partitioned a partitioned table: read with its partitions' rows, copied as one plain table
 * @param binary every column's type is built in, so COPY may use the binary format
 */
record SourceTable(TableName name, String loadSchema, List<SourceColumn> columns, List<String> key,
        String rangeColumn, boolean partitioned, long estimatedRows, boolean binary) {

    SourceTable {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    /** The source's table in FROM: ONLY, so an inheritance parent's children are not read twice. */
    String fromSql() {
        return (partitioned ? "" : "ONLY ") + Sql.qualified(name.schema(), name.table());
    }

    /** The select list: each column, cast to text when it travels as text. */
    String selectList() {
        return columns.stream().map(c -> Sql.ident(c.name()) + (c.asText() ? "::text" : ""))
                .collect(Collectors.joining(", "));
    }

    String columnList() {
        return columns.stream().map(c -> Sql.ident(c.name())).collect(Collectors.joining(", "));
    }
}
