package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.EventDataWrapper;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * for non-transactional tables) and hands them on as one {@link SourceTransaction}.
 *
 * <p>Memory stays within the {@link BatchBounds}: once the changes collected reach them, they are
 * handed on as a numbered part and collecting goes on; the part handed on at the commit is flagged
 * last. A transaction that starts over before its commit (a new start with parts handed on) is
 * logged; the applier rolls its parts back when it sees the next transaction's first part.
 *
 * <p>With a MariaDB GTID position to start from, every delivered transaction's end position also
 * carries the GTID position after it (as {@code @@gtid_binlog_pos} shows it then): the start
 * position advanced by each committed transaction's GTID — domain and sequence from the
 * MARIADB_GTID event, the server id from its header (the event data shows 0 outside GTID mode).
 * Statements without a commit (DDL, flagged standalone) advance it too.
 *
 * <p>Not thread-safe: the binlog client calls it from its one reading thread. State survives the
 * client's automatic reconnects, which resume after the last event seen, possibly mid-transaction.
 */
final class TransactionAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionAssembler.class);
    private static final Set<EventType> STARTS = Set.of(EventType.GTID, EventType.ANONYMOUS_GTID, EventType.MARIADB_GTID);

    private final Map<TableName, ReaderTable> tables;
    private final RowImages rowImages;
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
    /** Parts of the current transaction handed on before its commit. */
    private int partsHandedOn;
    private String file;
    /** The GTID position after the last committed transaction; null when not tracked. */
    private final MariadbGtidPosition gtidPosition;
    /** The GTID of the transaction being read, until it commits. */
    private MariadbGtidEventData pendingGtid;
    private boolean pendingStandalone;

    /**
     * @param startGtid the MariaDB GTID position of the start (may be empty: no GTID yet); null
     *     when unknown or a MySQL GTID set, and end positions then carry no GTID
     */
    TransactionAssembler(String startFile, String startGtid, Map<TableName, ReaderTable> tables, RowImages rowImages,
            BatchBounds bounds, TransactionSink sink) {
        this.file = startFile;
        this.gtidPosition = MariadbGtidPosition.isMariadbPosition(startGtid) || (startGtid != null && startGtid.isBlank())
                ? new MariadbGtidPosition(startGtid) : null;
        this.tables = Map.copyOf(tables);
        this.rowImages = rowImages;
        this.bounds = bounds;
        this.sink = sink;
    }

    void accept(Event event) throws InterruptedException {
        EventType type = event.getHeader().getEventType();
        Object data = event.getData();
        if (data instanceof EventDataWrapper wrapped) {
            data = wrapped.getExternal();
        }
        if (position(event) > 0) {
            lastPosition = position(event);
        }
        if (STARTS.contains(type)) {
            startTransaction();
            pendingGtid = null;
            pendingStandalone = false;
            if (data instanceof MariadbGtidEventData gtid) {
                gtid.setServerId(event.getHeader().getServerId());
                pendingGtid = gtid;
                pendingStandalone = (gtid.getFlags() & MariadbGtidEventData.FL_STANDALONE) != 0;
            }
        } else if (data instanceof RotateEventData rotate) {
            file = rotate.getBinlogFilename();
            lastPosition = rotate.getBinlogPosition();
        } else if (data instanceof TableMapEventData map) {
            TableName name = new TableName(map.getDatabase(), map.getTable());
            if (tables.containsKey(name)) {
                followedIds.put(map.getTableId(), name);
            } else {
                followedIds.remove(map.getTableId());
            }
        } else if (data instanceof WriteRowsEventData write) {
            inserts(event, write);
        } else if (data instanceof UpdateRowsEventData update) {
            updates(event, update);
        } else if (data instanceof DeleteRowsEventData delete) {
            deletes(event, delete);
        } else if (type == EventType.XID) {
            commit(event);
        } else if (data instanceof QueryEventData query) {
            query(event, query.getSql().strip());
        }
    }

    private void query(Event event, String sql) throws InterruptedException {
        if (sql.equalsIgnoreCase("BEGIN")) {
            startTransaction();
        } else if (sql.equalsIgnoreCase("COMMIT")) {
            commit(event);
        } else {
            LOG.debug("ignoring statement at {}:{}: {}", file, position(event), sql);
            if (pendingStandalone) {
                advanceGtid();
            }
        }
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

    private void advanceGtid() {
        if (pendingGtid != null && gtidPosition != null) {
            gtidPosition.advance(pendingGtid.getDomainId(), pendingGtid.getServerId(), pendingGtid.getSequence());
        }
        pendingGtid = null;
        pendingStandalone = false;
    }

    private void inserts(Event event, WriteRowsEventData write) throws InterruptedException {
        TableName name = followedIds.get(write.getTableId());
        if (name == null || tables.get(name).skips(RowChange.Kind.INSERT, write.getRows().size())) {
            return;
        }
        ReaderTable table = tables.get(name);
        for (Serializable[] row : write.getRows()) {
            byte[][] after = rowImages.decode(name, table.columns(), write.getIncludedColumns(), row);
            collect(event, new RowChange(name, RowChange.Kind.INSERT, null, after));
        }
    }

    private void updates(Event event, UpdateRowsEventData update) throws InterruptedException {
        TableName name = followedIds.get(update.getTableId());
        if (name == null || tables.get(name).skips(RowChange.Kind.UPDATE, update.getRows().size())) {
            return;
        }
        ReaderTable table = tables.get(name);
        for (Map.Entry<Serializable[], Serializable[]> row : update.getRows()) {
            byte[][] before = rowImages.decode(name, table.columns(), update.getIncludedColumnsBeforeUpdate(), row.getKey());
            byte[][] after = rowImages.decode(name, table.columns(), update.getIncludedColumns(), row.getValue());
            collect(event, new RowChange(name, RowChange.Kind.UPDATE, before, after));
        }
    }

    private void deletes(Event event, DeleteRowsEventData delete) throws InterruptedException {
        TableName name = followedIds.get(delete.getTableId());
        if (name == null || tables.get(name).skips(RowChange.Kind.DELETE, delete.getRows().size())) {
            return;
        }
        ReaderTable table = tables.get(name);
        for (Serializable[] row : delete.getRows()) {
            byte[][] before = rowImages.decode(name, table.columns(), delete.getIncludedColumns(), row);
            collect(event, new RowChange(name, RowChange.Kind.DELETE, before, null));
        }
    }

    /**
     * Adds a change. When the changes collected have reached the bounds, they are handed on as a
     * part first: a transaction that just reaches them stays whole.
     */
    private void collect(Event event, RowChange change) throws InterruptedException {
        if (bounds.reached(pending.size(), pendingBytes)) {
            handOn(event, new BinlogPosition(file, lastPosition, null), false);
        }
        pending.add(change);
        pendingBytes += change.heapBytes();
    }

    /**
     * Delivers the transaction even when none of its rows are left, so the applier can move the
     * applied position past it.
     */
    private void commit(Event event) throws InterruptedException {
        advanceGtid();
        handOn(event, new BinlogPosition(file, position(event), gtidPosition == null ? null : gtidPosition.toString()), true);
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
        List<RowChange> changes = pending.stream().filter(c -> {
            ReaderTable table = tables.get(c.table());
            return !(last ? table.copyContains(end) : table.copyContainsTransactionAt(end));
        }).toList();
        int part = partsHandedOn + 1;
        pending.clear();
        pendingBytes = 0;
        partsHandedOn = last ? 0 : part;
        sink.accept(new SourceTransaction(changes, end, Instant.ofEpochMilli(event.getHeader().getTimestamp()), part, last));
    }

    /** The position just after the event: where reading resumes once it is applied. */
    private static long position(Event event) {
        return ((EventHeaderV4) event.getHeader()).getNextPosition();
    }
}
