package io.chameleon.failure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How often and after which pauses work that met a transient failure ({@link Failure#RETRY}) is
 * tried again: {@value #ATTEMPTS} attempts, pausing 1 s, doubling up to 30 s between them (about
 * three minutes in all, plus the time each attempt waited, for instance for a lock up to
 * lock_timeout). Each retry is logged at WARN with what failed and where. The last attempt is
 * left to the caller's own rules (on_error_replay); success starts the count afresh.
 *
 * <p>Not thread-safe: one per stage that retries.
 */
public final class TransientRetries {
    private static final Logger LOG = LoggerFactory.getLogger(TransientRetries.class);
    /** Attempts of one piece of work, the last one under on_error_replay. */
    public static final int ATTEMPTS = 10;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    /** How often a pause looks at stop requests. */
    private static final Duration STOP_CHECK = Duration.ofMillis(100);

    private final String source;
    private final Duration first;
    private int failures;

    /** @param source the source whose work this retries, named in each log line */
    public TransientRetries(String source) {
        this(source, FIRST_PAUSE);
    }

    TransientRetries(String source, Duration first) {
        this.source = source;
        this.first = first;
    }

    /**
     * Whether a transient failure is still tried again rather than handled as on_error_replay
     * says: false during the last attempt.
     */
    public boolean retrying() {
        return failures < ATTEMPTS - 1;
    }

    /**
     * Counts a failed attempt: the pause before the next one, logged at WARN with {@code what}
     * (what failed, naming the table and binlog position) and the next attempt's number; empty
     * when {@code failure} is not transient or the last attempt has failed. Only the first line of
     * {@code what} is logged: PostgreSQL's detail lines can quote other sessions' statements, with
     * their values.
     */
    public Optional<Duration> next(Throwable failure, String what) {
        if (!Failure.isTransient(failure) || failures >= ATTEMPTS - 1) {
            return Optional.empty();
        }
        failures++;
        Duration pause = pause(failures);
        LOG.warn("source {}: transient failure ({}): {}; attempt {} of {} in {} s{}", source, Failure.code(failure),
                firstLine(what),
                failures + 1, ATTEMPTS, pause.toSeconds(), retrying() ? ""
                        : " (the last: should it fail too, on_error_replay decides)");
        return Optional.of(pause);
    }

    /** The work went through: the next failure starts a new count. */
    public void succeeded() {
        if (failures > 0) {
            LOG.info("source {}: the work that failed transiently went through at attempt {}", source, failures + 1);
        }
        failures = 0;
    }

    /** Work that may fail with {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T call() throws E;
    }

    /**
     * Runs {@code work} until it succeeds, or fails with a failure that is not transient, or its
     * last attempt fails: that failure is thrown.
     *
     * @param what what the work does, naming its table, for the log
     * @param stopRequested ends a pause early; the failure is then thrown
     */
    @SuppressWarnings("unchecked") // work throws E or unchecked exceptions only
    public <T, E extends Exception> T run(String what, BooleanSupplier stopRequested, Work<T, E> work)
            throws E, InterruptedException {
        while (true) {
            try {
                T result = work.call();
                succeeded();
                return result;
            } catch (Exception e) {
                if (stopRequested.getAsBoolean()) {
                    throw (E) e; // a failure the stop caused, such as a cancelled statement
                }
                Optional<Duration> pause = next(e, what + " failed: " + e.getMessage());
                if (pause.isEmpty() || !sleep(pause.get(), stopRequested)) {
                    throw (E) e;
                }
            }
        }
    }

    /** Pauses, looking at {@code stopRequested}; false when a stop cut it short. */
    public static boolean sleep(Duration pause, BooleanSupplier stopRequested) throws InterruptedException {
        long deadline = System.nanoTime() + pause.toNanos();
        while (System.nanoTime() < deadline) {
            if (stopRequested.getAsBoolean()) {
                return false;
            }
            Thread.sleep(Math.min(STOP_CHECK.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        return !stopRequested.getAsBoolean();
    }

    private static String firstLine(String text) {
        int nl = text == null ? -1 : text.indexOf('\n');
        return nl < 0 ? String.valueOf(text) : text.substring(0, nl);
    }

    private Duration pause(int failure) {
        Duration pause = first;
        for (int i = 1; i < failure && pause.compareTo(LONGEST_PAUSE) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}
