package io.chameleon.replica;

import io.chameleon.binlog.SourceTransaction;
import io.chameleon.binlog.TransactionSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded hand-over between the reader and the applier. A full queue blocks the reader
 * (back-pressure). Once closed it refuses every further transaction, so what the applier takes is
 * always a gap-free prefix of the binlog: a refused transaction is read again on the next start.
 */
final class TransactionQueue implements TransactionSink {
    private static final long OFFER_WAIT_MILLIS = 100;

    private final BlockingQueue<SourceTransaction> queue;
    private volatile boolean closed;

    TransactionQueue(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void accept(SourceTransaction transaction) throws InterruptedException {
        while (!closed) {
            if (queue.offer(transaction, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** Refuses every transaction from now on; those queued already can still be taken. */
    void close() {
        closed = true;
    }

    /**
     * Waits up to {@code idleWait} for a first transaction, then adds whole transactions while
     * more are queued, until the batch has {@code maxRows} row changes or has been collecting for
     * {@code maxCollect}. Applying as soon as the queue runs dry keeps lag low; under load the
     * queue refills while a batch applies, so batches grow by themselves.
     *
     * @return the batch, empty when nothing arrived
     */
    List<SourceTransaction> nextBatch(int maxRows, Duration maxCollect, Duration idleWait) throws InterruptedException {
        List<SourceTransaction> batch = new ArrayList<>();
        SourceTransaction first = queue.poll(idleWait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long rows = first.changes().size();
        long deadline = System.nanoTime() + maxCollect.toNanos();
        while (rows < maxRows && System.nanoTime() < deadline) {
            SourceTransaction next = queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            rows += next.changes().size();
        }
        return batch;
    }
}
