package io.chameleon.ddl;

import io.chameleon.schema.TableName;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every table of a source that exists in PostgreSQL (replicated or not: a table without a key is
 * copied and may gain one), with the default character set of each MySQL schema. Immutable: each
 * statement gives a new one.
 *
 * @param schemaCharsets MySQL schema → its default character set, for tables created without one
 */
public record TrackedTables(Map<TableName, TrackedTable> tables, Map<String, String> schemaCharsets) {

    public static final TrackedTables EMPTY = new TrackedTables(Map.of(), Map.of());

    public TrackedTables {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        schemaCharsets = Map.copyOf(schemaCharsets);
    }

    public Optional<TrackedTable> get(TableName name) {
        return Optional.ofNullable(tables.get(name));
    }
}
