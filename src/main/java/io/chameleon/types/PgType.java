package io.chameleon.types;

import io.chameleon.pg.Sql;

import java.util.Optional;

/**
 * The PostgreSQL type of a MySQL column and how its values are converted.
 *
 * @param sql the type as written in CREATE TABLE, e.g. {@code numeric(20)}; for an enum its quoted,
 *     unqualified name (use {@link #sqlIn(String)})
 * @param format how MySQL's text for a value becomes COPY text
 * @param enumType the enum type to create first, for enum columns
 * @param overridden whether {@code type_override} chose {@code sql}
 */
public record PgType(String sql, ValueFormat format, Optional<PgEnumType> enumType, boolean overridden) {

    static PgType of(String sql, ValueFormat format) {
        return new PgType(sql, format, Optional.empty(), false);
    }

    static PgType ofEnum(PgEnumType type) {
        return new PgType(Sql.ident(type.name()), ValueFormat.ENUM, Optional.of(type), false);
    }

    static PgType override(String sql, ValueFormat format) {
        return new PgType(sql, format, Optional.empty(), true);
    }

    /** The type as written in a table of {@code schema}: enum types are qualified with it. */
    public String sqlIn(String schema) {
        return enumType.map(e -> Sql.qualified(schema, e.name())).orElse(sql);
    }
}
