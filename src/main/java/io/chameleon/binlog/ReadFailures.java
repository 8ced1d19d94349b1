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
