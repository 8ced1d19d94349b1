package io.chameleon.pg;

/** Quoting for PostgreSQL identifiers and literals built into statements. */
public final class Sql {
    private Sql() {}

    /** Always quoted, so MySQL names with capitals, spaces or reserved words survive unchanged. */
    public static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String qualified(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    public static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        if (value.indexOf('\\') >= 0) {
            return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
