package io.chameleon.replica;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.testing.ReplicaFixture;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A fixture's replica daemon running in a thread of the test's JVM, until {@link #stop()}. */
final class RunningReplica {
    private final ReplicaDaemon daemon;
    private final Thread thread;

    private RunningReplica(ReplicaDaemon daemon, AtomicReference<Throwable> failure) {
        this.daemon = daemon;
        this.thread = new Thread(() -> {
            try {
                daemon.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "replica");
    }

    /**
     * Prepares the daemon of the fixture's source and starts it.
     *
     * @param failure where the daemon's failure goes; the test may share it with threads of its own
     */
    static RunningReplica start(ReplicaFixture fx, AtomicReference<Throwable> failure) throws Exception {
        ChameleonConfig config = ConfigLoader.load(fx.configFile);
        RunningReplica replica = new RunningReplica(ReplicaDaemon.prepare(config, config.source(fx.sourceName)), failure);
        replica.thread.start();
        return replica;
    }

    /** Stops the daemon after its current batch and waits for it. */
    void stop() throws InterruptedException {
        daemon.stop();
        assertThat(daemon.awaitFinished(Duration.ofSeconds(30))).as("the replica stops within 30 s").isTrue();
        thread.join();
    }
}
