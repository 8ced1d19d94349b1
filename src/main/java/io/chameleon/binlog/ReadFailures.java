package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.network.AuthenticationException;
import com.github.shyiko.mysql.binlog.network.ServerException;

import java.io.IOException;
import java.util.Set;

/** Tells an outage of the source's server (retry later) from a failure that reading again cannot fix. */
final class ReadFailures {
    /**
     * Server errors that pass by themselves: too many connections (1040, 1203), shutdown in progress
     * (1053), an aborted or broken connection (1152, 1158-1161), the connection killed (MariaDB 1927),
     * disconnected for inactivity (MySQL 4031).
     */
    private static final Set<Integer> PASSING_ERRORS = Set.of(1040, 1053, 1152, 1158, 1159, 1160, 1161, 1203, 1927, 4031);

    /** ER_MASTER_FATAL_ERROR_READING_BINLOG: the binlog asked for is not there (purged) or cannot be read. */
    private static final int BINLOG_UNAVAILABLE = 1236;

    private ReadFailures() {}

    /** A network error or a passing server error; wrong credentials or a purged binlog are not. */
    static boolean isOutage(Throwable failure) {
        if (failure instanceof AuthenticationException) {
            return false;
        }
        if (failure instanceof ServerException e) {
            return PASSING_ERRORS.contains(e.getErrorCode());
        }
        return failure instanceof IOException;
    }

    /** What to do about a refusal reading again cannot fix, or "" when there is nothing specific to say. */
    static String fix(Throwable failure, String start) {
        if (failure.getMessage() != null && failure.getMessage().contains("insecure transport")) {
            return "; the server requires TLS: set db_conn.sslmode to require or stronger (docs/tls.md)";
        }
        if (failure instanceof AuthenticationException) {
            return "; check the user and password in db_conn, and that the user has REPLICATION SLAVE and REPLICATION"
                    + " CLIENT (chameleon check lists what is missing)";
        }
        if (failure instanceof ServerException e && e.getErrorCode() == BINLOG_UNAVAILABLE) {
            return "; the server cannot send the binlog from " + start + ", where the replica stands: when that binlog"
                    + " was purged (PURGE BINARY LOGS, binlog_expire_logs_seconds, expire_logs_days), the changes since"
                    + " are gone and init_replica must copy the tables again; keep binlogs longer than the replica may"
                    + " be stopped";
        }
        return "";
    }

    /** The message with the server's error code when it gave one. */
    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return failure instanceof ServerException e ? message + " [error " + e.getErrorCode() + "]" : message;
    }
}
