package io.chameleon.binlog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SessionSettings;
import io.chameleon.schema.TableName;

import java.time.Instant;
import java.util.Map;

/**
 * What the reader does with the binlog's statements (QUERY events other than transaction
 * control) and with table maps that contradict the tracked columns. Called on the reader's thread
 * in binlog order, before the row events that follow are decoded: the tables it returns are the
 * ones those rows are decoded with.
 */
public interface SchemaFollower {
    /** Follows nothing: statements are passed over and a table map is not checked. */
    SchemaFollower NONE = new SchemaFollower() {
        @Override
        public Map<TableName, ReaderTable> statement(Statement statement) {
            return null;
        }

        @Override
        public Map<TableName, ReaderTable> mismatch(TableName table, String difference, Statement where) {
            return null;
        }

        @Override
        public Map<TableName, ReaderTable> undecodable(TableName table, String reason, Statement where) {
            return null;
        }
    };

    /**
     * A statement of the binlog.
     *
     * @param database the event's default database, null when none
     * @param end where reading resumes once it is applied; null for a statement inside a transaction
     *     (MariaDB's CREATE TABLE ... SELECT), which is read again from the transaction's start
     * @param at a position at or just before the statement: for snapshot comparisons and messages
     * @param session the writing session's sql_mode and settings, as the event carries them
     */
    record Statement(String sql, String database, BinlogPosition end, BinlogPosition at, Instant sourceTime,
            SessionSettings session) {}

    /** @return the followed tables from now on, or null when they stay as they are */
    Map<TableName, ReaderTable> statement(Statement statement) throws InterruptedException;

    /**
     * The TABLE_MAP of a followed table does not match its tracked columns: its rows cannot be decoded.
     *
     * @param difference what differs, e.g. the column counts or names
     * @param where the table map's place in the binlog (its sql is null)
     * @return the followed tables from now on, or null to decode with the tracked columns anyway
     */
    Map<TableName, ReaderTable> mismatch(TableName table, String difference, Statement where) throws InterruptedException;

    /**
     * A row of a followed table cannot be decoded (a value the reader does not understand).
     *
     * @param reason what failed, where in the binlog, and how to look at it
     * @param where the row event's transaction in the binlog (its sql is null)
     * @return the followed tables from now on, without {@code table}; or null when the failure must stop the
     *     replica (on_error_replay exit)
     */
    Map<TableName, ReaderTable> undecodable(TableName table, String reason, Statement where) throws InterruptedException;
}
