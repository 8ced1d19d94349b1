package io.chameleon.replica;

import io.chameleon.catalog.ReplicaHold;
import io.chameleon.catalog.ReplicaHolds;
import io.chameleon.mysql.BinlogPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The replica's side of compare's hold (catalogue table replica_holds). Between batches the
 * applier asks it how far it may apply. Once a request is seen, the limit is where the reader
 * was then: compare's MySQL snapshot, opened after that, can only be later. Once compare writes
 * the snapshot's point, the limit is that point; when everything up to it is applied and committed
 * the hold is recorded as held, and nothing more is applied until compare releases it or the
 * request's timeout passes (compare went away).
 */
final class ReplicaHolder {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaHolder.class);
    /** How often the catalogue is asked for a new request while there is none. */
    private static final long CHECK_NANOS = Duration.ofMillis(100).toNanos();
    /** How long the applier sleeps between looks while it waits within a hold. */
    private static final long WAIT_MILLIS = 2;

    private final ReplicaHolds holds;
    private final int sourceId;
    private final String sourceName;
    private ReplicaHold hold;
    private BinlogPosition seenLimit;
    private long seenNanos;
    private long lastCheck = System.nanoTime() - CHECK_NANOS;
    private boolean paused;
    private boolean held;

    ReplicaHolder(ReplicaHolds holds, int sourceId, String sourceName) {
        this.holds = holds;
        this.sourceId = sourceId;
        this.sourceName = sourceName;
    }

    /** A hold asked of an earlier run of the replica is over: that run's state is gone. */
    void endEarlierHold() throws SQLException {
        holds.resumed(sourceId, "restarted");
    }

    /** The replica stops: a hold being served ends with it, so compare is told at once rather than at its timeout. */
    void endOnStop() throws SQLException {
        if (hold != null) {
            resume("the replica stopped");
        }
    }

    /** Whether a hold is being served: the applier then looks again at once instead of waiting for transactions. */
    boolean active() {
        return hold != null;
    }

    /**
     * How far the applier may apply now: null when no hold is asked.
     *
     * @param applied the applier's last committed position
     * @param readUpTo the end of the last event the reader has read (null before the first)
     * @param workWithin whether something queued ends at or before the given position
     */
    BinlogPosition limit(BinlogPosition applied, BinlogPosition readUpTo, Predicate<BinlogPosition> workWithin)
            throws SQLException, InterruptedException {
        long now = System.nanoTime();
        if (hold == null) {
            if (now - lastCheck < CHECK_NANOS) {
                return null;
            }
            lastCheck = now;
            hold = holds.active(sourceId);
            if (hold == null) {
                return null;
            }
            seenLimit = readUpTo != null && (applied == null || readUpTo.compareTo(applied) > 0) ? readUpTo : applied;
            seenNanos = now;
            paused = false;
            held = false;
            holds.seen(sourceId, seenLimit);
            LOG.info("source {}: compare asks the replica to hold; it applies up to {} meanwhile", sourceName, seenLimit);
        } else {
            hold = holds.active(sourceId);
            if (hold == null) {
                return null; // ended by someone else (a restarted replica of the same source would be refused)
            }
        }
        if (hold.releasedAt() != null) {
            return resume("released");
        }
        if (now - seenNanos > hold.timeout().toNanos()) {
            LOG.warn("source {}: compare asked the replica to hold and did not release it within {} s; the replica"
                    + " goes on", sourceName, hold.timeout().toSeconds());
            return resume("timeout");
        }
        BinlogPosition target = hold.target();
        BinlogPosition limit = target != null ? target : seenLimit;
        if (target != null && applied != null && applied.compareTo(target) > 0) {
            LOG.error("source {}: compare's snapshot at {} is behind the applied position {}: the replica cannot hold"
                    + " there", sourceName, target, applied);
            return resume("passed the target");
        }
        if (workWithin.test(limit)) {
            return limit;
        }
        if (!paused) {
            holds.paused(sourceId);
            paused = true;
        }
        if (target != null && !held && reached(target, applied, readUpTo)) {
            holds.held(sourceId);
            held = true;
            LOG.info("source {}: the replica holds at {}", sourceName, target);
        }
        Thread.sleep(WAIT_MILLIS);
        return limit;
    }

    /** Everything up to the target is applied: the applier is there, or the reader read past it and nothing within is left. */
    private static boolean reached(BinlogPosition target, BinlogPosition applied, BinlogPosition readUpTo) {
        return (applied != null && applied.compareTo(target) >= 0) || (readUpTo != null && readUpTo.compareTo(target) >= 0);
    }

    private BinlogPosition resume(String why) throws SQLException {
        holds.resumed(sourceId, why);
        ReplicaHold done = holds.get(sourceId);
        LOG.info("source {}: the replica goes on ({}); paused {}", sourceName, why,
                done == null || done.pause() == null ? "not at all" : done.pause().toMillis() + " ms");
        hold = null;
        lastCheck = System.nanoTime();
        return null;
    }
}
