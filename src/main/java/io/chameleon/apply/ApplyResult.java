package io.chameleon.apply;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import io.chameleon.types.ConversionReport;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one committed batch did.
 *
 * @param rowChanges raw row changes applied (the count added to the source's replayed rows)
 * @param keysDeleted keys the batch deleted from the targets (rows found and removed)
 * @param rowsInserted final rows inserted
 * @param skippedRowChanges per table without a usable key or target, row changes left out
 * @param adjustments values the converters adjusted under the source's policies, to be logged
 * @param applied the applied position now stored in the catalogue
 * @param disabledTables under on_error_replay continue, the tables whose part of this batch failed,
 *     each with PostgreSQL's message: they were rolled back to their savepoint, marked not replicated
 *     and logged in error_log in the batch's transaction, and the applier leaves them out from now on
 */
public record ApplyResult(long rowChanges, long keysDeleted, long rowsInserted,
        SortedMap<TableName, Long> skippedRowChanges, ConversionReport adjustments, BinlogPosition applied,
        SortedMap<TableName, String> disabledTables) {

    public ApplyResult {
        disabledTables = Collections.unmodifiableSortedMap(new TreeMap<>(disabledTables));
    }
}
