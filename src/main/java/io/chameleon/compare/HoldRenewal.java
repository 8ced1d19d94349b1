package io.chameleon.compare;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicaHolds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps a hold alive while compare needs it longer than the hold's timeout (a repair runs at the
 * point): every {@link #EVERY} the replica is told to wait {@link ComparePoint#HOLD_TIMEOUT} more.
 * If compare dies, the renewals stop and the replica goes on by itself within that timeout.
 */
final class HoldRenewal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HoldRenewal.class);
    static final Duration EVERY = Duration.ofSeconds(10);

    private final Connection connection;
    private final Thread thread;

    /** @param connection a catalogue connection of its own (autocommit), closed with the renewal */
    HoldRenewal(Connection connection, int sourceId) throws SQLException {
        this.connection = connection;
        ReplicaHolds holds = Catalog.open(connection).holds();
        this.thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(EVERY.toMillis());
                    holds.extend(sourceId, ComparePoint.HOLD_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                LOG.warn("compare cannot extend the replica's hold ({}); the replica goes on by itself {} s after"
                        + " the last extension", e.getMessage(), ComparePoint.HOLD_TIMEOUT.toSeconds());
            }
        }, "compare-hold-renewal");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // autocommit: nothing to lose
        }
    }
}
