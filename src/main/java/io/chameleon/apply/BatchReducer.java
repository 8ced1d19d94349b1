package io.chameleon.apply;

import io.chameleon.binlog.RowChange;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reduces an ordered list of whole source transactions to, per table and key, the rows' final
 * state, so the applier writes each touched row once whatever the batch did to it. Where InnoDB
 * acted on children (a delete or key update of a parent with CASCADE or SET NULL children) the
 * reduction is cut into steps after those changes, so the actions run where MySQL ran them: a
 * child written before is acted on, a child written after survives. Pure: no I/O.
 */
public final class BatchReducer {
    private BatchReducer() {}

    /**
     * @param transactions in binlog order, at least one
     * @param keyPositions per table, its replica key's column positions (0-based); a table missing
     *     here or with no positions has no usable key: its changes are counted as skipped
     */
    public static ReducedBatch reduce(List<SourceTransaction> transactions, Map<TableName, int[]> keyPositions) {
        return reduce(transactions, keyPositions, ForeignKeyActions.NONE);
    }

    static ReducedBatch reduce(List<SourceTransaction> transactions, Map<TableName, int[]> keyPositions,
            ForeignKeyActions actions) {
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one transaction (it carries the position)");
        }
        List<ReducedStep> steps = new ArrayList<>();
        SortedMap<TableName, TableReduction> tables = new TreeMap<>();
        List<RowChange> actedOn = new ArrayList<>();
        Set<RowKey> updatedInRun = new HashSet<>();
        SortedMap<TableName, Long> skipped = new TreeMap<>();
        // a transaction's changes come table by table, each run sharing its TableName: looked up once a run
        TableName table = null;
        int[] key = null;
        boolean acting = false;
        TableReduction reduction = null;
        for (SourceTransaction tx : transactions) {
            for (RowChange change : tx.changes()) {
                if (change.table() != table) {
                    table = change.table();
                    key = keyPositions.get(table);
                    acting = actions.acts(table);
                    reduction = null;
                }
                if (key == null || key.length == 0) {
                    skipped.merge(change.table(), 1L, Long::sum);
                    continue;
                }
                boolean acts = acting && actions.acts(change);
                // a run of acted-on changes of one table and kind (one statement's rows) acts together,
                // unless a row changes again: its second key change acts on what the first one left
                if (!actedOn.isEmpty() && !(acts && sameRun(actedOn.get(0), change)
                        && (change.kind() != RowChange.Kind.UPDATE || !updatedInRun.contains(RowKey.of(change.before(), key))))) {
                    steps.add(new ReducedStep(tables, actedOn));
                    tables = new TreeMap<>();
                    reduction = null;
                    actedOn = new ArrayList<>();
                    updatedInRun.clear();
                }
                if (reduction == null) {
                    reduction = tables.computeIfAbsent(table, t -> new TableReduction());
                }
                add(reduction, change, key, tx.end());
                if (acts) {
                    actedOn.add(change);
                    if (change.kind() == RowChange.Kind.UPDATE) {
                        updatedInRun.add(RowKey.of(change.after(), key));
                    }
                }
            }
        }
        steps.add(new ReducedStep(tables, actedOn));
        SourceTransaction last = transactions.get(transactions.size() - 1);
        return new ReducedBatch(steps, skipped, last.end(), last.sourceTime(), transactions.size());
    }

    private static boolean sameRun(RowChange first, RowChange next) {
        return first.table().equals(next.table()) && first.kind() == next.kind();
    }

    private static void add(TableReduction table, RowChange change, int[] key, BinlogPosition at) {
        switch (change.kind()) {
            case INSERT -> table.insert(RowKey.of(require(change, change.after(), "after"), key), change.after(), at);
            case UPDATE -> table.update(RowKey.of(require(change, change.before(), "before"), key),
                    RowKey.of(require(change, change.after(), "after"), key), change.after(), at);
            case DELETE -> table.delete(RowKey.of(require(change, change.before(), "before"), key));
        }
    }

    private static byte[][] require(RowChange change, byte[][] image, String which) {
        if (image == null) {
            throw new IllegalArgumentException(change.kind() + " on " + change.table() + " without its " + which
                    + " image (the source must log full row images: binlog_row_image=FULL)");
        }
        return image;
    }
}
