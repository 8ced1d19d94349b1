package io.chameleon.schema;

import java.util.List;

/**
 * One MySQL index. {@code type} is information_schema's INDEX_TYPE (BTREE, HASH, FULLTEXT,
 * SPATIAL). A part with a {@code prefixLength} indexes only the first characters of a column.
 */
public record IndexDef(String name, boolean primary, boolean unique, String type, List<Part> parts) {

    /** A column of the index; {@code column} is null for a functional (expression) part. */
    public record Part(String column, Integer prefixLength, String expression) {}

    public IndexDef {
        parts = List.copyOf(parts);
    }

    public List<String> columnNames() {
        return parts.stream().map(Part::column).toList();
    }

    /** True when every part is a whole column, as PostgreSQL builds it without change. */
    public boolean plainColumns() {
        return parts.stream().allMatch(p -> p.column() != null && p.prefixLength() == null);
    }
}
