package io.chameleon.ddl;

import io.chameleon.copy.IndexNamer;
import io.chameleon.schema.TableName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One statement's work in progress: the tracked tables as it changes them, and the PostgreSQL
 * statements, warnings and table changes it produces. Discarded when the statement is skipped.
 */
final class Workspace {
    final Map<TableName, TrackedTable> tables;
    final Map<String, String> charsets;
    final List<String> statements = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<TableChange> changes = new ArrayList<>();
    /** Each table renamed by the statement → its name before the statement. */
    private final Map<TableName, TableName> origins = new HashMap<>();
    private final Set<TableName> created = new HashSet<>();
    private final DdlTarget target;

    Workspace(TrackedTables start, DdlTarget target) {
        this.tables = new LinkedHashMap<>(start.tables());
        this.charsets = new HashMap<>(start.schemaCharsets());
        this.target = target;
    }

    TrackedTables result() {
        return new TrackedTables(tables, charsets);
    }

    void sql(String statement) {
        statements.add(statement);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    void change(TableChange.Kind kind, TableName table) {
        changes.add(TableChange.of(kind, table));
    }

    void created(TableName table) {
        created.add(table);
        origins.remove(table);
    }

    void renamed(TableName from, TableName to) {
        if (created.remove(from)) {
            created.add(to);
        } else {
            origins.put(to, origins.getOrDefault(from, from));
        }
        origins.remove(from);
        changes.add(new TableChange(TableChange.Kind.RENAMED, to, from, null));
    }

    /** The name {@code table} had before the statement; null when the statement created it. */
    TableName origin(TableName table) {
        return created.contains(table) ? null : origins.getOrDefault(table, table);
    }

    /** The default character set of a MySQL schema; utf8mb4 (today's servers' default) when unknown, with a warning. */
    String schemaCharset(String schema) {
        String cs = charsets.get(schema);
        if (cs == null) {
            warn("the default character set of schema " + schema + " is unknown; utf8mb4 assumed for its new text columns");
            charsets.put(schema, "utf8mb4");
            return "utf8mb4";
        }
        return cs;
    }

    /** A namer for new indexes of {@code pgSchema}: every table and index name already there is taken. */
    IndexNamer namer(String pgSchema) {
        return namer(pgSchema, null);
    }

    /** The same, with the table being edited counted by its index names as they are now. */
    IndexNamer namer(String pgSchema, TableEdit editing) {
        List<String> taken = new ArrayList<>();
        tables.forEach((name, t) -> {
            if (pgSchema.equals(target.pgSchema(name))) {
                taken.add(name.table());
                if (editing == null || !name.equals(editing.name)) {
                    taken.addAll(t.pgIndexNames().values());
                }
            }
        });
        if (editing != null) {
            taken.add(editing.name.table());
            taken.addAll(editing.pgIndexNames.values());
        }
        return new IndexNamer(taken);
    }
}
