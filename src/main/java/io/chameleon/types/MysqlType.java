package io.chameleon.types;

import io.chameleon.schema.ColumnDef;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type map: each MySQL data type (as information_schema.COLUMNS.DATA_TYPE names it, plus the
 * aliases DDL may use) with its PostgreSQL type and value format. Reasons: docs/type-mapping.md.
 */
enum MysqlType {
    // tinyint(1) (bool) too: a boolean only by type_override, since MySQL stores -128..127 in it.
    TINYINT(ValueFormat.NUMBER, c -> "smallint", "tinyint", "bool", "boolean", "int1"),
    SMALLINT(ValueFormat.NUMBER, c -> c.unsigned() ? "integer" : "smallint", "smallint", "int2"),
    MEDIUMINT(ValueFormat.NUMBER, c -> "integer", "mediumint", "middleint", "int3"),
    INT(ValueFormat.NUMBER, c -> c.unsigned() ? "bigint" : "integer", "int", "integer", "int4"),
    BIGINT(ValueFormat.NUMBER, c -> c.unsigned() ? "numeric(20)" : "bigint", "bigint", "int8"),
    DECIMAL(ValueFormat.NUMBER, MysqlType::numeric, "decimal", "numeric", "dec", "fixed"),
    FLOAT(ValueFormat.NUMBER, c -> "real", "float", "float4"),
    DOUBLE(ValueFormat.NUMBER, c -> "double precision", "double", "double precision", "real", "float8"),
    YEAR(ValueFormat.NUMBER, c -> "smallint", "year"),
    BIT(ValueFormat.BIT, c -> "bit(" + bitWidth(c) + ")", "bit"),
    DATE(ValueFormat.DATE, c -> "date", "date"),
    DATETIME(ValueFormat.DATETIME, c -> "timestamp(" + fractionDigits(c) + ") without time zone", "datetime"),
    TIMESTAMP(ValueFormat.TIMESTAMP, c -> "timestamp(" + fractionDigits(c) + ") with time zone", "timestamp"),
    TIME(ValueFormat.TIME, c -> "interval(" + fractionDigits(c) + ")", "time"),
    CHAR(ValueFormat.TEXT, MysqlType::varchar, "char", "varchar", "nchar", "nvarchar"),
    TEXT(ValueFormat.TEXT, c -> "text", "tinytext", "text", "mediumtext", "longtext"),
    BINARY(ValueFormat.BYTEA, c -> "bytea", "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"),
    ENUM(ValueFormat.ENUM, null, "enum"),
    SET(ValueFormat.SET, c -> "text[]", "set"),
    JSON(ValueFormat.JSON, c -> "jsonb", "json"),
    SPATIAL(ValueFormat.GEOMETRY_EWKB, null, "geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection", "geomcollection"),
    // MariaDB's own types, whose text PostgreSQL's uuid and inet read back unchanged.
    UUID(ValueFormat.TEXT, c -> "uuid", "uuid"),
    INET(ValueFormat.TEXT, c -> "inet", "inet4", "inet6");

    private static final Map<String, MysqlType> BY_NAME = new HashMap<>();
    private static final Pattern FIRST_NUMBER = Pattern.compile("\\((\\d+)");
    private static final Pattern PRECISION_SCALE = Pattern.compile("\\((\\d+)\\s*(?:,\\s*(\\d+))?\\)");

    static {
        for (MysqlType t : values()) {
            for (String name : t.names) {
                BY_NAME.put(name, t);
            }
        }
    }

    private final ValueFormat format;
    private final Function<ColumnDef, String> pgSql;
    private final String[] names;

    MysqlType(ValueFormat format, Function<ColumnDef, String> pgSql, String... names) {
        this.format = format;
        this.pgSql = pgSql;
        this.names = names;
    }

    static Optional<MysqlType> of(String dataType) {
        return Optional.ofNullable(BY_NAME.get(dataType.trim().toLowerCase(Locale.ROOT)));
    }

    ValueFormat format() {
        return format;
    }

    /** Not for ENUM and SPATIAL, whose type depends on more than the column. */
    String pgSql(ColumnDef column) {
        return pgSql.apply(column);
    }

    /** n of BIT(n); BIT alone is BIT(1). */
    static int bitWidth(ColumnDef c) {
        return c.numericPrecision() != null ? c.numericPrecision() : firstNumber(c.columnType()).orElse(1);
    }

    /** Fractional-second digits of DATETIME/TIMESTAMP/TIME (0..6). */
    static int fractionDigits(ColumnDef c) {
        return c.datetimePrecision() != null ? c.datetimePrecision() : firstNumber(c.columnType()).orElse(0);
    }

    private static String numeric(ColumnDef c) {
        if (c.numericPrecision() != null) {
            return "numeric(" + c.numericPrecision() + "," + (c.numericScale() == null ? 0 : c.numericScale()) + ")";
        }
        Matcher m = PRECISION_SCALE.matcher(c.columnType());
        // DECIMAL alone is DECIMAL(10,0)
        return m.find() ? "numeric(" + m.group(1) + "," + (m.group(2) == null ? "0" : m.group(2)) + ")" : "numeric(10,0)";
    }

    // varchar, not character(n): PostgreSQL pads char(n) with spaces where MySQL strips them on read.
    private static String varchar(ColumnDef c) {
        long n = c.charMaxLength() != null ? c.charMaxLength() : firstNumber(c.columnType()).orElse(1);
        // PostgreSQL has no varchar(0); MySQL's CHAR(0)/VARCHAR(0) hold only '' or NULL.
        return n == 0 ? "text" : "varchar(" + n + ")";
    }

    private static Optional<Integer> firstNumber(String columnType) {
        Matcher m = FIRST_NUMBER.matcher(columnType);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
