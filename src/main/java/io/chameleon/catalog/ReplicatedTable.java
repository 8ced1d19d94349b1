package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;

import java.time.Instant;
import java.util.List;

/**
 * A table of a source as the catalogue holds it.
 *
 * @param replicaKey the columns replay identifies rows by; null when the table has no usable key
 * @param notReplicatedReason why the table's changes are not replayed; null when they are
 * @param columns the tracked columns in MySQL ordinal order
 * @param snapshot the binlog point the copy was read at (events before it are in the copy)
 * @param rowsCopied null until the copy of the table has finished, as are {@code bytesCopied} and {@code copiedAt}
 */
public record ReplicatedTable(
        TableName mysqlName,
        String pgSchema,
        String pgTable,
        boolean replicated,
        List<String> replicaKey,
        String notReplicatedReason,
        List<TrackedColumn> columns,
        BinlogPosition snapshot,
        Long rowsCopied,
        Long bytesCopied,
        Instant copiedAt) {

    /** pg_chameleon's "Missing primary key", said precisely. */
    public static final String NO_REPLICA_KEY = "no primary key or unique NOT NULL key";

    public ReplicatedTable {
        replicaKey = replicaKey == null ? null : List.copyOf(replicaKey);
        columns = List.copyOf(columns);
        if (replicated && replicaKey == null) {
            throw new IllegalArgumentException(mysqlName + " cannot be replicated without a replica key");
        }
        if (!replicated && notReplicatedReason == null) {
            throw new IllegalArgumentException(mysqlName + " is not replicated: say why");
        }
    }

    /**
     * A table about to be copied into {@code pgSchema} under its MySQL name: replicated by its
     * replica key, or left out of replay when it has none.
     */
    public static ReplicatedTable planned(TableDef table, String pgSchema, List<TrackedColumn> columns,
            BinlogPosition snapshot) {
        List<String> key = table.replicaKey().map(IndexDef::columnNames).orElse(null);
        return new ReplicatedTable(table.name(), pgSchema, table.name().table(), key != null, key,
                key == null ? NO_REPLICA_KEY : null, columns, snapshot, null, null, null);
    }

    /** The same table after a DDL change of its columns. */
    public ReplicatedTable withColumns(List<TrackedColumn> newColumns) {
        return new ReplicatedTable(mysqlName, pgSchema, pgTable, replicated, replicaKey, notReplicatedReason,
                newColumns, snapshot, rowsCopied, bytesCopied, copiedAt);
    }

    public boolean copied() {
        return copiedAt != null;
    }
}
