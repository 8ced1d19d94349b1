package io.chameleon.binlog;

import io.chameleon.catalog.TrackedColumn;
import io.chameleon.mysql.BinlogPosition;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * A table the reader follows: the columns its row images are decoded with (MySQL ordinal order),
 * the binlog point its copy was taken at, or null when every change must be replayed, and the
 * kinds of change skip_events drops for it.
 *
 * @param skippedKinds the kinds of row change dropped before they are decoded
 * @param skippedChanges where dropped row changes are counted; the tables of a source may share one
 */
public record ReaderTable(List<TrackedColumn> columns, BinlogPosition snapshot, Set<RowChange.Kind> skippedKinds,
        LongAdder skippedChanges) {

    public ReaderTable {
        columns = List.copyOf(columns);
        skippedKinds = Set.copyOf(skippedKinds);
    }

    /** A table whose changes of every kind are replayed. */
    public ReaderTable(List<TrackedColumn> columns, BinlogPosition snapshot) {
        this(columns, snapshot, Set.of(), new LongAdder());
    }

    /**
     * True when the table's copy already holds a transaction ending at {@code end}: the copy was
     * read at or after that commit, so replaying its rows would apply them twice.
     */
    public boolean copyContains(BinlogPosition end) {
        return snapshot != null && snapshot.includes(end);
    }

    /**
     * The same for a transaction not committed yet, from a position {@code inside} it (at or after
     * its start, before its commit; see {@link BinlogPosition#includesTransactionAt}).
     */
    public boolean copyContainsTransactionAt(BinlogPosition inside) {
        return snapshot != null && snapshot.includesTransactionAt(inside);
    }

    /** True, and the rows counted, when skip_events drops this table's row changes of {@code kind}. */
    boolean skips(RowChange.Kind kind, int rows) {
        if (!skippedKinds.contains(kind)) {
            return false;
        }
        skippedChanges.add(rows);
        return true;
    }
}
