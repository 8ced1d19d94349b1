package io.chameleon.types;

import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.ColumnDef.DefaultKind;
import io.chameleon.schema.TableName;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** ColumnDefs as the mysql reader builds them, for tests. */
final class TestColumns {
    static final TableName TABLE = new TableName("shop", "items");

    private TestColumns() {}

    /** A nullable column without default; unsigned when the declaration says so. */
    static ColumnDef column(String dataType, String columnType) {
        return new ColumnDef("c", 1, dataType, columnType, true, null, DefaultKind.NONE, null, null, null, null,
                null, columnType.contains("unsigned"), false, false, List.of());
    }

    static ColumnDef named(String name, ColumnDef c) {
        return new ColumnDef(name, c.ordinal(), c.dataType(), c.columnType(), c.nullable(), c.defaultValue(),
                c.defaultKind(), c.charset(), c.charMaxLength(), c.numericPrecision(), c.numericScale(),
                c.datetimePrecision(), c.unsigned(), c.autoIncrement(), c.generated(), c.enumValues());
    }

    static ColumnDef notNull(ColumnDef c) {
        return new ColumnDef(c.name(), c.ordinal(), c.dataType(), c.columnType(), false, c.defaultValue(),
                c.defaultKind(), c.charset(), c.charMaxLength(), c.numericPrecision(), c.numericScale(),
                c.datetimePrecision(), c.unsigned(), c.autoIncrement(), c.generated(), c.enumValues());
    }

    static ColumnDef withDefault(ColumnDef c, DefaultKind kind, String value) {
        return new ColumnDef(c.name(), c.ordinal(), c.dataType(), c.columnType(), c.nullable(), value, kind,
                c.charset(), c.charMaxLength(), c.numericPrecision(), c.numericScale(), c.datetimePrecision(),
                c.unsigned(), c.autoIncrement(), c.generated(), c.enumValues());
    }

    /** information_schema's numbers: precision/scale, character length, datetime precision. */
    static ColumnDef sized(ColumnDef c, Long charMaxLength, Integer precision, Integer scale, Integer datetimePrecision) {
        return new ColumnDef(c.name(), c.ordinal(), c.dataType(), c.columnType(), c.nullable(), c.defaultValue(),
                c.defaultKind(), c.charset(), charMaxLength, precision, scale, datetimePrecision, c.unsigned(),
                c.autoIncrement(), c.generated(), c.enumValues());
    }

    static ColumnDef labelled(String dataType, String... labels) {
        StringBuilder type = new StringBuilder(dataType).append('(');
        for (int i = 0; i < labels.length; i++) {
            type.append(i == 0 ? "" : ",").append('\'').append(labels[i].replace("'", "''")).append('\'');
        }
        ColumnDef c = column(dataType, type.append(')').toString());
        return new ColumnDef(c.name(), c.ordinal(), c.dataType(), c.columnType(), c.nullable(), null,
                DefaultKind.NONE, "utf8mb4", null, null, null, null, false, false, false, List.of(labels));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(CopyTextBuffer b) {
        return new String(b.array(), 0, b.length(), StandardCharsets.UTF_8);
    }
}
