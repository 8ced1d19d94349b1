package io.chameleon.failure;

import com.github.shyiko.mysql.binlog.network.ServerException;
import io.chameleon.pg.ConnectionLoss;

import java.sql.SQLException;
import java.util.Set;

/**
 * The one place that decides what a failure means, from PostgreSQL's SQLSTATE or MySQL's error
 * code, looking through the exceptions that wrap it: {@link #RETRY} passes by itself (a lock, a
 * deadlock, a server busy or restarting) and the same work is tried again after a pause;
 * {@link #STOP} would meet every table alike (a full disk, a lost privilege), so no table is left
 * out for it; {@link #EXCLUDE_TABLE} is a failure of one table's rows or statement, which
 * on_error_replay continue leaves out.
 */
public enum Failure {
    RETRY,
    EXCLUDE_TABLE,
    STOP;

    /**
     * PostgreSQL: serialization_failure, deadlock_detected, lock_not_available, too_many_connections,
     * admin_shutdown, crash_shutdown, cannot_connect_now, query_canceled (a statement_timeout the
     * replica never sets, or a cancel by an administrator).
     */
    private static final Set<String> PG_RETRY = Set.of("40001", "40P01", "55P03", "53300", "57P01", "57P02", "57P03",
            "57014");
    /** PostgreSQL: disk_full, out_of_memory, configuration_limit_exceeded, read_only_sql_transaction. */
    private static final Set<String> PG_STOP = Set.of("53100", "53200", "53400", "25006");
    /** PostgreSQL classes that stop: invalid authorization, system error, internal error. */
    private static final Set<String> PG_STOP_CLASSES = Set.of("28", "58", "XX");
    /**
     * MySQL and MariaDB: lock deadlock (1213), lock wait timeout (1205), too many connections (1040,
     * 1203, 1226), server shutdown (1053), connection killed (1927), query interrupted or timed out
     * (1317, 1969, 3024), server gone or lost (2006, 2013), and MariaDB's "a replica with the same
     * server_id is connected" (4052), which lasts until a lapsed lease holder's binlog connection closes.
     */
    private static final Set<Integer> MYSQL_RETRY = Set.of(1213, 1205, 1040, 1203, 1226, 1053, 1927, 1317, 1969,
            3024, 2006, 2013, 4052);
    /** MySQL and MariaDB: access denied (1044, 1045, 1142, 1143, 1227), disk full (1021), read only (1290, 1836). */
    private static final Set<Integer> MYSQL_STOP = Set.of(1044, 1045, 1142, 1143, 1227, 1021, 1290, 1836);

    /** What {@code failure} means, from the first of its causes with a known SQLSTATE or error code. */
    public static Failure of(Throwable failure) {
        if (ConnectionLoss.in(failure).isPresent()) {
            return RETRY;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Failure known = known(t);
            if (known != null) {
                return known;
            }
            if (t instanceof SQLException e) {
                for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
                    known = known(next);
                    if (known != null) {
                        return known;
                    }
                }
            }
        }
        return EXCLUDE_TABLE;
    }

    /** Whether {@code failure} passes by itself and the work is worth trying again. */
    public static boolean isTransient(Throwable failure) {
        return of(failure) == RETRY;
    }

    /**
     * Whether on_error_replay is to handle {@code failure} as its table's (disable it, or stop for
     * it): not a lost connection, nor a failure every table would meet, nor a transient failure
     * that is still to be retried.
     *
     * @param retrying whether transient failures are still retried ({@link TransientRetries#retrying()})
     */
    public static boolean blamesTable(Throwable failure, boolean retrying) {
        return switch (of(failure)) {
            case EXCLUDE_TABLE -> true;
            case STOP -> false;
            case RETRY -> !retrying && ConnectionLoss.in(failure).isEmpty();
        };
    }

    /** A transient failure, not an outage, that will be tried again: no error to record yet. */
    public static boolean retriedLater(Throwable failure, boolean retrying) {
        return retrying && isTransient(failure) && ConnectionLoss.in(failure).isEmpty();
    }

    /** The SQLSTATE or error code that decided, e.g. {@code SQLSTATE 40P01} or {@code MySQL error 1213}, or "". */
    public static String code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (known(t) != null) {
                if (t instanceof ServerException s) {
                    return "MySQL error " + s.getErrorCode();
                }
                SQLException e = (SQLException) t;
                return e.getErrorCode() != 0 ? "MySQL error " + e.getErrorCode() : "SQLSTATE " + e.getSQLState();
            }
        }
        return "";
    }

    /** The meaning of one exception's own code, or null when it has none we know. */
    private static Failure known(Throwable t) {
        if (t instanceof ServerException s) {
            return mysql(s.getErrorCode());
        }
        if (!(t instanceof SQLException e)) {
            return null;
        }
        if (e.getErrorCode() != 0) { // the MariaDB driver; PostgreSQL's leaves it 0
            Failure f = mysql(e.getErrorCode());
            if (f != null) {
                return f;
            }
        }
        String state = e.getSQLState();
        if (state == null || state.length() != 5) {
            return null;
        }
        if (PG_RETRY.contains(state)) {
            return RETRY;
        }
        if (PG_STOP.contains(state) || PG_STOP_CLASSES.contains(state.substring(0, 2))) {
            return STOP;
        }
        return null;
    }

    private static Failure mysql(int code) {
        return MYSQL_RETRY.contains(code) ? RETRY : MYSQL_STOP.contains(code) ? STOP : null;
    }
}
