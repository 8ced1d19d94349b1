package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;

import java.time.Duration;
import java.time.Instant;

/**
 * A hold of a source's replica as the catalogue holds it (table replica_holds): asked by compare,
 * answered step by step by the replica.
 *
 * @param limit where the replica's reader was when it saw the request: it applies up to there until the target is known
 * @param target the binlog point compare's MySQL snapshot is at: the replica applies up to it exactly
 * @param pausedAt when the replica first waited for the hold
 * @param heldAt when the replica had applied exactly up to the target
 * @param resumedWhy released, timeout, restarted, the replica stopped, or passed the target
 */
public record ReplicaHold(Instant requestedAt, Duration timeout, Instant seenAt, BinlogPosition limit,
        BinlogPosition target, Instant pausedAt, Instant heldAt, Instant releasedAt, Instant resumedAt,
        String resumedWhy) {

    /** The replica's pause, from its first wait to its resume; null while it has not resumed or never waited. */
    public Duration pause() {
        return pausedAt == null || resumedAt == null ? null : Duration.between(pausedAt, resumedAt);
    }
}
