package io.chameleon.replica;

import io.chameleon.alert.Alert;
import io.chameleon.alert.Alerts;
import io.chameleon.apply.ApplyException;
import io.chameleon.apply.ApplyTarget;
import io.chameleon.apply.BatchApplier;
import io.chameleon.catalog.AppliedBatch;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ErrorEntry;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.config.SourceConfig.OnError;
import io.chameleon.ddl.DdlOutcome;
import io.chameleon.ddl.TableChange;
import io.chameleon.ddl.TrackedTable;
import io.chameleon.ddl.TrackedTableJson;
import io.chameleon.failure.Failure;
import io.chameleon.pg.ConnectionLoss;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Applies a {@link SchemaChange} between transactions, on the applier's connection: its PostgreSQL
 * statements, the tracked definitions and replication state of its tables in the catalogue, and
 * the position after it, in one PostgreSQL transaction; then the applier's targets change. A
 * statement inside a MySQL transaction (MariaDB's CREATE TABLE ... SELECT) has no position of its
 * own: it is left uncommitted and commits with the transaction whose rows follow it.
 *
 * <p>A statement PostgreSQL refuses follows on_error_replay: {@code continue} rolls it back, keeps
 * the new definitions and disables its tables, with error_log naming both statements, the message
 * and the position; {@code exit} rolls back everything (the position too), logs the same and throws.
 * A transient failure (a lock not granted within lock_timeout, a deadlock) disables nothing while it
 * is still retried: everything rolls back and it is thrown, to be read and tried again.
 */
final class SchemaChangeApplier {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaChangeApplier.class);

    private final Connection connection;
    private final Catalog catalog;
    private final int sourceId;
    private final OnError onErrorReplay;
    private final TrackedTargets build;
    private final BatchApplier applier;
    private final BooleanSupplier retryTransient;

    /** @param retryTransient whether a transient failure is to be tried again now, as {@link BatchApplier}'s */
    SchemaChangeApplier(Connection connection, int sourceId, OnError onErrorReplay, TrackedTargets build,
            BatchApplier applier, BooleanSupplier retryTransient) throws SQLException {
        this.connection = connection;
        this.catalog = Catalog.open(connection);
        this.sourceId = sourceId;
        this.onErrorReplay = onErrorReplay;
        this.build = build;
        this.applier = applier;
        this.retryTransient = retryTransient;
    }

    /** @throws ApplyException when PostgreSQL refuses it under on_error_replay exit, or the catalogue write fails */
    void apply(SchemaChange change) throws ApplyException, SQLException {
        boolean standalone = change.statement().end() != null;
        if (standalone) {
            applier.rollBackOpenTransaction(); // parts of a transaction the binlog left without commit
        }
        DdlOutcome o = change.outcome();
        Map<TableName, ReplicatedTable> out = outOfReplay(o);
        String failed = null;
        try {
            // a table already out of replay cannot stop the replica, whatever on_error_replay says
            boolean contained = onErrorReplay == OnError.CONTINUE || !out.isEmpty() && out.keySet().containsAll(tables(o));
            Savepoint savepoint = contained ? connection.setSavepoint() : null;
            try (Statement s = connection.createStatement()) {
                for (String sql : o.statements()) {
                    failed = sql;
                    s.execute(sql);
                }
                failed = null;
            } catch (SQLException e) {
                if (savepoint == null || !Failure.blamesTable(e, retryTransient.getAsBoolean())) {
                    throw e;
                }
                connection.rollback(savepoint);
                persist(o);
                disable(change, failed, e.getMessage(), out);
                finish(change, standalone);
                return;
            }
            persist(o);
            if (change.error() != null) {
                for (TableName t : tables(o)) {
                    catalog.errors().log(sourceId, new ErrorEntry(null, t, null, change.error(), change.statement().at()));
                }
            }
            finish(change, standalone);
            o.warnings().forEach(w -> LOG.warn("source id {}: {}", sourceId, w));
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            if (ConnectionLoss.in(e).isPresent()) {
                throw e; // an outage: the change is read again from the applied position
            }
            ApplyException failure = new ApplyException("source id " + sourceId + ": " + change.describe()
                    + " was not applied: " + e.getMessage() + " (rolled back: the applied position is still before it)",
                    e);
            if (!Failure.retriedLater(e, retryTransient.getAsBoolean())) {
                catalog.errors().logAlone(sourceId, new ErrorEntry(null, first(o), sqlText(change, failed),
                        e.getMessage(), change.statement().at()), failure);
            }
            throw failure;
        }
    }

    private void finish(SchemaChange change, boolean standalone) throws SQLException {
        if (standalone) {
            catalog.positions().recordApplied(sourceId, new AppliedBatch(change.statement().end(),
                    change.statement().sourceTime(), 0, 0, 0, change.outcome().statements().isEmpty() ? 0 : 1));
            connection.commit();
        }
        Set<TableName> replicated = new java.util.HashSet<>();
        catalog.tables().list(sourceId).stream().filter(ReplicatedTable::replicated)
                .forEach(r -> replicated.add(r.mysqlName()));
        Map<TableName, ApplyTarget> targets = new HashMap<>(change.targets());
        targets.keySet().retainAll(replicated);
        applier.retarget(targets);
        LOG.debug("source id {}: applied {}", sourceId, change.describe());
    }

    /**
     * on_error_replay continue, or a statement only on tables already out of replay: the statement's
     * tables leave replay (one disabled before keeps its first reason); error_log has both
     * statements, also for a table the statement drops, whose PostgreSQL table stays as it was.
     */
    private void disable(SchemaChange change, String pgSql, String message, Map<TableName, ReplicatedTable> out)
            throws SQLException {
        for (TableName t : tables(change.outcome())) {
            String why = out.containsKey(t) ? "already out of replay (" + out.get(t).notReplicatedReason() + ")"
                    : "on_error_replay continue";
            boolean disabledBefore = out.containsKey(t) && !TrackedState.keyMatters(out.get(t));
            if (change.outcome().tables().get(t).isPresent() && !disabledBefore) {
                catalog.tables().disable(sourceId, t, why + ": PostgreSQL refused the DDL at "
                        + change.statement().at() + ": " + firstLine(message) + " (details: show_errors)");
            }
            catalog.errors().log(sourceId, new ErrorEntry(null, t, sqlText(change, pgSql), message,
                    change.statement().at()));
            LOG.warn("source id {}: table {} is not replicated ({}): PostgreSQL refused {} of {}: {}; see show_errors",
                    sourceId, t, why, pgSql, change.describe(), message);
            String name = build.source().name();
            Alerts.send(Alert.error(name, "source " + name + ": table " + t + " left out of replay at "
                    + change.statement().at(), message));
        }
    }

    /**
     * The statement's tables that were not replicated before it and are not after it (disabled, or
     * without a key), with their catalogue rows before it: their PostgreSQL tables no longer follow
     * MySQL's rows.
     */
    private Map<TableName, ReplicatedTable> outOfReplay(DdlOutcome o) throws SQLException {
        Map<TableName, ReplicatedTable> rows = new HashMap<>();
        catalog.tables().list(sourceId).forEach(r -> rows.put(r.mysqlName(), r));
        Map<TableName, ReplicatedTable> out = new HashMap<>();
        for (TableChange c : o.changes()) {
            // a renamed table is in the catalogue under its name before the statement
            ReplicatedTable before = rows.get(c.kind() == TableChange.Kind.RENAMED ? c.previous() : c.table());
            if (before != null && !before.replicated() && !o.startsReplicating().contains(c.table())) {
                out.put(c.table(), before);
            }
        }
        return out;
    }

    /** The tracked definitions and replication state of the tables the statement changed. */
    private void persist(DdlOutcome o) throws SQLException {
        Map<TableName, ReplicatedTable> rows = new HashMap<>();
        catalog.tables().list(sourceId).forEach(r -> rows.put(r.mysqlName(), r));
        for (TableChange c : o.changes()) {
            if (c.kind() == TableChange.Kind.RENAMED && rows.containsKey(c.previous())) {
                rows.put(c.table(), rows.remove(c.previous()));
                catalog.tables().remove(sourceId, c.previous());
            } else if (c.kind() == TableChange.Kind.CREATED) {
                rows.remove(c.table()); // a new table: no copy, no snapshot, replicated by its key
            }
        }
        for (TableName t : tables(o)) {
            TrackedTable tracked = o.tables().get(t).orElse(null);
            ReplicatedTable before = rows.get(t);
            if (tracked != null) {
                catalog.tables().upsert(sourceId, List.of(row(t, tracked, before)));
                catalog.tables().saveDefinition(sourceId, t, TrackedTableJson.write(tracked));
            } else if (before != null && stopped(o, t) != null) {
                catalog.tables().disable(sourceId, t, stopped(o, t));
                catalog.tables().saveDefinition(sourceId, t, null);
            } else if (before != null) {
                catalog.tables().remove(sourceId, t);
            }
        }
        // a renamed table or column is renamed in the foreign keys of its children too
        Set<TableName> changed = tables(o);
        for (TrackedTable child : o.tables().tables().values()) {
            TableName t = child.definition().name();
            if (!changed.contains(t) && rows.containsKey(t)
                    && child.definition().foreignKeys().stream().anyMatch(k -> changed.contains(k.referenced()))) {
                catalog.tables().saveDefinition(sourceId, t, TrackedTableJson.write(child));
            }
        }
        catalog.tables().saveSchemaCharsets(sourceId, o.tables().schemaCharsets());
    }

    /** A table keeps a disablement of its own (on_error_replay); otherwise its key decides. */
    private ReplicatedTable row(TableName t, TrackedTable tracked, ReplicatedTable before) {
        List<String> key = tracked.definition().replicaKey().map(IndexDef::columnNames).orElse(null);
        boolean keepsOut = before != null && !TrackedState.keyMatters(before);
        boolean replicated = key != null && !keepsOut;
        String reason = replicated ? null : keepsOut ? before.notReplicatedReason() : ReplicatedTable.NO_REPLICA_KEY;
        List<TrackedColumn> columns = build.reader(tracked, null).columns();
        return new ReplicatedTable(t, build.source().targetSchema(t.schema()), t.table(), replicated, key, reason,
                columns, before == null ? null : before.snapshot(), before == null ? null : before.rowsCopied(),
                before == null ? null : before.bytesCopied(), before == null ? null : before.copiedAt());
    }

    /** Why a table that stays in PostgreSQL stopped being tracked, or null. */
    private static String stopped(DdlOutcome o, TableName t) {
        return o.changes().stream().filter(c -> c.table().equals(t) && c.kind() == TableChange.Kind.STOPS_REPLICATING
                && c.reason() != null && o.tables().get(t).isEmpty()).map(TableChange::reason).findFirst().orElse(null);
    }

    private static Set<TableName> tables(DdlOutcome o) {
        Set<TableName> tables = new LinkedHashSet<>();
        o.changes().forEach(c -> tables.add(c.table()));
        return tables;
    }

    private static TableName first(DdlOutcome o) {
        return o.changes().isEmpty() ? null : o.changes().get(0).table();
    }

    private static String sqlText(SchemaChange change, String pgSql) {
        return "MySQL: " + change.statement().sql() + (pgSql == null ? "" : "\nPostgreSQL: " + pgSql);
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }


    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
