package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import java.util.List;

/**
 * show_status for one source: the summary line, its schema mappings, its tables and how far
 * init_replica has copied them, the tables left out of replay, and what replay has done.
 *
 * @param tablesCopied tables whose copy has finished: with {@link #tablesAll()}, init_replica's progress
 * @param skippedRows row changes replay left out: tables without a replica key, or disabled by on_error_replay continue
 * @param applied where replay has got to; null before init_replica
 * @param highWatermark the snapshot point after which the source is consistent; null before init_replica
 * @param processPid the process working on the source, or null
 */
public record SourceDetail(
        SourceSummary summary,
        List<SchemaMapping> mappings,
        int tablesReplicated,
        int tablesNotReplicated,
        List<TableNotReplicated> notReplicated,
        int tablesCopied,
        long rowsCopied,
        long bytesCopied,
        long discardedRows,
        long replayedRows,
        long replayedDdl,
        long skippedRows,
        BinlogPosition applied,
        BinlogPosition highWatermark,
        Long processPid,
        String processHost) {

    public SourceDetail {
        mappings = List.copyOf(mappings);
        notReplicated = List.copyOf(notReplicated);
    }

    public int tablesAll() {
        return tablesReplicated + tablesNotReplicated;
    }
}
