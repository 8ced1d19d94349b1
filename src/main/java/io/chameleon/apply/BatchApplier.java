package io.chameleon.apply;

import io.chameleon.binlog.SourceTransaction;
import io.chameleon.catalog.AppliedBatch;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ErrorEntry;
import io.chameleon.config.SourceConfig.OnError;
import io.chameleon.schema.TableName;
import io.chameleon.types.BadValueException;
import io.chameleon.types.ConversionReport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies batches of whole source transactions to PostgreSQL, each batch in one PostgreSQL
 * transaction together with its applied position: after a crash the target holds either the whole
 * batch and its position or neither, so replay resumes exactly where the data ends.
 *
 * <p>on_error_replay decides what a failing table does. {@code exit}: the batch rolls back whole,
 * the failure is written to error_log after the rollback and {@link ApplyException} is thrown; the
 * applied position is untouched. {@code continue}: each table's part runs under a SAVEPOINT; a
 * failing table is rolled back to it and, in the same transaction as the other tables' rows and
 * the position, marked not replicated and logged in error_log; the applier then leaves it out of
 * every later batch (its changes are counted as skipped).
 *
 * <p>Not thread-safe; owns its connection's transactions (turns autocommit off).
 */
public final class BatchApplier {
    private final Connection connection;
    private final Catalog catalog;
    private final int sourceId;
    private final OnError onErrorReplay;
    private final Map<TableName, ApplyTarget> targets;
    private final Map<TableName, int[]> keyPositions;

    /** With on_error_replay exit: any failure rolls back the whole batch. */
    public BatchApplier(Connection connection, int sourceId, Map<TableName, ApplyTarget> targets) throws SQLException {
        this(connection, sourceId, targets, OnError.EXIT);
    }

    /** @param targets the replicated tables of the source; changes of other tables are skipped and counted */
    public BatchApplier(Connection connection, int sourceId, Map<TableName, ApplyTarget> targets, OnError onErrorReplay)
            throws SQLException {
        this.connection = connection;
        this.catalog = Catalog.open(connection);
        this.sourceId = sourceId;
        this.onErrorReplay = onErrorReplay;
        this.targets = new HashMap<>(targets);
        this.keyPositions = targets.values().stream()
                .collect(Collectors.toMap(ApplyTarget::mysqlName, ApplyTarget::keyPositions, (a, b) -> a, HashMap::new));
        connection.setAutoCommit(false);
    }

    public static Map<TableName, ApplyTarget> byName(List<ApplyTarget> targets) {
        return targets.stream().collect(Collectors.toMap(ApplyTarget::mysqlName, Function.identity()));
    }

    /** The tables still applied (those disabled by on_error_replay continue are gone). */
    public Set<TableName> applied() {
        return Set.copyOf(targets.keySet());
    }

    /** Reduces the transactions and applies them with the position after the last one, atomically. */
    public ApplyResult apply(List<SourceTransaction> transactions) throws ApplyException {
        return apply(BatchReducer.reduce(transactions, keyPositions));
    }

    public ApplyResult apply(ReducedBatch batch) throws ApplyException {
        ConversionReport adjustments = new ConversionReport();
        TableApplier tables = new TableApplier(connection, adjustments);
        SortedMap<TableName, String> disabled = new TreeMap<>();
        SortedMap<TableName, Long> skipped = new TreeMap<>(batch.skippedRowChanges());
        long deleted = 0;
        long inserted = 0;
        long rowChanges = 0;
        TableName current = null;
        try {
            for (Map.Entry<TableName, TableReduction> e : batch.tables().entrySet()) {
                current = e.getKey();
                ApplyTarget target = targets.get(current);
                if (target == null) { // reduced before its table was disabled
                    skipped.merge(current, e.getValue().rowChanges(), Long::sum);
                    continue;
                }
                Savepoint savepoint = onErrorReplay == OnError.CONTINUE ? connection.setSavepoint() : null;
                try {
                    TableApplier.Counts counts = tables.apply(target, e.getValue());
                    deleted += counts.deleted();
                    inserted += counts.inserted();
                    rowChanges += e.getValue().rowChanges();
                    if (savepoint != null) {
                        connection.releaseSavepoint(savepoint);
                    }
                } catch (SQLException | BadValueException | RuntimeException failure) {
                    if (savepoint == null) {
                        throw failure;
                    }
                    connection.rollback(savepoint);
                    String message = describe(failure);
                    catalog.tables().disable(sourceId, current, "on_error_replay continue: applying the batch ending at "
                            + batch.end() + " failed: " + firstLine(message) + " (details: show_errors)");
                    catalog.errors().log(sourceId, new ErrorEntry(null, current, tables.lastStatement(), message, batch.end()));
                    disabled.put(current, message);
                    skipped.merge(current, e.getValue().rowChanges(), Long::sum);
                }
            }
            current = null;
            catalog.positions().recordApplied(sourceId, new AppliedBatch(batch.end(), batch.sourceTime(),
                    batch.transactions(), rowChanges, skipped.values().stream().mapToLong(Long::longValue).sum(), 0));
            connection.commit();
        } catch (SQLException | BadValueException | RuntimeException e) {
            rollback(e);
            String sql = current == null ? null : tables.lastStatement();
            ApplyException failure = new ApplyException("source id " + sourceId + ": the batch ending at " + batch.end()
                    + " was not applied, " + (current == null ? "recording its position" : "table " + current)
                    + " failed: " + e.getMessage() + " (rolled back: neither its rows nor its position were written)", e);
            logAfterRollback(new ErrorEntry(null, current, sql, describe(e), batch.end()), failure);
            throw failure;
        }
        for (TableName t : disabled.keySet()) {
            targets.remove(t);
            keyPositions.remove(t);
        }
        return new ApplyResult(rowChanges, deleted, inserted, skipped, adjustments, batch.end(), disabled);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The batch is rolled back: the entry goes in a transaction of its own. */
    private void logAfterRollback(ErrorEntry entry, Exception failure) {
        try {
            catalog.errors().log(sourceId, entry);
            connection.commit();
        } catch (SQLException e) {
            failure.addSuppressed(e);
            rollback(failure);
        }
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
