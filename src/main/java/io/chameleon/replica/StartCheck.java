package io.chameleon.replica;

import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceTransition;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * Whether a source may start replicating, checked before any work so a refusal comes at once; the
 * lease taken when the replica runs is what decides ({@link SourceTransition#START_REPLICA}).
 */
final class StartCheck {
    private StartCheck() {}

    /** @throws ReplicaRefused naming the state and what to do */
    static void requireStartable(SourceRecord source) throws UnknownHostException {
        SourceTransition.START_REPLICA.refusalFor(source, InetAddress.getLocalHost().getHostName(), Instant.now())
                .ifPresent(line -> {
                    throw new ReplicaRefused(line);
                });
        if (source.applied() == null) {
            throw new ReplicaRefused("source " + source.name() + " has no binlog position to start from; run init_replica --source "
                    + source.name() + " first");
        }
    }
}
