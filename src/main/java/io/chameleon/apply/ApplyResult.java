package io.chameleon.apply;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one applied batch did: a committed one, or a part of a transaction larger than a batch.
 *
 * @param rowChanges raw row changes applied by this batch (for a part, by the part; the source's replayed
 *     rows grow by all parts' changes with the last one)
 * @param keysDeleted keys the batch deleted from the targets (rows found and removed)
 * @param rowsUpdated final rows written over their old row in place (a key still there, see TableApplier)
 * @param rowsInserted final rows inserted
 * @param skippedRowChanges per table without a usable key or target, row changes left out
 * @param adjustments values the converters adjusted under the source's policies, committed with this
 *     batch (for the last part of a transaction, all its parts'; none for a part that is not the last),
 *     already counted in the catalogue: the replica logs them and counts them in its metrics
 * @param applied the applied position now stored in the catalogue; null after a part that is not the
 *     last of its transaction, whose PostgreSQL transaction stays open for the rest
 * @param disabledTables under on_error_replay continue, the tables whose part of this batch failed,
 *     each with PostgreSQL's message: they were rolled back to their savepoint, marked not replicated
 *     and logged in error_log in the batch's transaction, and the applier leaves them out from now on
 */
public record ApplyResult(long rowChanges, long keysDeleted, long rowsUpdated, long rowsInserted,
        SortedMap<TableName, Long> skippedRowChanges, AdjustedValues adjustments, BinlogPosition applied,
        SortedMap<TableName, String> disabledTables) {

    public ApplyResult {
        disabledTables = Collections.unmodifiableSortedMap(new TreeMap<>(disabledTables));
    }

    /** Whether the batch committed, with its position; false after a part that is not the last. */
    public boolean committed() {
        return applied != null;
    }
}
