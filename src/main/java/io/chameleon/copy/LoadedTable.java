package io.chameleon.copy;

import io.chameleon.mysql.BinlogPosition;

import java.util.Map;

/**
 * A table the load finished: where in the binlog its copy stands, and what was copied.
 *
 * @param position the coordinates the table's rows correspond to; the stream applies only events after them
 * @param pgIndexNames the PostgreSQL name of each MySQL index built; empty with keep_existing_schema
 */
public record LoadedTable(TablePlan plan, BinlogPosition position, long rows, long bytes, long discarded,
        Map<String, String> pgIndexNames) {

    public LoadedTable {
        pgIndexNames = Map.copyOf(pgIndexNames);
    }

    public boolean replicated() {
        return plan.replicaKey().isPresent();
    }
}
