package io.chameleon.replica;

import io.chameleon.binlog.BatchBounds;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.binlog.TransactionSink;
import io.chameleon.mysql.BinlogPosition;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-over between the reader and the applier, bounded both in transactions and in
 * the estimated bytes of their row images: a full queue blocks the reader (back-pressure), so a
 * slow PostgreSQL slows the reader instead of filling memory. A transaction larger than the byte
 * bound on its own still goes in once the queue is empty. Once closed it refuses every further
 * transaction, so what the applier takes is always a gap-free prefix of the binlog: a refused
 * transaction is read again on the next start. Schema changes (DDL) queue in binlog order with the
 * transactions and are taken alone: a batch never reaches past one.
 */
final class TransactionQueue implements TransactionSink {
    /** A transaction, or a schema change when {@code change} is not null. */
    private record Queued(SourceTransaction transaction, SchemaChange change, long bytes) {
        /** Whether it ends at or before {@code limit} in the binlog (file and position); any limit when null. */
        boolean within(BinlogPosition limit) {
            return limit == null || (change == null ? transaction.end() : change.statement().end()).compareTo(limit) <= 0;
        }
    }

    private final int capacity;
    private final long maxBytes;
    private final BatchBounds batchBounds;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private long bytes;
    private boolean closed;

    /**
     * @param capacity the most transactions queued
     * @param maxBytes the most bytes of row images queued
     * @param batchBounds where {@link #nextBatch} closes a batch
     */
    TransactionQueue(int capacity, long maxBytes, BatchBounds batchBounds) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.batchBounds = batchBounds;
    }

    @Override
    public void accept(SourceTransaction transaction) throws InterruptedException {
        add(new Queued(transaction, null, transaction.heapBytes()));
    }

    /** Queues a schema change after the transactions read before it. */
    void acceptSchemaChange(SchemaChange change) throws InterruptedException {
        add(new Queued(null, change, 0));
    }

    /** The schema change at the head of the queue, taken; null when a transaction is first or nothing is queued. */
    SchemaChange pollSchemaChange() {
        return pollSchemaChange(null);
    }

    /** {@link #pollSchemaChange()}, leaving a change that ends past {@code limit} queued (a hold: see {@link ReplicaHolder}). */
    SchemaChange pollSchemaChange(BinlogPosition limit) {
        lock.lock();
        try {
            if (queue.isEmpty() || queue.peek().change() == null || !queue.peek().within(limit)) {
                return null;
            }
            notFull.signal();
            return queue.poll().change();
        } finally {
            lock.unlock();
        }
    }

    private void add(Queued item) throws InterruptedException {
        long size = item.bytes();
        lock.lockInterruptibly();
        try {
            while (!closed && !fits(size)) {
                notFull.await();
            }
            if (!closed) {
                queue.add(item);
                bytes += size;
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean fits(long size) {
        return queue.isEmpty() || (queue.size() < capacity && bytes + size <= maxBytes);
    }

    /** Refuses every transaction from now on and releases a reader waiting for room; those queued already can still be taken. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code idleWait} for a first transaction, then adds whole transactions while
     * more are queued, until the batch reaches the batch bounds or has been collecting for
     * {@code maxCollect}. Applying as soon as the queue runs dry keeps lag low; under load the
     * queue refills while a batch applies, so batches grow by themselves. A part of a transaction
     * larger than the bounds is a batch of its own: it is applied inside the transaction kept open
     * for its other parts, which holds nothing else. A batch ends before a schema change.
     *
     * @return the batch, empty when nothing arrived or a schema change is first ({@link #pollSchemaChange()})
     */
    List<SourceTransaction> nextBatch(Duration maxCollect, Duration idleWait) throws InterruptedException {
        return nextBatch(maxCollect, idleWait, null);
    }

    /**
     * {@link #nextBatch(Duration, Duration)} that ends before the first transaction past {@code limit}
     * (file and position), which stays queued: a batch split at a hold's point.
     */
    List<SourceTransaction> nextBatch(Duration maxCollect, Duration idleWait, BinlogPosition limit)
            throws InterruptedException {
        List<SourceTransaction> batch = new ArrayList<>();
        long deadline = System.nanoTime() + maxCollect.toNanos();
        lock.lockInterruptibly();
        try {
            long idle = idleWait.toNanos();
            while (queue.isEmpty() && idle > 0) {
                idle = notEmpty.awaitNanos(idle);
            }
            long rows = 0;
            long batchBytes = 0;
            while (!queue.isEmpty() && queue.peek().change() == null && queue.peek().within(limit)
                    && (batch.isEmpty() || canGrow(batch, rows, batchBytes, deadline))) {
                Queued next = queue.poll();
                batch.add(next.transaction());
                rows += next.transaction().changes().size();
                batchBytes += next.bytes();
                bytes -= next.bytes();
            }
            if (!batch.isEmpty()) {
                notFull.signal();
            }
        } finally {
            lock.unlock();
        }
        return batch;
    }

    /** Whether the first thing queued ends at or before {@code limit}: the applier has work within a hold. */
    boolean headWithin(BinlogPosition limit) {
        lock.lock();
        try {
            return !queue.isEmpty() && queue.peek().within(limit);
        } finally {
            lock.unlock();
        }
    }

    private boolean canGrow(List<SourceTransaction> batch, long rows, long batchBytes, long deadline) {
        return batch.get(0).whole() && queue.peek().transaction().whole() && !batchBounds.reached(rows, batchBytes)
                && System.nanoTime() < deadline;
    }
}
