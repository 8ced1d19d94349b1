package io.chameleon.types;

import io.chameleon.config.TypeOverride;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableName;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a MySQL column to its PostgreSQL type: {@code type_override} first, then the type map
 * ({@link MysqlType}). Used for the initial copy and for DDL replayed from the binlog alike.
 */
public final class TypeMapper {
    private static final Set<String> NUMBER_TYPES = Set.of("smallint", "integer", "int", "bigint", "int2", "int4",
            "int8", "numeric", "decimal", "real", "double precision", "float4", "float8");

    private final TypeOverride.Rules overrides;
    private final boolean postgis;

    /**
     * @param postgis whether PostGIS is installed in the target database: spatial columns become
     *     {@code geometry}, else {@code bytea} holding WKB
     */
    public TypeMapper(TypeOverride.Rules overrides, boolean postgis) {
        this.overrides = overrides;
        this.postgis = postgis;
    }

    public PgType map(TableName table, ColumnDef column) {
        return map(table, column, false);
    }

    /**
     * @param mariadbJson true for a MariaDB JSON column, which information_schema reports as
     *     {@code longtext} with a {@code CHECK (json_valid(`column`))} constraint: it is mapped, and
     *     matched against type_override, as {@code json}
     */
    public PgType map(TableName table, ColumnDef column, boolean mariadbJson) {
        ColumnRef ref = new ColumnRef(table, column.name());
        Optional<MysqlType> type = mariadbJson ? Optional.of(MysqlType.JSON) : MysqlType.of(column.dataType());
        Optional<String> override = overrides.find(table, mariadbJson ? "json" : column.overrideKey());
        if (override.isPresent()) {
            return PgType.override(override.get(), overrideFormat(ref, column, type, override.get()));
        }
        MysqlType t = type.orElseThrow(() -> new UnsupportedTypeException(ref, column,
                "MySQL type '" + column.dataType() + "' has no PostgreSQL mapping"));
        return switch (t) {
            case ENUM -> PgType.ofEnum(enumType(ref, column));
            case SPATIAL -> postgis ? PgType.of("geometry", ValueFormat.GEOMETRY_EWKB)
                    : PgType.of("bytea", ValueFormat.GEOMETRY_WKB);
            default -> PgType.of(t.pgSql(column), t.format());
        };
    }

    /**
     * The labels in MySQL's order, preceded by '' unless declared: MySQL stores '' (index 0, sorting
     * first) for an invalid value in non-strict mode, and a PostgreSQL client must read it back.
     */
    private static PgEnumType enumType(ColumnRef ref, ColumnDef column) {
        if (column.enumValues().isEmpty()) {
            throw new UnsupportedTypeException(ref, column, "the enum's labels are unknown");
        }
        List<String> labels = new ArrayList<>();
        if (!column.enumValues().contains("")) {
            labels.add("");
        }
        for (String label : column.enumValues()) {
            if (label.getBytes(StandardCharsets.UTF_8).length > PgEnumType.MAX_NAME_BYTES) {
                throw new UnsupportedTypeException(ref, column, "the label '" + label
                        + "' is longer than the 63 bytes PostgreSQL allows for an enum label");
            }
            labels.add(label);
        }
        return new PgEnumType(PgEnumType.nameFor(ref.table(), column.name()), labels);
    }

    /** How values reach an overridden type: converted where MySQL's text would not parse, else as text. */
    private static ValueFormat overrideFormat(ColumnRef ref, ColumnDef column, Optional<MysqlType> type,
            String target) {
        String t = target.trim().toLowerCase(Locale.ROOT);
        ValueFormat source = type.map(MysqlType::format).orElse(ValueFormat.TEXT);
        boolean spatial = source == ValueFormat.GEOMETRY_EWKB;
        if (t.equals("boolean") || t.equals("bool")) {
            return source == ValueFormat.NUMBER ? ValueFormat.NUMBER_AS_BOOLEAN
                    : source == ValueFormat.BIT ? ValueFormat.BIT_AS_BOOLEAN : ValueFormat.TEXT;
        }
        if (t.equals("bytea")) {
            return spatial ? ValueFormat.GEOMETRY_WKB : ValueFormat.BYTEA;
        }
        if (spatial) {
            if (t.startsWith("geometry") || t.startsWith("geography")) {
                return ValueFormat.GEOMETRY_EWKB;
            }
            throw new UnsupportedTypeException(ref, column, "a spatial column can be overridden only to bytea, "
                    + "geometry or geography, not '" + target + "'");
        }
        switch (source) {
            case DATE, DATETIME, TIMESTAMP -> {
                // zero dates still need the zero_dates policy in any date/time type
                if (t.startsWith("date") || t.startsWith("timestamp")) {
                    return source;
                }
            }
            case BIT -> {
                return NUMBER_TYPES.contains(t.replaceFirst("\\s*\\(.*", "")) ? ValueFormat.BIT_AS_NUMBER : ValueFormat.BIT;
            }
            case SET -> {
                if (t.endsWith("[]")) {
                    return ValueFormat.SET;
                }
            }
            default -> { }
        }
        return ValueFormat.TEXT;
    }
}
