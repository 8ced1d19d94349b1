package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread writing {@link MixedWorkload} transactions to MySQL until finished, every
 * {@value #BIG_EVERY}th one an insert of {@value #BIG_ROWS} rows, larger than the tests' batch size.
 */
final class WorkloadWriter implements AutoCloseable {
    private static final int BIG_EVERY = 100;
    private static final int BIG_ROWS = 120;
    /** Between transactions: a steady load (at most 200 a second) a replica on a busy two-core machine can follow. */
    private static final int PAUSE_MILLIS = 5;

    private final AtomicLong transactions = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final MixedWorkload workload;
    private final Thread thread;
    private volatile boolean stopRequested;

    private WorkloadWriter(ReplicaFixture fx, MixedWorkload workload) {
        this.workload = workload;
        thread = new Thread(() -> write(fx), "workload-writer");
    }

    static WorkloadWriter start(ReplicaFixture fx, MixedWorkload workload) {
        WorkloadWriter writer = new WorkloadWriter(fx, workload);
        writer.thread.start();
        return writer;
    }

    private void write(ReplicaFixture fx) {
        try (Connection my = fx.mysql()) {
            while (!stopRequested) {
                if (transactions.incrementAndGet() % BIG_EVERY == 0) {
                    workload.bigInsert(my, BIG_ROWS);
                } else {
                    workload.transaction(my);
                }
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    /** Transactions committed so far. */
    long transactions() {
        return transactions.get();
    }

    /** The rows the committed transactions changed; call it after {@link #finish()}. */
    long rowChanges() {
        return workload.committedRowChanges();
    }

    /** Stops writing after the current transaction; fails if the writer failed. */
    void finish() throws InterruptedException {
        close();
        if (failure.get() != null) {
            throw new AssertionError("the workload writer failed after " + transactions() + " transactions", failure.get());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopRequested = true;
        thread.join();
    }
}
