package io.chameleon.copy;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SnapshotMethod;

import java.util.List;

/**
 * The outcome of an initial load, for the catalogue and the summary.
 *
 * @param highWatermark the latest of the tables' coordinates: past it, every table is consistent
 * @param context the servers as the definitions were read
 * @param scope which tables the load copied: all of the source's, or some
 */
public record LoadResult(List<LoadedTable> tables, int chunks, BinlogPosition highWatermark, SnapshotMethod method,
        long lockMillis, double seconds, List<String> warnings, List<String> adjustments, long adjustedValues,
        SourceContext context, LoadScope scope) {

    public LoadResult {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
        adjustments = List.copyOf(adjustments);
    }

    public long rows() {
        return tables.stream().mapToLong(LoadedTable::rows).sum();
    }

    public long bytes() {
        return tables.stream().mapToLong(LoadedTable::bytes).sum();
    }

    public long discarded() {
        return tables.stream().mapToLong(LoadedTable::discarded).sum();
    }
}
