package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.EventDataWrapper;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SessionSettings;
import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts the binlog event stream into whole transactions: collects the row changes of followed
 * tables from a transaction's start (GTID event or BEGIN) to its commit (XID, or a COMMIT query
 * for non-transactional tables) and hands them on as one {@link SourceTransaction}. MySQL's
 * compressed transactions are unpacked one event at a time and read as if their events stood in
 * the binlog in the payload's place ({@link CompressedTransaction}).
 *
 * <p>Memory stays within the {@link BatchBounds}: once the changes collected reach them, they are
 * handed on as a numbered part and collecting goes on; the part handed on at the commit is flagged
 * last. A transaction that starts over before its commit (a new start with parts handed on) is
 * logged; the applier rolls its parts back when it sees the next transaction's first part.
 *
 * <p>With a GTID state to start from, every delivered transaction's end position also carries the
 * state after it, as the server shows it then ({@link GtidTracker}): MariaDB's
 * {@code @@gtid_binlog_pos} or MySQL's {@code @@gtid_executed}. Statements that commit by themselves
 * (DDL) advance it too. With MySQL GTID sets, whether a table's copy holds a transaction is told by
 * the sets, which stay valid on another server of the topology, where files and positions differ.
 *
 * <p>Not thread-safe: the binlog client calls it from its one reading thread. One assembler per
 * connection: a new connection starts at a transaction boundary (the applied position) with a new
 * assembler, never in the middle of a transaction with an old one.
 */
