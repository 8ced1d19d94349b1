package io.chameleon.replica;

import io.chameleon.alert.Alert;
import io.chameleon.alert.Alerts;
import io.chameleon.apply.ApplyTarget;
import io.chameleon.binlog.ReaderTable;
import io.chameleon.binlog.SchemaFollower;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.config.SourceConfig.OnError;
import io.chameleon.ddl.DdlOutcome;
import io.chameleon.ddl.DdlTranslator;
import io.chameleon.ddl.TableChange;
import io.chameleon.ddl.TrackedTable;
import io.chameleon.ddl.TrackedTables;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows DDL on the reader's thread: translates each statement against the tables tracked at
 * that point of the binlog, hands the result to the applier through the queue, in order with the
 * transactions, and gives the reader the tables the next rows decode with. A statement skipped
 * is logged with its reason; one on its own still moves the applied position past it. A table
 * whose copy was taken after the statement already has it: the statement is skipped for it, as
 * its row events are. Never stops the reader, but for a row it cannot decode under on_error_replay exit.
 */
final class DdlFollower implements SchemaFollower {
    private static final Logger LOG = LoggerFactory.getLogger(DdlFollower.class);

    private final String sourceName;
    private final DdlTranslator translator;
    private final TrackedTargets build;
    private final TransactionQueue queue;
    private TrackedTables tracked;
    private final Map<TableName, BinlogPosition> snapshots;
    private final Set<TableName> disabled;
    private final OnError onErrorReplay;

    DdlFollower(String sourceName, DdlTranslator translator, TrackedTargets build, TrackedState state,
            TransactionQueue queue, OnError onErrorReplay) {
        this.sourceName = sourceName;
        this.onErrorReplay = onErrorReplay;
        this.translator = translator;
        this.build = build;
        this.queue = queue;
        this.tracked = state.tables();
        this.snapshots = new HashMap<>(state.snapshots());
        this.disabled = new HashSet<>(state.disabled());
    }

    @Override
    public Map<TableName, ReaderTable> statement(Statement statement) throws InterruptedException {
        DdlOutcome o = translator.translate(statement.sql(), statement.database(), tracked, statement.session());
        if (o.skipped() && o.changes().isEmpty()) {
            boolean ours = statement.database() == null || build.source().targetSchema(statement.database()) != null;
            String line = "source " + sourceName + ": statement at " + statement.at() + " skipped ("
                    + o.skipReason() + "): " + statement.sql();
            if (ours) {
                LOG.info(line);
            } else {
                LOG.debug(line);
            }
            moveOn(statement);
            return null;
        }
        List<TableName> copiedLater = affected(o).stream().filter(t -> copyContains(t, statement)).toList();
        if (!copiedLater.isEmpty()) {
            LOG.info("source {}: statement at {} skipped: the copy of {} was taken after it and has it already: {}",
                    sourceName, statement.at(), copiedLater, statement.sql());
            List<TableName> others = affected(o).stream().filter(t -> !copiedLater.contains(t)).toList();
            if (!others.isEmpty()) {
                // one statement on several tables (DROP TABLE a, b; RENAME TABLE a TO b, c TO d) is followed whole or not at all
                LOG.warn("source {}: the statement at {} also changed {}, whose copies are older: those changes are not"
                        + " followed; run sync_tables for them: {}", sourceName, statement.at(), others, statement.sql());
            }
            moveOn(statement);
            return null;
        }
        follow(o);
        queue.acceptSchemaChange(new SchemaChange(statement, o, targets(), null));
        return readerTables();
    }

    @Override
    public Map<TableName, ReaderTable> mismatch(TableName table, String difference, Statement where)
            throws InterruptedException {
        return stopReplicating(table, "table " + table + " stops replicating: its table map at " + where.at()
                + " does not match the definition the replica tracks: " + difference + "; a statement the replica could"
                + " not follow changed it: run sync_tables for it (or init_replica)", where);
    }

    /** Under on_error_replay continue the table leaves replay, as for a mismatch; under exit the replica stops. */
    @Override
    public Map<TableName, ReaderTable> undecodable(TableName table, String reason, Statement where)
            throws InterruptedException {
        if (onErrorReplay != OnError.CONTINUE) {
            return null;
        }
        return stopReplicating(table, "table " + table + " stops replicating (on_error_replay continue): " + reason
                + "; once the cause is fixed, run sync_tables for it", where);
    }

    /** The table leaves the followed set, through the queue in binlog order, with {@code reason} in error_log. */
    private Map<TableName, ReaderTable> stopReplicating(TableName table, String reason, Statement where)
            throws InterruptedException {
        LOG.warn("source {}: {}", sourceName, reason);
        Alerts.send(Alert.error(sourceName, "source " + sourceName + ": table " + table + " left out of replay", reason));
        Map<TableName, TrackedTable> rest = new HashMap<>(tracked.tables());
        rest.remove(table);
        DdlOutcome o = new DdlOutcome(List.of(), new TrackedTables(rest, tracked.schemaCharsets()),
                List.of(new TableChange(TableChange.Kind.STOPS_REPLICATING, table, null, reason)), List.of(), null);
        follow(o);
        queue.acceptSchemaChange(new SchemaChange(where, o, targets(), reason));
        return readerTables();
    }

    /** A statement on its own that changed nothing still moves the applied position past it. */
    private void moveOn(Statement statement) throws InterruptedException {
        if (statement.end() != null) {
            queue.accept(new SourceTransaction(List.of(), statement.end(), statement.sourceTime()));
        }
    }

    private static Set<TableName> affected(DdlOutcome o) {
        Set<TableName> tables = new HashSet<>();
        for (TableChange c : o.changes()) {
            tables.add(c.table());
            if (c.previous() != null) {
                tables.add(c.previous());
            }
        }
        return tables;
    }

    private boolean copyContains(TableName table, Statement statement) {
        BinlogPosition snapshot = snapshots.get(table);
        if (snapshot == null) {
            return false;
        }
        return statement.end() != null ? snapshot.includes(statement.end()) : snapshot.includesTransactionAt(statement.at());
    }

    /** The tracked tables after {@code o}; snapshots and disabled tables follow renames, and go with drops. */
    private void follow(DdlOutcome o) {
        for (TableChange c : o.changes()) {
            switch (c.kind()) {
                case RENAMED -> {
                    BinlogPosition snapshot = snapshots.remove(c.previous());
                    if (snapshot != null) {
                        snapshots.put(c.table(), snapshot);
                    }
                    if (disabled.remove(c.previous())) {
                        disabled.add(c.table());
                    }
                }
                case CREATED, DROPPED -> {
                    snapshots.remove(c.table());
                    disabled.remove(c.table());
                }
                default -> { }
            }
        }
        tracked = o.tables();
    }

    private Map<TableName, ReaderTable> readerTables() {
        Map<TableName, ReaderTable> reader = new HashMap<>();
        tracked.tables().forEach((name, t) -> {
            if (t.replicated() && !disabled.contains(name)) {
                reader.put(name, build.reader(t, snapshots.get(name)));
            }
        });
        return reader;
    }

    private Map<TableName, ApplyTarget> targets() {
        Map<TableName, ApplyTarget> targets = new HashMap<>();
        tracked.tables().forEach((name, t) -> {
            if (t.replicated() && !disabled.contains(name)) {
                targets.put(name, build.target(t));
            }
        });
        return targets;
    }
}
