package io.chameleon.schema;

/** A MySQL table as {@code schema.table}; names are kept exactly as MySQL reports them. */
public record TableName(String schema, String table) implements Comparable<TableName> {
    public static TableName parse(String qualified) {
        int dot = qualified.indexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            throw new IllegalArgumentException("'" + qualified + "' is not in the form SCHEMA_NAME.TABLE_NAME");
        }
        return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    @Override
    public int compareTo(TableName o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : table.compareTo(o.table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
