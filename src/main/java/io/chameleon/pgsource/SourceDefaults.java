package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Column defaults of the copied tables (nextval of a sequence, now(), any expression), set after
 * the rows so the copy never evaluates them. Generated columns are not defaults and are left out.
 */
final class SourceDefaults {
    private static final String SQL = """
            SELECT copied.nspname, copied.relname, a.attname, pg_get_expr(ad.adbin, ad.adrelid),
                   (SELECT string_agg(format('%I.%I', sn.nspname, sc.relname), ', ')
                      FROM pg_depend d JOIN pg_class sc ON sc.oid = d.refobjid AND sc.relkind = 'S'
                      JOIN pg_namespace sn ON sn.oid = sc.relnamespace
                     WHERE d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
                       AND d.refclassid = 'pg_class'::regclass AND NOT sn.nspname = ANY (?::text[]))
              FROM pg_attrdef ad JOIN copied ON ad.adrelid = copied.relid
              JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
             WHERE NOT a.attisdropped AND a.attgenerated = ''
             ORDER BY 1, 2, a.attnum""";

    private SourceDefaults() {}

    static void read(Connection source, CopiedTables copied, List<Step> steps, Consumer<String> warn) throws SQLException {
        copied.query(source, SQL, rs -> {
            String column = rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3);
            String unmappedSequences = rs.getString(5);
            if (unmappedSequences != null) {
                warn.accept("default of " + column + " (" + rs.getString(4) + ") not built: it calls " + unmappedSequences
                        + ", whose schema is not in schema_mappings");
                return;
            }
            steps.add(new Step("default of " + column, "ALTER TABLE " + copied.target(rs.getString(1), rs.getString(2))
                    + " ALTER COLUMN " + Sql.ident(rs.getString(3)) + " SET DEFAULT " + copied.requalify(rs.getString(4))));
        }, source.createArrayOf("text", copied.mappedSchemas().toArray()));
    }
}
