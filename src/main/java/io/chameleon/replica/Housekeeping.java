package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.MaintenanceSchedule;
import io.chameleon.config.SourceConfig;
import io.chameleon.pg.PgConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the running replica does beside replay, on a thread and connections of its own so the
 * applier never waits for it: every minute it deletes the replay history older than
 * batch_retention, and with auto_maintenance it runs the plain maintenance whenever it is due
 * (at once when the source was never maintained, as pg_chameleon does). A failure is logged and
 * tried again at the next turn; it never stops replay.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration PERIOD = Duration.ofMinutes(1);
    /** The shortest wait between turns, so a tiny auto_maintenance interval cannot spin. */
    private static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private final PgConnector pg;
    private final SourceConfig source;
    private final int sourceId;
    private final ScheduledExecutorService timer;
    private volatile MaintenanceRun maintenance;
    private volatile boolean closed;

    private Housekeeping(PgConnector pg, SourceConfig source, int sourceId) {
        this.pg = pg;
        this.source = source;
        this.sourceId = sourceId;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "housekeeping-" + source.name());
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks batch_retention and auto_maintenance with PostgreSQL, then starts the first turn. */
    static Housekeeping start(PgConnector pg, SourceConfig source, int sourceId) throws SQLException {
        try (Connection c = pg.open()) {
            IntervalKeys.check(c, source);
        }
        Housekeeping h = new Housekeeping(pg, source, sourceId);
        h.timer.execute(h::turn);
        return h;
    }

    private void turn() {
        Duration wait = PERIOD;
        try {
            MaintenanceSchedule schedule = pruneAndSchedule();
            if (schedule.due() && maintained()) {
                schedule = pruneAndSchedule();
            }
            if (!schedule.due() && schedule.untilNext() != null && schedule.untilNext().compareTo(wait) < 0) {
                wait = schedule.untilNext().compareTo(MIN_WAIT) < 0 ? MIN_WAIT : schedule.untilNext();
            }
        } catch (Exception e) {
            if (!closed) {
                LOG.warn("housekeeping of source {} failed, trying again in {}s: {}", source.name(), wait.toSeconds(),
                        e.getMessage(), e);
            }
        }
        try {
            timer.schedule(this::turn, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() shut the timer down: no more turns
        }
    }

    private MaintenanceSchedule pruneAndSchedule() throws SQLException {
        try (Connection c = pg.open()) {
            Catalog catalog = Catalog.open(c);
            int pruned = catalog.history().prune(sourceId, source.batchRetention());
            if (pruned > 0) {
                LOG.debug("deleted {} minutes of replay history of source {} older than batch_retention ({})", pruned,
                        source.name(), source.batchRetention());
            }
            return catalog.maintenance().schedule(sourceId, source.autoMaintenance());
        }
    }

    /** False when another maintenance of the source runs: this one waits for the next turn. */
    private boolean maintained() throws SQLException {
        maintenance = new MaintenanceRun(pg, source, false);
        try {
            if (closed) { // close() may have looked for a run to cancel just before there was one
                return false;
            }
            MaintenanceReport r = maintenance.run();
            LOG.info("auto_maintenance of source {}: {} of {} tables in {} ms{}; next in {}", source.name(), r.command(),
                    r.vacuumed(), r.took().toMillis(), r.leftOut() == 0 ? "" : ", " + r.leftOut() + " left out: "
                    + r.tables().stream().filter(t -> !t.vacuumed()).map(t -> t.table() + " (" + t.note() + ")").toList(),
                    source.autoMaintenance());
            return true;
        } catch (MaintenanceRefused e) {
            LOG.info("auto_maintenance of source {} waits a minute: {}", source.name(), e.getMessage());
            return false;
        } finally {
            maintenance = null;
        }
    }

    /** Stops the timer; a maintenance running is cancelled rather than waited for. */
    @Override
    public void close() {
        closed = true;
        MaintenanceRun running = maintenance;
        if (running != null) {
            running.cancel();
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
