package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Records replay and copy failures for show_errors. Call it outside the failed transaction (after
 * its rollback, or on another connection): an aborted transaction takes nothing more.
 */
public final class ErrorLog {
    private final Connection connection;

    ErrorLog(Connection connection) {
        this.connection = connection;
    }

    /** Returns the log id show_errors --logid takes. */
    public long log(int sourceId, ErrorEntry error) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO sch_chameleon.error_log"
                + " (source_id, batch_id, mysql_schema, mysql_table, sql_text, message, binlog_file, binlog_position)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING log_id")) {
            s.setInt(1, sourceId);
            Jdbc.setNullableLong(s, 2, error.batchId());
            s.setString(3, error.table() == null ? null : error.table().schema());
            s.setString(4, error.table() == null ? null : error.table().table());
            s.setString(5, Jdbc.storable(error.sql()));
            s.setString(6, Jdbc.storable(error.message()));
            s.setString(7, error.position() == null ? null : error.position().file());
            Jdbc.setNullableLong(s, 8, error.position() == null ? null : error.position().position());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * After a rolled-back batch or statement: the entry in a transaction of its own. A failure to
     * log is added to {@code failure}, which the caller reports; the connection is left rolled back.
     */
    public void logAlone(int sourceId, ErrorEntry error, Exception failure) {
        try {
            log(sourceId, error);
            connection.commit();
        } catch (SQLException e) {
            failure.addSuppressed(e);
            try {
                connection.rollback();
            } catch (SQLException again) {
                failure.addSuppressed(again);
            }
        }
    }
}
