package io.chameleon.apply;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;

/**
 * A batch of source transactions reduced to each touched row's final state.
 *
 * @param tables per table with a replica key, sorted by name so every batch locks tables in the same order
 * @param skippedRowChanges per table without a key (or unknown), how many row changes were left out
 * @param end the position just after the batch's last transaction, where replay resumes
 * @param sourceTime the MySQL commit time of the batch's last transaction
 * @param transactions the source transactions reduced into the batch (1 for a part of a transaction larger
 *     than a batch: the transaction counts once, with its last part)
 */
public record ReducedBatch(SortedMap<TableName, TableReduction> tables, SortedMap<TableName, Long> skippedRowChanges,
        BinlogPosition end, Instant sourceTime, int transactions) {

    public ReducedBatch {
        tables = Collections.unmodifiableSortedMap(tables);
        skippedRowChanges = Collections.unmodifiableSortedMap(skippedRowChanges);
    }

    /** Raw row changes of the tables that are applied (skipped ones not counted). */
    public long appliedRowChanges() {
        return tables.values().stream().mapToLong(TableReduction::rowChanges).sum();
    }

    public long skippedTotal() {
        return skippedRowChanges.values().stream().mapToLong(Long::longValue).sum();
    }
}
