package io.chameleon.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * The process working on a source, as the catalogue names it.
 *
 * @param leaseToken its lease, or null for a process recorded by a build without leases
 * @param leaseExpiresAt when its lease lapses unless renewed; null with {@code leaseToken}
 */
public record SourceHolder(long pid, String host, Instant since, UUID leaseToken, Instant leaseExpiresAt) {
    /** {@code host:pid since T (lease until T2)}, for the lines that name it. */
    public String describe() {
        return host + ":" + pid + " since " + since + (leaseExpiresAt == null ? "" : " (lease until " + leaseExpiresAt + ")");
    }

    /** Whether this is a process on {@code localHost} that no longer runs: its lease may be taken over at once. */
    public boolean deadOn(String localHost) {
        return localHost.equals(host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}
