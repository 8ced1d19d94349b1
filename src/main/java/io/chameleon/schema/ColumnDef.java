package io.chameleon.schema;

import java.util.List;

/**
 * One MySQL column as information_schema describes it.
 *
 * @param dataType lower-case base type, e.g. {@code int}, {@code varchar}, {@code enum}
 * @param columnType the full declaration, e.g. {@code int(10) unsigned}, {@code enum('a','b')}
 * @param defaultValue the default as a plain value (unquoted), or null when there is none
 * @param defaultKind whether {@code defaultValue} is a literal, an expression or absent
 * @param charset the column's character set (null for non-text columns)
 * @param enumValues the labels of an enum or set column, in declaration order (empty otherwise)
 */
public record ColumnDef(
        String name,
        int ordinal,
        String dataType,
        String columnType,
        boolean nullable,
        String defaultValue,
        DefaultKind defaultKind,
        String charset,
        Long charMaxLength,
        Integer numericPrecision,
        Integer numericScale,
        Integer datetimePrecision,
        boolean unsigned,
        boolean autoIncrement,
        boolean generated,
        List<String> enumValues) {

    public enum DefaultKind { NONE, NULL, LITERAL, EXPRESSION }

    public ColumnDef {
        enumValues = List.copyOf(enumValues);
    }

    /** The type key that {@code type_override} matches, e.g. {@code tinyint(1)}. */
    public String overrideKey() {
        String t = columnType.toLowerCase();
        int space = t.indexOf(' ');
        return space < 0 ? t : t.substring(0, space);
    }
}
