package io.chameleon.replica;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A fixture's replica daemon running in a thread of the test's JVM, as start_replica --debug runs it, until {@link #stop()}. */
final class RunningReplica {
    private final ReplicaFixture fx;
    private final ReplicaDaemon daemon;
    private final AtomicReference<Throwable> failure;
    private final Thread thread;

    private RunningReplica(ReplicaFixture fx, ReplicaDaemon daemon, AtomicReference<Throwable> failure) {
        this.fx = fx;
        this.daemon = daemon;
        this.failure = failure;
        this.thread = new Thread(() -> {
            try {
                daemon.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "replica");
    }

    /** Prepares the daemon of the fixture's source and starts it. */
    static RunningReplica start(ReplicaFixture fx) throws Exception {
        return start(fx, new AtomicReference<>());
    }

    /**
     * Prepares the daemon of the fixture's source and starts it.
     *
     * @param failure where the daemon's failure goes; the test may share it with threads of its own
     */
    static RunningReplica start(ReplicaFixture fx, AtomicReference<Throwable> failure) throws Exception {
        ChameleonConfig config = ConfigLoader.load(fx.configFile);
        RunningReplica replica = new RunningReplica(fx, ReplicaDaemon.prepare(config, config.source(fx.sourceName)),
                failure);
        replica.thread.start();
        return replica;
    }

    /** Starts the replica, waits until it has applied everything MySQL has written, stops it; it must not have failed. */
    static void catchUpOnce(ReplicaFixture fx) throws Exception {
        RunningReplica replica = start(fx);
        try {
            replica.awaitCaughtUp(Duration.ofSeconds(60));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
    }

    /** The first failure reported, or null. */
    Throwable failure() {
        return failure.get();
    }

    /** Waits until everything MySQL has written so far is applied; returns how long that took. */
    Duration awaitCaughtUp(Duration timeout) throws Exception {
        try (Connection my = fx.mysql()) {
            return awaitApplied(ReplicaCatchUp.sourcePosition(my), timeout);
        }
    }

    /** Waits until {@code target} is applied (see {@link ReplicaCatchUp#awaitApplied}); returns how long that took. */
    Duration awaitApplied(BinlogPosition target, Duration timeout) throws Exception {
        return ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, target, failure::get, timeout);
    }

    /** Waits for the daemon to end by itself (a failure); true when it did within the time. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return !thread.isAlive();
    }

    /** Stops the daemon after its current batch, as SIGTERM does, and waits for it. */
    void stop() throws InterruptedException {
        daemon.stop();
        assertThat(daemon.awaitFinished(Duration.ofSeconds(30))).as("the replica stops within 30 s").isTrue();
        thread.join();
    }
}
