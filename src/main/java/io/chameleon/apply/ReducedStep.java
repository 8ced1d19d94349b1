package io.chameleon.apply;

import io.chameleon.binlog.RowChange;
import io.chameleon.schema.TableName;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;

/**
 * A stretch of a batch reduced to final row states, then the parent changes InnoDB acted on
 * children for, which end it: their referential actions run after the stretch is written and before
 * the next stretch, where MySQL ran them. A batch without such changes is one step.
 *
 * @param tables per table with a replica key, sorted by name so every batch locks tables in the same order
 * @param actedOn deletes, or key updates, of one table (one kind each step), in binlog order; empty when none
 */
public record ReducedStep(SortedMap<TableName, TableReduction> tables, List<RowChange> actedOn) {

    public ReducedStep {
        tables = Collections.unmodifiableSortedMap(tables);
        actedOn = List.copyOf(actedOn);
    }
}
