package io.chameleon.ddl;

/**
 * A column declaration as written, before it is placed in its table.
 *
 * @param nullable TRUE for NULL, FALSE for NOT NULL, null when the declaration says neither
 * @param defaultValue the DEFAULT clause, null when there is none
 * @param onUpdate declared {@code ON UPDATE CURRENT_TIMESTAMP} (kept for explicit_defaults_for_timestamp=OFF only)
 * @param primaryKey declared {@code PRIMARY KEY} on the column itself (or SERIAL's implied UNIQUE for {@code unique})
 */
record ParsedColumn(
        String name,
        ColumnType type,
        Boolean nullable,
        DefaultSpec defaultValue,
        boolean onUpdate,
        boolean autoIncrement,
        boolean generated,
        boolean primaryKey,
        boolean unique) {

    ParsedColumn withNullability(Boolean nullable, DefaultSpec defaultValue) {
        return new ParsedColumn(name, type, nullable, defaultValue, onUpdate, autoIncrement, generated, primaryKey,
                unique);
    }
}