final class TransactionAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionAssembler.class);
    /** The library's types of events that start a transaction; MySQL 8.3+'s tagged GTID event is not among them. */
    private static final Set<EventType> STARTS = Set.of(EventType.GTID, EventType.ANONYMOUS_GTID, EventType.MARIADB_GTID);

    /** The followed tables; a followed statement or a table map that contradicts them replaces them. */
    private Map<TableName, ReaderTable> tables;
    private final RowImages rowImages;
    private final SchemaFollower follower;
    private final TransactionSink sink;
    /** Table ids of the current TABLE_MAPs of followed tables; ids change after an ALTER. */
    private final Map<Long, TableName> followedIds = new HashMap<>();
    private final BatchBounds bounds;
    private final List<RowChange> pending = new ArrayList<>();
    private long pendingBytes;
    /**
     * The end of the latest event that gave one in {@code file}: inside the current transaction or at
     * its start. MariaDB leaves the end positions of the events inside a transaction at 0 (unless
     * binlog_legacy_event_pos is set); its GTID event and the commit carry theirs.
     */
    private long lastPosition;
    /** Where the transaction being read starts (its GTID event or BEGIN), for mysqlbinlog in messages. */
    private long transactionStart;
    /** Parts of the current transaction handed on before its commit. */
    private int partsHandedOn;
    private String file;
    private final GtidTracker gtids;
    /** A BEGIN was read and its commit not yet: a statement now is part of a transaction. */
    private boolean begun;
    private final Mysqlbinlog inspect;

    /**
     * @param startGtid the MariaDB GTID position (may be empty: no GTID yet) or MySQL GTID set of the
     *     start; null when unknown, and end positions then carry no GTID
     */
    TransactionAssembler(String startFile, String startGtid, Map<TableName, ReaderTable> tables, RowImages rowImages,
            BatchBounds bounds, TransactionSink sink, Mysqlbinlog inspect) {
        this(startFile, startGtid, tables, rowImages, bounds, sink, SchemaFollower.NONE, inspect);
    }

    /**
     * @param follower told of every statement and of table maps that contradict the tracked columns
     * @param inspect names the command that shows a failing event in messages
     */
    TransactionAssembler(String startFile, String startGtid, Map<TableName, ReaderTable> tables, RowImages rowImages,
            BatchBounds bounds, TransactionSink sink, SchemaFollower follower, Mysqlbinlog inspect) {
        this.inspect = inspect;
        this.file = startFile;
        this.gtids = new GtidTracker(startGtid);
        this.tables = Map.copyOf(tables);
        this.rowImages = rowImages;
        this.bounds = bounds;
        this.sink = sink;
        this.follower = follower;
    }

    void accept(Event event) throws InterruptedException {
        if (event.getData() instanceof CompressedTransaction compressed) {
            unpack((EventHeaderV4) event.getHeader(), compressed);
            return;
        }
        EventType type = event.getHeader().getEventType();
        Object data = event.getData();
        if (data instanceof EventDataWrapper wrapped) {
            data = wrapped.getExternal();
        }
        long before = lastPosition;
        if (position(event) > 0) {
            lastPosition = position(event);
        }
        if (STARTS.contains(type) || data instanceof GtidTaggedEventData) {
            transactionStart = before;
            startTransaction();
            gtids.start(event, data);
            begun = false;
        } else if (data instanceof RotateEventData rotate) {
            file = rotate.getBinlogFilename();
            lastPosition = rotate.getBinlogPosition();
        } else if (data instanceof TableMapEventData map) {
            tableMap(event, map);
        } else if (data instanceof WriteRowsEventData write) {
            inserts(event, write);
        } else if (data instanceof UpdateRowsEventData update) {
            updates(event, update);
        } else if (data instanceof DeleteRowsEventData delete) {
            deletes(event, delete);
        } else if (type == EventType.XID) {
            commit(event);
        } else if (data instanceof QueryEventData query) {
            // credentials leave here, so no log line, error_log row or message downstream can carry them
            query(event, AccountStatements.redact(query.getSql().strip()), query.getDatabase(),
                    query instanceof StatementEventData st ? st.session() : SessionSettings.DEFAULT);
        }
    }

    /** The events of a compressed transaction, one at a time, as if they stood in the binlog in its place. */
    private void unpack(EventHeaderV4 header, CompressedTransaction compressed) throws InterruptedException {
        try {
            compressed.forEachEvent(header, this::accept);
        } catch (IOException e) {
            throw new BinlogEventFailure("the compressed transaction (TRANSACTION_PAYLOAD) at " + file + ":"
                    + header.getPosition() + " could not be unpacked: " + ReadFailures.describe(e)
                    + "; inspect it with: " + inspect.command(file, header.getPosition(), header.getNextPosition()), e);
        }
    }

    private void query(Event event, String sql, String database, SessionSettings session) throws InterruptedException {
        if (sql.equalsIgnoreCase("BEGIN")) {
            startTransaction();
            begun = true;
        } else if (sql.equalsIgnoreCase("COMMIT")) {
            commit(event);
        } else if (sql.equalsIgnoreCase("ROLLBACK")) {
            LOG.debug("ignoring ROLLBACK at {}:{}", file, position(event));
        } else {
            statement(event, AtomicCreateSelect.createTable(sql), database == null || database.isEmpty() ? null : database,
                    session);
        }
    }

    /**
     * A statement on its own (DDL) resumes after itself; one inside a transaction (MariaDB's
     * CREATE TABLE ... SELECT, logged before its rows) has no place to resume of its own.
     */
    private void statement(Event event, String sql, String database, SessionSettings session)
            throws InterruptedException {
        boolean inside = begun || gtids.statementInsideTransaction(position(event));
        BinlogPosition at = inside();
        BinlogPosition end = null;
        if (!inside) {
            gtids.commit();
            end = new BinlogPosition(file, lastPosition, gtids.current());
            at = end;
        }
        follow(follower.statement(new SchemaFollower.Statement(sql, database, end, at, time(event), session)));
    }

    /** Table ids of followed tables; the map's columns are checked against the tracked ones first. */
    private void tableMap(Event event, TableMapEventData map) throws InterruptedException {
        TableName name = new TableName(map.getDatabase(), map.getTable());
        followedIds.remove(map.getTableId());
        ReaderTable table = tables.get(name);
        if (table == null) {
            return;
        }
        if (table.copyContainsTransactionAt(inside())) {
            // rows the table's copy already has, logged with the columns the table had then: left out unchecked
            return;
        }
        String difference = follower == SchemaFollower.NONE ? null : TableMapCheck.difference(map, table.columns());
        if (difference != null) {
            Map<TableName, ReaderTable> now = follower.mismatch(name, difference, new SchemaFollower.Statement(null, null,
                    null, inside(), time(event), SessionSettings.DEFAULT));
            if (now != null) {
                follow(now);
                return;
            }
        }
        followedIds.put(map.getTableId(), name);
    }

    private void follow(Map<TableName, ReaderTable> now) {
        if (now != null) {
            tables = Map.copyOf(now);
            followedIds.values().removeIf(name -> !tables.containsKey(name));
        }
    }

    private static Instant time(Event event) {
        return Instant.ofEpochMilli(event.getHeader().getTimestamp());
    }

    private void startTransaction() {
        // MySQL sends GTID then BEGIN for one transaction: the second start finds nothing pending
        if (!pending.isEmpty() || partsHandedOn > 0) {
            LOG.warn("{} row changes before {} had no commit and are dropped{}", pending.size(), file,
                    partsHandedOn == 0 ? "" : ", with the " + partsHandedOn + " parts handed on before them");
            pending.clear();
            pendingBytes = 0;
            partsHandedOn = 0;
        }
    }

    /** The end of the last event read: every transaction and statement that ends there or before is handed on. */
    BinlogPosition readUpTo() {
        return file == null ? null : new BinlogPosition(file, lastPosition, null);
    }

    /**
     * A position inside the transaction being read; with MySQL GTID sets it carries the set the
     * transaction leaves once committed, to tell whether a table's copy holds it.
     */
    private BinlogPosition inside() {
        return new BinlogPosition(file, lastPosition, gtids.ifCommitted());
    }

    private void inserts(Event event, WriteRowsEventData write) throws InterruptedException {
        decodeAll(event, write.getTableId(), RowChange.Kind.INSERT, write.getRows(), (name, columns, row) ->
                new RowChange(name, RowChange.Kind.INSERT, null,
                        rowImages.decode(name, columns, write.getIncludedColumns(), row)));
    }

    private void updates(Event event, UpdateRowsEventData update) throws InterruptedException {
        long at = ((EventHeaderV4) event.getHeader()).getPosition();
        decodeAll(event, update.getTableId(), RowChange.Kind.UPDATE, update.getRows(), (name, columns, row) -> {
            byte[][] before = rowImages.decode(name, columns, update.getIncludedColumnsBeforeUpdate(), row.getKey());
            // a MySQL partial update (PARTIAL_JSON) logs JSON changes as diffs: made whole from the before image
            Serializable[] whole = PartialJsonImage.rebuild(name, columns, row.getKey(), row.getValue(), file, at);
            return new RowChange(name, RowChange.Kind.UPDATE, before,
                    rowImages.decode(name, columns, update.getIncludedColumns(), whole));
        });
    }

    private void deletes(Event event, DeleteRowsEventData delete) throws InterruptedException {
        decodeAll(event, delete.getTableId(), RowChange.Kind.DELETE, delete.getRows(), (name, columns, row) ->
                new RowChange(name, RowChange.Kind.DELETE, rowImages.decode(name, columns, delete.getIncludedColumns(),
                        row), null));
    }

    /** Turns one row of a rows event into a change. */
    private interface RowDecoder<R> {
        RowChange decode(TableName table, List<TrackedColumn> columns, R row);
    }

    /**
     * Decodes every row of a rows event of a followed table, then collects them: an event with a row
     * that cannot be decoded contributes none (see {@link #undecodable}).
     */
    private <R> void decodeAll(Event event, long tableId, RowChange.Kind kind, List<R> rows, RowDecoder<R> decoder)
            throws InterruptedException {
        TableName name = followedIds.get(tableId);
        if (name == null || tables.get(name).skips(kind, rows.size())) {
            return;
        }
        List<RowChange> changes = new ArrayList<>(rows.size());
        try {
            List<TrackedColumn> columns = tables.get(name).columns();
            for (R row : rows) {
                changes.add(decoder.decode(name, columns, row));
            }
        } catch (RuntimeException e) {
            undecodable(event, name, e);
            return;
        }
        for (RowChange change : changes) {
            collect(event, change);
        }
    }

    /**
     * A row of {@code name} cannot be decoded: the follower takes the table out of replay (its changes
     * read so far in this transaction go with it) or, under on_error_replay exit, the reader stops.
     */
    private void undecodable(Event event, TableName name, RuntimeException e) throws InterruptedException {
        String reason = "a row event of " + name + " in the transaction at " + file + ":" + transactionStart
                + " cannot be decoded: " + e.getMessage() + "; inspect it with: "
                + inspect.command(file, transactionStart, position(event));
        Map<TableName, ReaderTable> now = follower.undecodable(name, reason, new SchemaFollower.Statement(null, null,
                null, new BinlogPosition(file, lastPosition, null), time(event), SessionSettings.DEFAULT));
        if (now == null) {
            throw new BinlogEventFailure(reason, e);
        }
        pending.removeIf(c -> c.table().equals(name));
        pendingBytes = pending.stream().mapToLong(RowChange::heapBytes).sum();
        follow(now);
    }

    /**
     * Adds a change. When the changes collected have reached the bounds, they are handed on as a
     * part first: a transaction that just reaches them stays whole.
     */
    private void collect(Event event, RowChange change) throws InterruptedException {
        if (bounds.reached(pending.size(), pendingBytes)) {
            handOn(event, inside(), false);
        }
        pending.add(change);
        pendingBytes += change.heapBytes();
    }

    /**
     * Delivers the transaction even when none of its rows are left, so the applier can move the
     * applied position past it.
     */
    private void commit(Event event) throws InterruptedException {
        begun = false;
        gtids.commit();
        handOn(event, new BinlogPosition(file, position(event), gtids.current()), true);
    }

    /**
     * Changes of a table whose copy holds the transaction are left out: judged by the commit's
     * position for the last part, and for an earlier one by a position inside the transaction,
     * which gives the same answer.
     *
     * @param end the commit's position for the last part; for an earlier one the last position the
     *     binlog gave, at or after the transaction's start
     */
    private void handOn(Event event, BinlogPosition end, boolean last) throws InterruptedException {
        Map<TableName, Boolean> copied = new HashMap<>(); // judged once per table: GTID sets take parsing
        List<RowChange> changes = pending.stream().filter(c -> !copied.computeIfAbsent(c.table(), name -> {
            ReaderTable table = tables.get(name);
            return table != null && (last ? table.copyContains(end) : table.copyContainsTransactionAt(end));
        })).toList();
        int part = partsHandedOn + 1;
        pending.clear();
        pendingBytes = 0;
        partsHandedOn = last ? 0 : part;
        // an earlier part's end names a place inside the transaction, never one to resume from
        BinlogPosition named = last ? end : new BinlogPosition(end.file(), end.position(), null);
        sink.accept(new SourceTransaction(changes, named, time(event), part, last));
    }

    /** The position just after the event: where reading resumes once it is applied. */
    /** Where an event that failed stands, for messages. */
    String place(Event event) {
        long end = position(event);
        return file + ":" + (end > 0 ? end : lastPosition) + " (in the transaction at " + file + ":" + transactionStart
                + ")";
    }

    /** The command that shows the transaction of an event that failed. */
    String inspectCommand(Event event) {
        return inspect.command(file, transactionStart, position(event));
    }

    private static long position(Event event) {
        return ((EventHeaderV4) event.getHeader()).getNextPosition();
    }
}
