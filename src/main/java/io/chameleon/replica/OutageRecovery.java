package io.chameleon.replica;

import io.chameleon.config.PgConn;
import io.chameleon.config.SourceConfig;
import io.chameleon.config.SourceConfig.OnError;
import io.chameleon.failure.TransientRetries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs the replica's pipeline and restarts it when either server goes away, as on_error_read says:
 * {@code continue} warns, pauses (1 s, doubling up to 60 s) and tries again for as long as it takes;
 * {@code exit} stops with an {@link OutageStop}. A transient failure (a deadlock, a lock not granted
 * within lock_timeout, a server busy: {@link io.chameleon.failure.Failure#RETRY}) is tried again as
 * {@link TransientRetries} says, whatever on_error_read is; its last attempt is left to
 * on_error_replay. Any other failure ends the run.
 *
 * <p>Each attempt starts from the applied position in the catalogue. That position commits with
 * the rows it covers, so a restart neither loses nor doubles a transaction: what was read or
 * queued but not applied is dropped and read again.
 */
final class OutageRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(OutageRecovery.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    /** One attempt: connects to both servers, calls {@code connected}, then replicates until stopped or failed. */
    interface Pipeline {
        void run(Runnable connected) throws Exception;
    }

    private final SourceConfig source;
    private final PgConn pg;
    private final BooleanSupplier stopRequested;
    private final TransientRetries retries;
    private final Backoff backoff = new Backoff(FIRST_PAUSE, LONGEST_PAUSE);
    private Outage outage;
    private Instant outageSince;

    /** @param retries the daemon's count of transient failures, which a batch applied resets */
    OutageRecovery(SourceConfig source, PgConn pg, BooleanSupplier stopRequested, TransientRetries retries) {
        this.source = source;
        this.pg = pg;
        this.stopRequested = stopRequested;
        this.retries = retries;
    }

    /** Returns when a stop was requested; throws on a failure that is not an outage, or on an outage with exit. */
    void run(Pipeline pipeline) throws Exception {
        while (!stopRequested.getAsBoolean()) {
            try {
                pipeline.run(this::connected);
                return;
            } catch (Exception e) {
                Optional<Outage> found = Outage.of(e, source, pg);
                if (found.isEmpty()) {
                    Duration pause = retries.next(e, e.getMessage()).orElseThrow(() -> e);
                    TransientRetries.sleep(pause, stopRequested);
                    continue;
                }
                if (source.onErrorRead() == OnError.EXIT) {
                    throw new OutageStop(found.get(), source.name());
                }
                pause(found.get());
            }
        }
    }

    private void pause(Outage current) throws InterruptedException {
        if (outage == null) {
            outageSince = Instant.now();
        }
        outage = current;
        Duration pause = backoff.next();
        LOG.warn("{}; on_error_read continue: the replica restarts from its applied position, next attempt in {} s"
                + " (retry {})", current.message(), pause.toSeconds(), backoff.attempts());
        LOG.debug("outage of {}", current.server(), current.cause());
        TransientRetries.sleep(pause, stopRequested);
    }

    private void connected() {
        if (outage != null) {
            LOG.info("source {}: {} answers again after {} s and {} retries; replication resumes from the applied"
                    + " position", source.name(), outage.server(),
                    Duration.between(outageSince, Instant.now()).toSeconds(), backoff.attempts());
            outage = null;
        }
        backoff.reset();
    }
}
