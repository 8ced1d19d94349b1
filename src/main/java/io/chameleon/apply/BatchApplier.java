package io.chameleon.apply;

import io.chameleon.binlog.SourceTransaction;
import io.chameleon.catalog.AppliedBatch;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ErrorEntry;
import io.chameleon.config.SourceConfig.OnError;
import io.chameleon.failure.Failure;
import io.chameleon.schema.TableName;
import io.chameleon.types.BadValueException;
import io.chameleon.types.ConversionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies batches of whole source transactions to PostgreSQL, each batch in one PostgreSQL
 * transaction together with its applied position: after a crash the target holds either the whole
 * batch and its position or neither, so replay resumes exactly where the data ends.
 *
 * <p>A transaction larger than a batch arrives in parts, each a batch of its own. Each part is
 * reduced and applied as a batch is (applying reduced parts one after the other equals replaying
 * them), but the PostgreSQL transaction stays open from the first part to the last, and only the
 * last records the position and commits: nothing of the MySQL transaction is visible before all of
 * it is. Should the binlog go on with another transaction before the last part (a transaction that
 * never committed), or {@link #rollBackOpenTransaction()} be called (a stop), the parts are rolled
 * back; after a crash the transaction is read again from the applied position.
 *
 * <p>on_error_replay decides what a failing table does. {@code exit}: the batch rolls back whole
 * (with the earlier parts of its transaction), the failure is written to error_log after the
 * rollback and {@link ApplyException} is thrown; the applied position is untouched.
 * {@code continue}: each table's part runs under a SAVEPOINT; a failing table is rolled back to it
 * and, in the same transaction as the other tables' rows and the position, marked not replicated
 * and logged in error_log; the applier then leaves it out of every later batch and part (its
 * changes are counted as skipped). {@link Failure} decides what is a table's failure: a lost
 * PostgreSQL connection never is (the batch fails whole and is tried again after the outage), nor
 * is a failure every table would meet ({@link Failure#STOP}: the batch fails whole, whatever
 * on_error_replay says). A transient failure (a deadlock, a lock not granted within lock_timeout)
 * fails the batch whole, without an error_log entry, while the caller still retries it; on its last
 * attempt it is handled as on_error_replay says.
 *
 * <p>Not thread-safe; owns its connection's transactions (turns autocommit off).
 */
public final class BatchApplier {
    private static final Logger LOG = LoggerFactory.getLogger(BatchApplier.class);

    private final Connection connection;
    private final Catalog catalog;
    private final int sourceId;
    private final OnError onErrorReplay;
    private final Map<TableName, ApplyTarget> targets;
    private final Map<TableName, int[]> keyPositions;
    private final BooleanSupplier retryTransient;
    private ForeignKeyActions foreignKeyActions;
    /** Holds the connection's staging tables from batch to batch. */
    private final TableApplier tables;
    /** The PostgreSQL transaction a part left open for the rest of its MySQL transaction; null when none is. */
    private OpenTransaction open;

    /** With on_error_replay exit: any failure rolls back the whole batch. */
    public BatchApplier(Connection connection, int sourceId, Map<TableName, ApplyTarget> targets) throws SQLException {
        this(connection, sourceId, targets, OnError.EXIT);
    }

    /** Transient failures are handled as on_error_replay says, at once. */
    public BatchApplier(Connection connection, int sourceId, Map<TableName, ApplyTarget> targets, OnError onErrorReplay)
            throws SQLException {
        this(connection, sourceId, targets, onErrorReplay, () -> false);
    }

    /**
     * @param targets the replicated tables of the source; changes of other tables are skipped and counted
     * @param retryTransient whether a transient failure is to be tried again now (it fails the batch
     *     whole), rather than handled as on_error_replay says
     */
    public BatchApplier(Connection connection, int sourceId, Map<TableName, ApplyTarget> targets, OnError onErrorReplay,
            BooleanSupplier retryTransient) throws SQLException {
        this.connection = connection;
        this.retryTransient = retryTransient;
        this.catalog = Catalog.open(connection);
        this.sourceId = sourceId;
        this.onErrorReplay = onErrorReplay;
        this.targets = new HashMap<>(targets);
        this.keyPositions = targets.values().stream()
                .collect(Collectors.toMap(ApplyTarget::mysqlName, ApplyTarget::keyPositions, (a, b) -> a, HashMap::new));
        this.foreignKeyActions = ForeignKeyActions.of(this.targets.values());
        this.tables = new TableApplier(connection);
        connection.setAutoCommit(false);
    }

    public static Map<TableName, ApplyTarget> byName(List<ApplyTarget> targets) {
        return targets.stream().collect(Collectors.toMap(ApplyTarget::mysqlName, Function.identity()));
    }

    /**
     * The tables to apply from now on, after a schema change: their columns, converters and keys
     * may differ from the ones before, tables may come and go.
     */
    public void retarget(Map<TableName, ApplyTarget> newTargets) {
        targets.clear();
        targets.putAll(newTargets);
        keyPositions.clear();
        newTargets.values().forEach(t -> keyPositions.put(t.mysqlName(), t.keyPositions()));
        foreignKeyActions = ForeignKeyActions.of(targets.values());
        tables.retargeted();
    }

    /** The tables still applied (those disabled by on_error_replay continue are gone). */
    public Set<TableName> applied() {
        return Set.copyOf(targets.keySet());
    }

    /**
     * Reduces the transactions and applies them; when the last one is a whole transaction or the
     * last part of one, records the position after it and commits, atomically.
     *
     * @param transactions whole transactions, or one part of a transaction larger than a batch
     * @throws IllegalArgumentException for a part together with other transactions
     * @throws IllegalStateException for a part that does not follow the last one applied
     */
    public ApplyResult apply(List<SourceTransaction> transactions) throws ApplyException {
        ReducedBatch batch = BatchReducer.reduce(transactions, keyPositions, foreignKeyActions);
        OpenTransaction held = continueOrBegin(transactions);
        SourceTransaction last = transactions.get(transactions.size() - 1);
        AdjustedValues adjustments = new AdjustedValues();
        // the actions match and set parent keys, values already counted as the parent's rows
        ReferentialCascade cascade = new ReferentialCascade(connection, new ConversionReport());
        SortedMap<TableName, String> disabled = new TreeMap<>();
        SortedMap<TableName, Long> skipped = new TreeMap<>(batch.skippedRowChanges());
        long deleted = 0;
        long updated = 0;
        long inserted = 0;
        long rowChanges = 0;
        TableName current = null;
        boolean cascading = false;
        try {
            for (ReducedStep step : batch.steps()) {
                for (Map.Entry<TableName, TableReduction> e : step.tables().entrySet()) {
                    current = e.getKey();
                    ApplyTarget target = targets.get(current);
                    if (target == null || held.disabled(current)) { // reduced before its table was disabled, or disabled by an earlier part
                        skipped.merge(current, e.getValue().rowChanges(), Long::sum);
                        continue;
                    }
                    Savepoint savepoint = onErrorReplay == OnError.CONTINUE ? connection.setSavepoint() : null;
                    try {
                        // counted apart, so a table rolled back to its savepoint leaves no count behind
                        AdjustedValues tableAdjusted = new AdjustedValues();
                        TableApplier.Counts counts = tables.apply(target, e.getValue(), tableAdjusted);
                        adjustments.add(tableAdjusted);
                        deleted += counts.deleted();
                        updated += counts.updated();
                        inserted += counts.inserted();
                        rowChanges += e.getValue().rowChanges();
                        if (savepoint != null) {
                            connection.releaseSavepoint(savepoint);
                        }
                    } catch (SQLException | BadValueException | RuntimeException failure) {
                        if (savepoint == null || !Failure.blamesTable(failure, retryTransient.getAsBoolean())) {
                            throw failure;
                        }
                        connection.rollback(savepoint);
                        tables.rolledBack();
                        disable(current, failure, tables.lastStatement(), batch, held, disabled);
                        skipped.merge(current, e.getValue().rowChanges(), Long::sum);
                    }
                }
                current = null;
                if (!step.actedOn().isEmpty()) {
                    current = step.actedOn().get(0).table();
                    cascading = true;
                    referentialActions(cascade, step, batch, held, disabled);
                    cascading = false;
                    current = null;
                }
            }
            current = null;
            held.applied(last, rowChanges, skipped.values().stream().mapToLong(Long::longValue).sum(), adjustments);
            if (last.last()) {
                catalog.positions().recordApplied(sourceId, new AppliedBatch(batch.end(), batch.sourceTime(),
                        batch.transactions(), held.rowChanges(), held.skippedRowChanges(), 0),
                        held.adjusted().entries());
                connection.commit();
                tables.committed();
            }
        } catch (SQLException | BadValueException | RuntimeException e) {
            open = null;
            rollback(e);
            String sql = cascading ? cascade.lastStatement() : current == null ? null : tables.lastStatement();
            String what = current == null ? "recording its position"
                    : cascading ? "the foreign key actions of " + current + "'s changes" : "table " + current;
            ApplyException failure = new ApplyException("source id " + sourceId + ": the batch ending at " + batch.end()
                    + " was not applied, " + what + " failed: " + e.getMessage()
                    + " (rolled back: neither its rows nor its position were written"
                    + (last.part() > 1 ? ", nor the earlier parts of its transaction" : "") + ")", e);
            if (!Failure.retriedLater(e, retryTransient.getAsBoolean())) {
                catalog.errors().logAlone(sourceId, new ErrorEntry(null, current, sql, describe(e), batch.end()), failure);
            }
            throw failure;
        }
        if (!last.last()) {
            open = held;
            return new ApplyResult(rowChanges, deleted, updated, inserted, skipped, new AdjustedValues(), null, disabled);
        }
        open = null;
        if (held.parts() > 1) {
            LOG.info("source id {}: a transaction of {} row changes was applied in {}", sourceId, held.rowChanges(), held);
        }
        for (TableName t : held.disabledTables().keySet()) {
            targets.remove(t);
            keyPositions.remove(t);
        }
        return new ApplyResult(rowChanges, deleted, updated, inserted, skipped, held.adjusted(), batch.end(), disabled);
    }

    /**
     * The referential actions of a step's acted-on parent changes, after the step's rows. Under
     * on_error_replay continue a child table whose action fails is disabled like any failing table
     * and the actions run again without it (they ran under one savepoint, rolled back whole).
     */
    private void referentialActions(ReferentialCascade cascade, ReducedStep step, ReducedBatch batch,
            OpenTransaction held, SortedMap<TableName, String> disabled) throws SQLException, BadValueException {
        while (true) {
            Savepoint savepoint = onErrorReplay == OnError.CONTINUE ? connection.setSavepoint() : null;
            try {
                ReferentialCascade.Counts counts = cascade.run(step.actedOn(), foreignKeyActions,
                        t -> held.disabled(t) ? null : targets.get(t));
                if (counts.deleted() + counts.updated() > 0) {
                    LOG.debug("source id {}: foreign keys of {} deleted {} and updated {} child rows", sourceId,
                            step.actedOn().get(0).table(), counts.deleted(), counts.updated());
                }
                if (savepoint != null) {
                    connection.releaseSavepoint(savepoint);
                }
                return;
            } catch (SQLException | BadValueException | RuntimeException failure) {
                TableName child = cascade.failedChild();
                if (savepoint == null || child == null || !Failure.blamesTable(failure, retryTransient.getAsBoolean())) {
                    throw failure;
                }
                connection.rollback(savepoint);
                tables.rolledBack();
                disable(child, failure, cascade.lastStatement(), batch, held, disabled);
            }
        }
    }

    private void disable(TableName table, Exception failure, String statement, ReducedBatch batch, OpenTransaction held,
            SortedMap<TableName, String> disabled) throws SQLException {
        String message = describe(failure);
        catalog.tables().disable(sourceId, table, "on_error_replay continue: applying the batch ending at "
                + batch.end() + " failed: " + firstLine(message) + " (details: show_errors)");
        catalog.errors().log(sourceId, new ErrorEntry(null, table, statement, message, batch.end()));
        disabled.put(table, message);
        held.disable(table, message);
    }

    /**
     * Rolls back the PostgreSQL transaction left open for the remaining parts of a transaction
     * larger than a batch, if there is one: the stop of a replica before the last part arrived.
     * Nothing of it was committed; it is read again from the applied position.
     */
    public void rollBackOpenTransaction() throws SQLException {
        if (open != null) {
            LOG.info("source id {}: rolling back {} of a transaction whose last part has not arrived; nothing of it"
                    + " was committed and it is read again from the applied position", sourceId, open);
            open = null;
            tables.rolledBack();
            connection.rollback();
        }
    }

    /**
     * The open transaction {@code transactions} carry on, or a new one. A first part while a
     * transaction is open means the binlog went on without committing the open one (or the reader
     * started over from the applied position): the open one is rolled back, as MySQL did.
     */
    private OpenTransaction continueOrBegin(List<SourceTransaction> transactions) throws ApplyException {
        SourceTransaction first = transactions.get(0);
        if (transactions.size() > 1 && !transactions.stream().allMatch(SourceTransaction::whole)) {
            throw new IllegalArgumentException("part " + first.part() + " of a transaction larger than a batch must be"
                    + " applied alone, not with " + (transactions.size() - 1) + " other transactions");
        }
        if (open != null && open.continuedBy(first)) {
            return open;
        }
        if (first.part() != 1) {
            throw new IllegalStateException("source id " + sourceId + ": part " + first.part() + " of the transaction"
                    + " at " + first.end() + " does not follow " + (open == null ? "any part applied" : open)
                    + ": parts were lost between the reader and the applier");
        }
        if (open != null) {
            LOG.warn("source id {}: rolling back {} of a transaction that got no further: the binlog went on without"
                    + " its commit, or reading started over from the applied position", sourceId, open);
            open = null;
            tables.rolledBack();
            try {
                connection.rollback();
            } catch (SQLException e) {
                throw new ApplyException("source id " + sourceId + ": cannot roll back the parts of a transaction"
                        + " without commit: " + e.getMessage(), e);
            }
        }
        return new OpenTransaction();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }


    private void rollback(Exception cause) {
        tables.rolledBack();
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
