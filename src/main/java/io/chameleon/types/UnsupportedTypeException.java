package io.chameleon.types;

import io.chameleon.schema.ColumnDef;

/** A MySQL column type with no PostgreSQL mapping: the message names the column and the fix. */
public final class UnsupportedTypeException extends RuntimeException {
    public UnsupportedTypeException(ColumnRef ref, ColumnDef column, String problem) {
        super(ref + " (" + column.columnType() + "): " + problem + "; map it with type_override, e.g.\n"
                + "type_override:\n  \"" + column.overrideKey() + "\":\n    override_to: text\n"
                + "    override_tables:\n      - \"" + ref.table() + "\"");
    }
}
