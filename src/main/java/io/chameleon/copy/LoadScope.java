package io.chameleon.copy;

import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which tables a load copies: every table of the source (init_replica, which replaces the
 * destination schemas whole), or some of them (sync_tables, refresh_schema), which replace only
 * their own tables and leave the others, and the replica's place in the binlog, as they are.
 *
 * @param tables the tables asked for by name, or null
 * @param schema the MySQL schema whose tables are asked for, or null
 */
public record LoadScope(Set<TableName> tables, String schema) {
    public static final LoadScope ALL = new LoadScope(null, null);

    public static LoadScope tables(Set<TableName> tables) {
        return new LoadScope(Set.copyOf(tables), null);
    }

    public static LoadScope schema(String schema) {
        return new LoadScope(null, schema);
    }

    public boolean whole() {
        return tables == null && schema == null;
    }

    /**
     * The tables of the scope among those read from MySQL (already within schema_mappings,
     * limit_tables and skip_tables).
     *
     * @throws LoadRefused when a table asked for by name is not among them
     */
    List<TableDef> select(List<TableDef> read) {
        if (whole()) {
            return read;
        }
        List<TableDef> selected = new ArrayList<>();
        Set<TableName> missing = tables == null ? new TreeSet<>() : new TreeSet<>(tables);
        for (TableDef t : read) {
            if (schema != null ? t.name().schema().equals(schema) : tables.contains(t.name())) {
                selected.add(t);
                missing.remove(t.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new LoadRefused("no such table to copy: " + missing + " (not in MySQL, or left out by schema_mappings,"
                    + " limit_tables or skip_tables)");
        }
        return selected;
    }
}
