package io.chameleon.apply;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;

/**
 * A batch of source transactions reduced to each touched row's final state, in steps where
 * referential actions must run between (one step when none do).
 *
 * @param steps in binlog order, at least one
 * @param skippedRowChanges per table without a key (or unknown), how many row changes were left out
 * @param end the position just after the batch's last transaction, where replay resumes
 * @param sourceTime the MySQL commit time of the batch's last transaction
 * @param transactions the source transactions reduced into the batch (1 for a part of a transaction larger
 *     than a batch: the transaction counts once, with its last part)
 */
public record ReducedBatch(List<ReducedStep> steps, SortedMap<TableName, Long> skippedRowChanges,
        BinlogPosition end, Instant sourceTime, int transactions) {

    public ReducedBatch {
        steps = List.copyOf(steps);
        skippedRowChanges = Collections.unmodifiableSortedMap(skippedRowChanges);
    }

    /** The tables of a batch in one step (no referential action ran inside it). */
    public SortedMap<TableName, TableReduction> tables() {
        if (steps.size() != 1) {
            throw new IllegalStateException("a batch of " + steps.size() + " steps has no single reduction");
        }
        return steps.get(0).tables();
    }

    /** Raw row changes of the tables that are applied (skipped ones not counted). */
    public long appliedRowChanges() {
        return steps.stream().flatMap(s -> s.tables().values().stream()).mapToLong(TableReduction::rowChanges).sum();
    }

    public long skippedTotal() {
        return skippedRowChanges.values().stream().mapToLong(Long::longValue).sum();
    }
}
