package io.chameleon.alert;

import java.time.Duration;

/**
 * This process's alerts. Commands give the settings once the configuration is read and it has a
 * Rollbar key and environment; the places that see an event call {@link #send} whatever the
 * configuration, which does nothing without settings (Rollbar is not configured, or a test runs a
 * stage of the pipeline without a command). The sender and its thread start with the first alert,
 * so commands that report nothing start nothing. One configuration per process, as a command runs.
 */
public final class Alerts {
    /** How long the end of a command waits for its alerts to be posted. */
    public static final Duration FLUSH_WAIT = RollbarSender.REQUEST_TIMEOUT;

    private static RollbarSettings settings;
    private static RollbarSender sender;

    private Alerts() {}

    /** Reports to Rollbar from now on, replacing the settings of an earlier configuration. */
    public static void start(RollbarSettings rollbar) {
        stop(FLUSH_WAIT);
        synchronized (Alerts.class) {
            settings = rollbar;
        }
    }

    /** Queues the alert; never blocks on Rollbar, never throws. */
    public static void send(Alert alert) {
        RollbarSender s = sender(alert);
        if (s != null) {
            s.offer(alert);
        }
    }

    private static synchronized RollbarSender sender(Alert alert) {
        if (sender == null && settings != null && alert.level().within(settings.most())) {
            sender = new RollbarSender(settings);
        }
        return sender;
    }

    /** Waits at most {@code wait} for the queued alerts to be posted, then stops reporting; alerts sent meanwhile go nowhere. */
    public static void stop(Duration wait) {
        RollbarSender s;
        synchronized (Alerts.class) {
            s = sender;
            sender = null;
            settings = null;
        }
        if (s != null) {
            s.close(wait);
        }
    }
}
