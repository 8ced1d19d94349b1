package io.chameleon.replica;

import io.chameleon.binlog.BatchBounds;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.binlog.TransactionSink;

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
 * transaction is read again on the next start.
 */
final class TransactionQueue implements TransactionSink {
    private record Queued(SourceTransaction transaction, long bytes) {}

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
        long size = transaction.heapBytes();
        lock.lockInterruptibly();
        try {
            while (!closed && !fits(size)) {
                notFull.await();
            }
            if (!closed) {
                queue.add(new Queued(transaction, size));
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
     * for its other parts, which holds nothing else.
     *
     * @return the batch, empty when nothing arrived
     */
    List<SourceTransaction> nextBatch(Duration maxCollect, Duration idleWait) throws InterruptedException {
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
            while (!queue.isEmpty() && (batch.isEmpty() || canGrow(batch, rows, batchBytes, deadline))) {
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

    private boolean canGrow(List<SourceTransaction> batch, long rows, long batchBytes, long deadline) {
        return batch.get(0).whole() && queue.peek().transaction().whole() && !batchBounds.reached(rows, batchBytes)
                && System.nanoTime() < deadline;
    }
}
