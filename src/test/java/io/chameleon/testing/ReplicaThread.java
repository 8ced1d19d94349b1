package io.chameleon.testing;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.replica.ReplicaDaemon;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * start_replica --debug inside the test JVM: the fixture's source replicated by a {@link ReplicaDaemon}
 * on a thread of its own, its failure kept for the test to see.
 */
public final class ReplicaThread {
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final ReplicaFixture fx;
    private final ReplicaDaemon daemon;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    private ReplicaThread(ReplicaFixture fx, ReplicaDaemon daemon) {
        this.fx = fx;
        this.daemon = daemon;
        this.thread = new Thread(() -> {
            try {
                daemon.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "replica");
    }

    /** Prepares the daemon from the fixture's configuration file and starts it. */
    public static ReplicaThread start(ReplicaFixture fx) throws Exception {
        ChameleonConfig config = ConfigLoader.load(fx.configFile);
        ReplicaThread replica = new ReplicaThread(fx, ReplicaDaemon.prepare(config, config.source(fx.sourceName)));
        replica.thread.start();
        return replica;
    }

    /** Why the daemon ended by itself, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /** Waits until everything MySQL has written so far is applied; returns how long that took. */
    public Duration awaitCaughtUp(Duration timeout) throws Exception {
        try (Connection my = fx.mysql()) {
            return awaitApplied(ReplicaCatchUp.sourcePosition(my), timeout);
        }
    }

    /** Waits until {@code target} is applied (see {@link ReplicaCatchUp#awaitApplied}); returns how long that took. */
    public Duration awaitApplied(BinlogPosition target, Duration timeout) throws Exception {
        return ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, target, failure::get, timeout);
    }

    /**
     * Stops the daemon after its current batch, as SIGTERM does, and waits for it.
     *
     * @return why it failed, or null when it ran and stopped cleanly
     */
    public Throwable stop() throws InterruptedException {
        daemon.stop();
        if (!daemon.awaitFinished(STOP_WAIT)) {
            throw new AssertionError("the replica did not stop within " + STOP_WAIT.toSeconds() + " s");
        }
        thread.join();
        return failure.get();
    }
}
