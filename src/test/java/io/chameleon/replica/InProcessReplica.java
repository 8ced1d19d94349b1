package io.chameleon.replica;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.testing.ReplicaFixture;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link ReplicaDaemon} of a fixture's source running on a thread of this JVM, as start_replica runs it. */
final class InProcessReplica {
    private final ReplicaDaemon daemon;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private InProcessReplica(ReplicaDaemon daemon) {
        this.daemon = daemon;
        this.thread = new Thread(() -> {
            try {
                daemon.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "replica");
    }

    static InProcessReplica start(ReplicaFixture fx) throws Exception {
        ChameleonConfig config = ConfigLoader.load(fx.configFile);
        InProcessReplica replica = new InProcessReplica(ReplicaDaemon.prepare(config, config.source(fx.sourceName)));
        replica.thread.start();
        return replica;
    }

    /** What ended the daemon, or null while it runs or after a clean stop. */
    Throwable failure() {
        return failure.get();
    }

    /** Waits for the daemon to end by itself; true when it did within the time. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return !thread.isAlive();
    }

    /** Asks the daemon to stop after its current batch; true when it ended within the time. */
    boolean stop(Duration timeout) throws InterruptedException {
        daemon.stop();
        return awaitEnd(timeout);
    }
}
