package io.chameleon.binlog;

import io.chameleon.catalog.TrackedColumn;
import io.chameleon.mysql.BinlogPosition;

import java.util.List;

/**
 * A table the reader follows: the columns its row images are decoded with (MySQL ordinal order)
 * and the binlog point its copy was taken at, or null when every change must be replayed.
 */
public record ReaderTable(List<TrackedColumn> columns, BinlogPosition snapshot) {

    public ReaderTable {
        columns = List.copyOf(columns);
    }

    /**
     * True when the table's copy already holds a transaction ending at {@code end}: the copy was
     * read at or after that commit, so replaying its rows would apply them twice.
     */
    public boolean copyContains(BinlogPosition end) {
        return snapshot != null && snapshot.compareTo(end) >= 0;
    }

    /**
     * The same for a transaction not committed yet, from a position {@code inside} it (at or after
     * its start, before its commit): a copy is taken at a commit boundary, so one taken after that
     * position was taken at or after the commit.
     */
    public boolean copyContainsTransactionAt(BinlogPosition inside) {
        return snapshot != null && snapshot.compareTo(inside) > 0;
    }
}
