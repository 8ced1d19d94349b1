package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The lease this process holds on a source (see {@link SourceLifecycle}): while it holds it, no
 * other process, on this host or another, runs or loads the source.
 */
public record SourceLease(int sourceId, String sourceName, UUID token, SourceTransition transition) {
    /** The session setting that carries the token to {@link SourcePositions#recordApplied}. */
    static final String SETTING = "chameleon.lease_token";

    /**
     * Makes every applied position committed on this connection check, in its own transaction, that
     * the lease is still this one: a process that lost it cannot commit after another took over.
     */
    public void bindTo(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
            s.setString(1, SETTING);
            s.setString(2, token.toString());
            s.execute();
        }
    }
}
