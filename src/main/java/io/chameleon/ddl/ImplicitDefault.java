package io.chameleon.ddl;

import io.chameleon.schema.ColumnDef;

import java.util.Set;

/**
 * The value MySQL gives existing rows of a NOT NULL column that has no DEFAULT (zero, empty, the
 * first enum label, the zero date): PostgreSQL must write the same into the rows it already has.
 */
final class ImplicitDefault {
    private static final Set<String> ZERO = Set.of("tinyint", "smallint", "mediumint", "int", "bigint", "decimal",
            "float", "double", "bit", "year");
    private static final Set<String> EMPTY = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "set");

    private ImplicitDefault() {
    }

    /** The value as a plain default (as {@code ColumnDef.defaultValue} holds it), or null when there is none to write. */
    static String of(ColumnDef c) {
        String t = c.dataType();
        if (ZERO.contains(t)) {
            return "0";
        }
        if (EMPTY.contains(t)) {
            return "";
        }
        return switch (t) {
            case "binary" -> "\0".repeat(c.charMaxLength() == null ? 1 : c.charMaxLength().intValue());
            case "enum" -> c.enumValues().isEmpty() ? null : c.enumValues().get(0);
            case "date" -> "0000-00-00";
            case "datetime", "timestamp" -> "0000-00-00 00:00:00";
            case "time" -> "00:00:00";
            case "uuid" -> "00000000-0000-0000-0000-000000000000";
            default -> null;
        };
    }
}
