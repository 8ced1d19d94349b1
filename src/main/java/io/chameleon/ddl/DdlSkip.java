package io.chameleon.ddl;

import io.chameleon.schema.TableName;

/** A statement, or a part of it, that cannot be followed in PostgreSQL: the message says why. */
final class DdlSkip extends RuntimeException {
    private final transient TableName table;

    DdlSkip(String reason) {
        this(reason, null);
    }

    /** @param table the tracked table the statement changed in MySQL, whose tracked definition is now stale */
    DdlSkip(String reason, TableName table) {
        super(reason);
        this.table = table;
    }

    TableName table() {
        return table;
    }
}
