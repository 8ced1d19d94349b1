package io.chameleon.copy;

import io.chameleon.mysql.BinlogPosition;

/**
 * A table the load finished: where in the binlog its copy stands, and what was copied.
 *
 * @param position the coordinates the table's rows correspond to; the stream applies only events after them
 */
public record LoadedTable(TablePlan plan, BinlogPosition position, long rows, long bytes, long discarded) {

    public boolean replicated() {
        return plan.replicaKey().isPresent();
    }
}
