package io.chameleon.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What two PostgreSQL schemas must share to hold the same tables: columns with types, NOT NULL,
 * identities and defaults, indexes and enum types, with the schema and index names left out.
 */
public final class PgSchemaShape {
    private PgSchemaShape() {}

    /** One sorted line per column, index and enum type of the schema. */
    public static List<String> describe(Statement s, String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        String unqualify = "regexp_replace(%s, '\"?" + schema + "\"?\\.', '', 'g')";
        query(s, rows, "SELECT c.relname || '.' || a.attname || ' ' || " + unqualify.formatted("format_type(a.atttypid, a.atttypmod)")
                + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || ' identity:' || a.attidentity::text"
                + " || coalesce(' DEFAULT ' || " + unqualify.formatted("pg_get_expr(d.adbin, d.adrelid)") + ", '')"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = '" + schema + "' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped");
        query(s, rows, "SELECT t.relname || ' ' || i.indisprimary || ' ' || "
                + unqualify.formatted("regexp_replace(pg_get_indexdef(i.indexrelid), 'INDEX \\S+ ON', 'INDEX ON')")
                + " FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = '" + schema + "'");
        query(s, rows, "SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
                + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = '" + schema + "' GROUP BY t.typname");
        return rows.stream().sorted().toList();
    }

    private static void query(Statement s, List<String> rows, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
    }
}
