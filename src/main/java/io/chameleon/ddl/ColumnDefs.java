package io.chameleon.ddl;

import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.ColumnDef.DefaultKind;

/** Copies of a column with one property changed. */
final class ColumnDefs {
    private ColumnDefs() {
    }

    static ColumnDef renamed(ColumnDef c, String name) {
        return new ColumnDef(name, c.ordinal(), c.dataType(), c.columnType(), c.nullable(), c.defaultValue(),
                c.defaultKind(), c.charset(), c.charMaxLength(), c.numericPrecision(), c.numericScale(),
                c.datetimePrecision(), c.unsigned(), c.autoIncrement(), c.generated(), c.enumValues());
    }

    static ColumnDef at(ColumnDef c, int ordinal) {
        return new ColumnDef(c.name(), ordinal, c.dataType(), c.columnType(), c.nullable(), c.defaultValue(),
                c.defaultKind(), c.charset(), c.charMaxLength(), c.numericPrecision(), c.numericScale(),
                c.datetimePrecision(), c.unsigned(), c.autoIncrement(), c.generated(), c.enumValues());
    }

    /** NOT NULL, as a primary key makes its columns; a NULL default goes with it. */
    static ColumnDef notNull(ColumnDef c) {
        DefaultKind kind = c.defaultKind() == DefaultKind.NULL ? DefaultKind.NONE : c.defaultKind();
        return new ColumnDef(c.name(), c.ordinal(), c.dataType(), c.columnType(), false, c.defaultValue(), kind,
                c.charset(), c.charMaxLength(), c.numericPrecision(), c.numericScale(), c.datetimePrecision(),
                c.unsigned(), c.autoIncrement(), c.generated(), c.enumValues());
    }

    static ColumnDef withDefault(ColumnDef c, String value, DefaultKind kind) {
        return new ColumnDef(c.name(), c.ordinal(), c.dataType(), c.columnType(), c.nullable(), value, kind,
                c.charset(), c.charMaxLength(), c.numericPrecision(), c.numericScale(), c.datetimePrecision(),
                c.unsigned(), c.autoIncrement(), c.generated(), c.enumValues());
    }

    static ColumnDef withCharset(ColumnDef c, String charset) {
        return new ColumnDef(c.name(), c.ordinal(), c.dataType(), c.columnType(), c.nullable(), c.defaultValue(),
                c.defaultKind(), charset, c.charMaxLength(), c.numericPrecision(), c.numericScale(),
                c.datetimePrecision(), c.unsigned(), c.autoIncrement(), c.generated(), c.enumValues());
    }

    /** Whether the column holds characters (and so has a character set). */
    static boolean textual(ColumnDef c) {
        return c.charset() != null && !c.dataType().equals("json");
    }
}
