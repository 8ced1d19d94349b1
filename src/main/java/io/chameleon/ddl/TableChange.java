package io.chameleon.ddl;

import io.chameleon.schema.TableName;

/**
 * What a statement did to one table, for the catalogue and the reader.
 *
 * @param previous the table's name before a RENAMED, else null
 * @param reason why a table stops replicating, else null
 */
public record TableChange(Kind kind, TableName table, TableName previous, String reason) {

    public enum Kind {
        CREATED, ALTERED, RENAMED, DROPPED, TRUNCATED,
        /** it gained a primary key or unique NOT NULL key (or was created with one): its rows are replayed from now on */
        STARTS_REPLICATING,
        /** it lost its key, or its change could not be followed: its rows are no longer replayed */
        STOPS_REPLICATING
    }

    static TableChange of(Kind kind, TableName table) {
        return new TableChange(kind, table, null, null);
    }
}
