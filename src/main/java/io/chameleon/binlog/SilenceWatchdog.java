package io.chameleon.binlog;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Declares a binlog connection dead when nothing, not even a heartbeat, arrived for a while: a
 * server that vanished without closing the connection (a cut network, a frozen host) otherwise
 * leaves the reader waiting forever. Time the reader spends handing a transaction on (a full
 * queue) is not silence. Runs on a daemon thread of its own and fires at most once.
 */
final class SilenceWatchdog {
    private final Duration limit;
    private final BooleanSupplier connected;
    private final Runnable onSilence;
    private final Thread thread;
    private volatile long lastSign = System.nanoTime();
    private volatile boolean delivering;

    /** @param onSilence called on the watchdog's thread once {@code limit} passed without a sign of life */
    SilenceWatchdog(String threadName, Duration limit, BooleanSupplier connected, Runnable onSilence) {
        this.limit = limit;
        this.connected = connected;
        this.onSilence = onSilence;
        this.thread = new Thread(this::watch, threadName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** An event arrived and is being handed on. */
    void delivering() {
        delivering = true;
    }

    /** A sign of life: connected, or an event handed on. */
    void alive() {
        lastSign = System.nanoTime();
        delivering = false;
    }

    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    private void watch() {
        long checkEvery = Math.max(100, limit.toMillis() / 15);
        try {
            while (true) {
                Thread.sleep(checkEvery);
                if (connected.getAsBoolean() && !delivering && System.nanoTime() - lastSign > limit.toNanos()) {
                    onSilence.run();
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            // stop() or the reader ended
        }
    }
}
