package io.chameleon.config;

import io.chameleon.schema.TableName;

import java.util.List;
import java.util.Optional;

/**
 * One {@code type_override} entry: the MySQL type exactly as declared (e.g. {@code tinyint(1)}),
 * the PostgreSQL type to use instead, and the tables it applies to ({@code *} for all).
 */
public record TypeOverride(String mysqlType, String overrideTo, List<String> overrideTables) {

    public TypeOverride {
        overrideTables = List.copyOf(overrideTables);
    }

    public boolean appliesTo(TableName table) {
        return overrideTables.contains("*") || overrideTables.contains(table.toString());
    }

    /** All overrides of a configuration. */
    public record Rules(List<TypeOverride> overrides) {
        public static final Rules NONE = new Rules(List.of());

        public Rules {
            overrides = List.copyOf(overrides);
        }

        /** The PostgreSQL type for a column of {@code table} declared as {@code mysqlTypeKey}, if overridden. */
        public Optional<String> find(TableName table, String mysqlTypeKey) {
            return overrides.stream()
                    .filter(o -> o.mysqlType().equalsIgnoreCase(mysqlTypeKey) && o.appliesTo(table))
                    .map(TypeOverride::overrideTo)
                    .findFirst();
        }
    }
}
