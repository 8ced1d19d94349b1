package io.chameleon.ddl;

import io.chameleon.pg.Sql;
import io.chameleon.types.PgType;
import io.chameleon.types.ValueFormat;

import java.util.Locale;
import java.util.stream.Collectors;

/** The USING expression that converts a column's PostgreSQL values when MySQL changes its type. */
final class Casts {
    private Casts() {
    }

    static String using(String column, PgType from, PgType to, String schema) {
        String c = Sql.ident(column);
        String target = to.sqlIn(schema);
        String f = from.sql().toLowerCase(Locale.ROOT);
        String t = to.sql().toLowerCase(Locale.ROOT);
        if (to.enumType().isPresent()) {
            // a value the new labels lack becomes '', as MySQL stores it
            String labels = to.enumType().get().labels().stream().map(Sql::literal).collect(Collectors.joining(", "));
            return "(CASE WHEN " + c + "::text IN (" + labels + ") THEN " + c + "::text ELSE '' END)::" + target;
        }
        if (t.equals("bytea")) {
            return "convert_to(" + c + "::text, 'UTF8')";
        }
        if (f.equals("bytea")) {
            return "convert_from(" + c + ", 'UTF8')::" + target;
        }
        if (t.equals("text[]")) {
            return "string_to_array(" + c + "::text, ',')";
        }
        if (f.equals("text[]")) {
            return "array_to_string(" + c + ", ',')::" + target;
        }
        if ((t.equals("boolean") || t.equals("bool")) && from.format() == ValueFormat.NUMBER) {
            return c + " <> 0";
        }
        if (from.enumType().isPresent()) {
            return c + "::text::" + target;
        }
        return c + "::" + target;
    }
}
