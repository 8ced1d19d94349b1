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

    /**
     * One sorted line per column default and identity, constraint, index, sequence (options and
     * owner) and comment of {@code schemas[0]}, with names kept. Qualifiers naming {@code schemas[i]}
     * print as {@code <i>.}, so a source and a target whose schemas are mapped compare equal, and a
     * target object still referring to a source schema does not.
     */
    public static List<String> postData(Statement s, String... schemas) throws SQLException {
        String expr = "%s";
        for (int i = 0; i < schemas.length; i++) {
            String bare = schemas[i].matches("[a-z_][a-z0-9_]*") ? "|" + schemas[i] : "";
            expr = "regexp_replace(" + expr + ", '(^|[^\\w\"])(?:\"" + schemas[i] + "\"" + bare + ")\\.', '\\1<" + i + ">.', 'g')";
        }
        String schema = "(SELECT oid FROM pg_namespace WHERE nspname = '" + schemas[0].replace("'", "''") + "')";
        List<String> rows = new ArrayList<>();
        String path;
        try (ResultSet rs = s.executeQuery("SELECT current_setting('search_path')")) {
            rs.next();
            path = rs.getString(1);
        }
        s.execute("SET search_path = ''");
        try {
            query(s, rows, "SELECT 'column ' || c.relname || '.' || a.attname || ' identity:' || a.attidentity::text || ' generated:'"
                    + " || a.attgenerated::text || coalesce(' DEFAULT ' || " + expr.formatted("pg_get_expr(d.adbin, d.adrelid)") + ", '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid"
                    + " AND d.adnum = a.attnum WHERE c.relnamespace = " + schema + " AND c.relkind IN ('r', 'p')"
                    + " AND a.attnum > 0 AND NOT a.attisdropped");
            query(s, rows, "SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || " + expr.formatted("pg_get_constraintdef(k.oid)")
                    + " || ' validated:' || k.convalidated || coalesce(' comment:' || obj_description(k.oid, 'pg_constraint'), '')"
                    + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE k.connamespace = " + schema + ""
                    + " AND k.contype <> 'n'");
            query(s, rows, "SELECT 'index ' || " + expr.formatted("pg_get_indexdef(i.indexrelid)") + " || ' valid:' || i.indisvalid"
                    + " || coalesce(' comment:' || obj_description(i.indexrelid, 'pg_class'), '')"
                    + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = " + schema + "");
            query(s, rows, "SELECT 'sequence ' || c.relname || ' ' || format_type(q.seqtypid, NULL) || ' ' || q.seqstart || ' '"
                    + " || q.seqincrement || ' ' || q.seqmin || ' ' || q.seqmax || ' ' || q.seqcache || ' ' || q.seqcycle"
                    + " || coalesce(' owned by ' || t.relname || '.' || a.attname || ' ' || d.deptype::text, '')"
                    + " FROM pg_sequence q JOIN pg_class c ON c.oid = q.seqrelid LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass"
                    + " AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
                    + " LEFT JOIN pg_class t ON t.oid = d.refobjid LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid"
                    + " AND a.attnum = d.refobjsubid WHERE c.relnamespace = " + schema + "");
            query(s, rows, "SELECT 'comment ' || c.relname || coalesce('.' || a.attname, '') || ' ' || d.description"
                    + " FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass"
                    + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0"
                    + " WHERE c.relnamespace = " + schema + " AND c.relkind IN ('r', 'p')");
        } finally {
            s.execute("SELECT set_config('search_path', '" + path.replace("'", "''") + "', false)");
        }
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
