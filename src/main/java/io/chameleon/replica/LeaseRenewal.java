package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.LeaseLost;
import io.chameleon.catalog.LeaseTerms;
import io.chameleon.catalog.SourceLease;
import io.chameleon.pg.PgConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Renews a lease on a timer thread of its own, so a long batch or copy never lets it lapse. A
 * renewal that fails (PostgreSQL away) is tried at the next turn: the lease stays this process's
 * until another takes it over. When one has, {@code onLost} is told once and the renewals end.
 */
public final class LeaseRenewal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewal.class);

    private final PgConnector pg;
    private final SourceLease lease;
    private final LeaseTerms terms;
    private final Consumer<LeaseLost> onLost;
    private final ScheduledExecutorService timer;

    private LeaseRenewal(PgConnector pg, SourceLease lease, LeaseTerms terms, Consumer<LeaseLost> onLost) {
        this.pg = pg;
        this.lease = lease;
        this.terms = terms;
        this.onLost = onLost;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + lease.sourceName());
            t.setDaemon(true);
            return t;
        });
    }

    public static LeaseRenewal start(PgConnector pg, SourceLease lease, LeaseTerms terms, Consumer<LeaseLost> onLost) {
        LeaseRenewal renewal = new LeaseRenewal(pg, lease, terms, onLost);
        long every = terms.renewEvery().toMillis();
        renewal.timer.scheduleWithFixedDelay(renewal::renew, every, every, TimeUnit.MILLISECONDS);
        return renewal;
    }

    private void renew() {
        try (Connection c = pg.open()) {
            Catalog.open(c).lifecycle().renew(lease, terms.lapse());
        } catch (LeaseLost lost) {
            LOG.error(lost.getMessage());
            timer.shutdown();
            onLost.accept(lost);
        } catch (Exception e) {
            LOG.warn("the lease of source {} could not be renewed, trying again in {}s (it lapses {}s after the last"
                    + " renewal): {}", lease.sourceName(), terms.renewEvery().toSeconds(), terms.lapse().toSeconds(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
