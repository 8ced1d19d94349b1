package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Comments on the copied tables and their columns. */
final class SourceComments {
    private static final String SQL = """
            SELECT copied.nspname, copied.relname, a.attname, d.description
              FROM pg_description d JOIN copied ON d.objoid = copied.relid AND d.classoid = 'pg_class'::regclass
              LEFT JOIN pg_attribute a ON a.attrelid = d.objoid AND a.attnum = d.objsubid AND d.objsubid > 0
             WHERE d.objsubid = 0 OR NOT a.attisdropped
             ORDER BY 1, 2, d.objsubid""";

    private SourceComments() {}

    static void read(Connection source, CopiedTables copied, List<Step> steps) throws SQLException {
        copied.query(source, SQL, rs -> {
            String table = copied.target(rs.getString(1), rs.getString(2));
            String column = rs.getString(3);
            String what = rs.getString(1) + "." + rs.getString(2) + (column == null ? "" : "." + column);
            steps.add(new Step("comment of " + what, "COMMENT ON " + (column == null ? "TABLE " + table
                    : "COLUMN " + table + "." + Sql.ident(column)) + " IS " + Sql.literal(rs.getString(4))));
        });
    }
}
