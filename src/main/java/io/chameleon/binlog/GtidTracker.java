package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import io.chameleon.mysql.MysqlGtid;
import io.chameleon.mysql.MysqlGtidSet;

/**
 * The GTID of the transaction being read, and the GTID state after the last committed one, as the
 * end positions carry it: a MariaDB GTID position ({@code @@gtid_binlog_pos}) or a MySQL GTID set
 * ({@code @@gtid_executed}), whichever the start position had, advanced by each committed
 * transaction's GTID. Not thread-safe.
 */
final class GtidTracker {
    /** The MariaDB position after the last commit; null unless the start had one. */
    private final MariadbGtidPosition mariadb;
    /** The MySQL set after the last commit; null unless the start had one. */
    private final MysqlGtidSet mysql;
    private MariadbGtidEventData pendingMariadb;
    /** MariaDB's flag for a statement that commits by itself (DDL). */
    private boolean pendingStandalone;
    private MysqlGtid pendingMysql;
    /** Where the pending MySQL transaction ends (from its GTID event's transaction_length); 0 when unknown. */
    private long pendingEnd;

    /**
     * @param startGtid the start's MariaDB GTID position (empty: no GTID yet) or MySQL GTID set; null
     *     when unknown, and end positions then carry no GTID
     */
    GtidTracker(String startGtid) {
        mariadb = MariadbGtidPosition.isMariadbPosition(startGtid) || (startGtid != null && startGtid.isBlank())
                ? new MariadbGtidPosition(startGtid) : null;
        mysql = MysqlGtidSet.isMysqlForm(startGtid) ? MysqlGtidSet.parse(startGtid) : null;
    }

    /** A transaction starts with {@code event}: its GTID is noted, if it has one, until it commits. */
    void start(Event event, Object data) {
        pendingMariadb = null;
        pendingStandalone = false;
        pendingMysql = null;
        pendingEnd = 0;
        if (data instanceof MariadbGtidEventData gtid) {
            gtid.setServerId(event.getHeader().getServerId()); // the event data shows 0 outside GTID mode
            pendingMariadb = gtid;
            pendingStandalone = (gtid.getFlags() & MariadbGtidEventData.FL_STANDALONE) != 0;
        } else if (data instanceof GtidEventData gtid) {
            pendingMysql = new MysqlGtid(gtid.getMySqlGtid().getServerId().toString(), "",
                    gtid.getMySqlGtid().getTransactionId());
            pendingEnd = end(event, gtid.getTransactionLength());
        } else if (data instanceof GtidTaggedEventData gtid) {
            pendingMysql = gtid.gtid();
            pendingEnd = end(event, gtid.transactionLength());
        }
    }

    /** The transaction's end: the GTID event's start plus the transaction's length, which counts that event. */
    private static long end(Event event, long transactionLength) {
        EventHeaderV4 header = event.getHeader();
        return transactionLength == 0 ? 0 : header.getNextPosition() - header.getEventLength() + transactionLength;
    }

    /**
     * Whether a statement (with no BEGIN before it) ending at {@code statementEnd} is part of a
     * transaction that commits later, as a CREATE TABLE ... SELECT is, logged before its rows; a
     * statement alone in its transaction (DDL) commits by itself.
     */
    boolean statementInsideTransaction(long statementEnd) {
        if (pendingMariadb != null) {
            return !pendingStandalone;
        }
        return pendingMysql != null && statementEnd < pendingEnd;
    }

    /** The pending transaction committed: its GTID joins the state. */
    void commit() {
        if (pendingMariadb != null && mariadb != null) {
            mariadb.advance(pendingMariadb.getDomainId(), pendingMariadb.getServerId(), pendingMariadb.getSequence());
        }
        if (pendingMysql != null && mysql != null) {
            mysql.add(pendingMysql);
        }
        pendingMariadb = null;
        pendingStandalone = false;
        pendingMysql = null;
        pendingEnd = 0;
    }

    /** The state after the last commit; null when not tracked. */
    String current() {
        return mariadb != null ? mariadb.toString() : mysql != null ? mysql.toString() : null;
    }

    /**
     * The MySQL GTID set the pending transaction leaves once committed, which tells whether a table's
     * copy holds it already; null for MariaDB, or when not tracked.
     */
    String ifCommitted() {
        if (mysql == null || pendingMysql == null) {
            return null;
        }
        MysqlGtidSet after = mysql.copy();
        after.add(pendingMysql);
        return after.toString();
    }
}
