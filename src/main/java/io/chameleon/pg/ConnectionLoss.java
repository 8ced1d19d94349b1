package io.chameleon.pg;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a lost or refused PostgreSQL connection (the server restarting, unreachable, shutting
 * down) from an error of the statement itself: the first passes once the server is back and the
 * work can be done again; the second would fail again.
 */
public final class ConnectionLoss {
    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down). */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private ConnectionLoss() {}

    /**
     * The PostgreSQL connection failure among {@code failure} and its causes: a SQL exception with
     * SQLSTATE class 08 or a shutdown state, or one caused by an I/O error.
     */
    public static Optional<SQLException> in(Throwable failure) {
        SQLException outer = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(e.getSQLState()))) {
                return Optional.of(e);
            }
            if (outer != null && t instanceof IOException) {
                return Optional.of(outer);
            }
            if (outer == null && t instanceof SQLException e) {
                outer = e;
            }
        }
        return Optional.empty();
    }
}
