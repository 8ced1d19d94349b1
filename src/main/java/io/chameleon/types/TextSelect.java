package io.chameleon.types;

import io.chameleon.schema.ColumnDef;

import java.util.EnumSet;
import java.util.Set;

/**
 * The select-list expression that makes MariaDB Connector/J hand a column over as MySQL's text
 * through {@code ResultSet.getBytes}. Connector/J 3.5 refuses getBytes on number, date and time
 * columns, and its getString re-formats DATETIME/TIMESTAMP (e.g. {@code .123} → {@code .123000}),
 * so those are read as {@code CAST(col AS CHAR)}: the server's own text, in the session's utf8mb4.
 */
public final class TextSelect {
    private static final Set<ValueFormat> CAST = EnumSet.of(ValueFormat.NUMBER, ValueFormat.DATE,
            ValueFormat.DATETIME, ValueFormat.TIMESTAMP, ValueFormat.TIME, ValueFormat.JSON);

    private TextSelect() {}

    /** {@code `col`}, or {@code CAST(`col` AS CHAR) AS `col`} for columns the driver hands over only as values. */
    public static String expression(ColumnDef column) {
        String name = "`" + column.name().replace("`", "``") + "`";
        // MariaDB's JSON is a longtext (dataType 'longtext'), readable as it is; MySQL's JSON type is not.
        boolean cast = MysqlType.of(column.dataType()).map(t -> CAST.contains(t.format())).orElse(false);
        return cast ? "CAST(" + name + " AS CHAR) AS " + name : name;
    }
}
