package io.chameleon.ddl;

import io.chameleon.schema.TableDef;

import java.util.Map;

/**
 * A table of the replica as DDL replay tracks it: its MySQL definition, the character set its new
 * text columns take, and the PostgreSQL name of each of its indexes that PostgreSQL has (index
 * names are unique per PostgreSQL schema, so they may differ from MySQL's).
 *
 * @param defaultCharset the table's DEFAULT CHARSET, e.g. {@code utf8mb4}
 * @param pgIndexNames MySQL index name ({@code PRIMARY} for the primary key) → PostgreSQL index name;
 *     indexes PostgreSQL could not build (FULLTEXT, functional) have none
 */
public record TrackedTable(TableDef definition, String defaultCharset, Map<String, String> pgIndexNames) {

    public TrackedTable {
        pgIndexNames = Map.copyOf(pgIndexNames);
    }

    /** Whether the replica follows its rows: it has a primary key or a unique NOT NULL key. */
    public boolean replicated() {
        return definition.replicaKey().isPresent();
    }
}
