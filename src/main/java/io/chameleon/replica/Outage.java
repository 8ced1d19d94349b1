package io.chameleon.replica;

import io.chameleon.binlog.SourceUnavailable;
import io.chameleon.config.PgConn;
import io.chameleon.config.SourceConfig;
import io.chameleon.pg.ConnectionLoss;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A server of the replica went away: the source's MySQL server (the binlog connection was refused,
 * dropped or went silent) or the PostgreSQL target (a connection lost or refused).
 *
 * @param server which server, as "the MySQL server host:port" or "the PostgreSQL server host:port"
 * @param message what happened, naming the source and the server
 */
record Outage(String server, String message, Exception cause) {

    /** The outage behind {@code failure}, or empty when it is an error that trying again would repeat. */
    static Optional<Outage> of(Exception failure, SourceConfig source, PgConn pg) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SourceUnavailable s) {
                return Optional.of(new Outage("the MySQL server " + source.dbConn().describe(), s.getMessage(), s));
            }
        }
        Optional<SQLException> lost = ConnectionLoss.in(failure);
        return lost.map(e -> new Outage("the PostgreSQL server " + pg.describe(), "source " + source.name()
                + ": the PostgreSQL server " + pg.describe() + " is unavailable: " + e.getMessage(), failure));
    }
}
