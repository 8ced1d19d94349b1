package io.chameleon.apply;

import io.chameleon.binlog.SourceTransaction;
import io.chameleon.catalog.Catalog;
import io.chameleon.schema.TableName;
import io.chameleon.types.BadValueException;
import io.chameleon.types.ConversionReport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies batches of whole source transactions to PostgreSQL, each batch in one PostgreSQL
 * transaction together with its applied position: after a crash the target holds either the whole
 * batch and its position or neither, so replay resumes exactly where the data ends.
 *
 * <p>Not thread-safe; owns its connection's transactions (turns autocommit off).
 */
public final class BatchApplier {
    private final Connection connection;
    private final Catalog catalog;
    private final int sourceId;
    private final Map<TableName, ApplyTarget> targets;
    private final Map<TableName, int[]> keyPositions;

    /** @param targets the replicated tables of the source; changes of other tables are skipped and counted */
    public BatchApplier(Connection connection, int sourceId, Map<TableName, ApplyTarget> targets) throws SQLException {
        this.connection = connection;
        this.catalog = Catalog.open(connection);
        this.sourceId = sourceId;
        this.targets = Map.copyOf(targets);
        this.keyPositions = targets.values().stream()
                .collect(Collectors.toUnmodifiableMap(ApplyTarget::mysqlName, ApplyTarget::keyPositions));
        connection.setAutoCommit(false);
    }

    public static Map<TableName, ApplyTarget> byName(List<ApplyTarget> targets) {
        return targets.stream().collect(Collectors.toMap(ApplyTarget::mysqlName, Function.identity()));
    }

    /** Reduces the transactions and applies them with the position after the last one, atomically. */
    public ApplyResult apply(List<SourceTransaction> transactions) throws ApplyException {
        return apply(BatchReducer.reduce(transactions, keyPositions));
    }

    public ApplyResult apply(ReducedBatch batch) throws ApplyException {
        ConversionReport adjustments = new ConversionReport();
        TableApplier tables = new TableApplier(connection, adjustments);
        long deleted = 0;
        long inserted = 0;
        TableName current = null;
        try {
            for (Map.Entry<TableName, TableReduction> e : batch.tables().entrySet()) {
                current = e.getKey();
                TableApplier.Counts counts = tables.apply(targets.get(current), e.getValue());
                deleted += counts.deleted();
                inserted += counts.inserted();
            }
            current = null;
            catalog.positions().recordApplied(sourceId, batch.end(), batch.sourceTime(), batch.appliedRowChanges(), 0);
            connection.commit();
        } catch (SQLException | BadValueException | RuntimeException e) {
            rollback(e);
            throw new ApplyException("source id " + sourceId + ": the batch ending at " + batch.end()
                    + " was not applied, " + (current == null ? "recording its position" : "table " + current)
                    + " failed: " + e.getMessage() + " (rolled back: neither its rows nor its position were written)", e);
        }
        return new ApplyResult(batch.appliedRowChanges(), deleted, inserted, batch.skippedRowChanges(), adjustments,
                batch.end());
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
