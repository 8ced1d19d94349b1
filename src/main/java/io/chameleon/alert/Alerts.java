package io.chameleon.alert;

import java.time.Duration;

/**
 * This process's alerts. Commands start the sender once the configuration is read and it has a
 * Rollbar key and environment; the places that see an event call {@link #send} whatever the
 * configuration, which does nothing when no sender runs (Rollbar is not configured, or a test
 * runs a stage of the pipeline without a command). One configuration per process, as a command
 * runs.
 */
public final class Alerts {
    /** How long the end of a command waits for its alerts to be posted. */
    public static final Duration FLUSH_WAIT = RollbarSender.REQUEST_TIMEOUT;

    private static volatile RollbarSender sender;

    private Alerts() {}

    /** Reports to Rollbar from now on, replacing the sender of an earlier configuration. */
    public static synchronized void start(RollbarSettings settings) {
        stop(FLUSH_WAIT);
        sender = new RollbarSender(settings);
    }

    /** Queues the alert; never blocks, never throws. */
    public static void send(Alert alert) {
        RollbarSender s = sender;
        if (s != null) {
            s.offer(alert);
        }
    }

    /** Waits at most {@code wait} for the queued alerts to be posted, then stops reporting. */
    public static synchronized void stop(Duration wait) {
        RollbarSender s = sender;
        sender = null;
        if (s != null) {
            s.close(wait);
        }
    }
}
