package io.chameleon.catalog;

import io.chameleon.format.Json;
import io.chameleon.schema.ColumnDef;

import java.util.List;

/**
 * A column of a replicated table as the catalogue tracks it: what the binlog reader needs to
 * decode a row image (which carries values by position only) and the type it has in PostgreSQL.
 *
 * @param columnType MySQL's full declaration, e.g. {@code int(10) unsigned}
 * @param charset the column's character set, null for non-text columns
 * @param enumValues the labels of an enum or set column in declaration order (binlog sends indexes)
 */
public record TrackedColumn(
        String name,
        String dataType,
        String columnType,
        String pgType,
        boolean nullable,
        boolean unsigned,
        String charset,
        List<String> enumValues,
        boolean generated) {

    public TrackedColumn {
        enumValues = List.copyOf(enumValues);
    }

    public static TrackedColumn of(ColumnDef column, String pgType) {
        return new TrackedColumn(column.name(), column.dataType(), column.columnType(), pgType, column.nullable(),
                column.unsigned(), column.charset(), column.enumValues(), column.generated());
    }

    String toJson() {
        return "{\"name\":" + Json.string(name) + ",\"data_type\":" + Json.string(dataType)
                + ",\"column_type\":" + Json.string(columnType) + ",\"pg_type\":" + Json.string(pgType)
                + ",\"nullable\":" + nullable + ",\"unsigned\":" + unsigned + ",\"charset\":" + Json.string(charset)
                + ",\"enum_values\":" + Json.compact(enumValues) + ",\"generated\":" + generated + "}";
    }
}
