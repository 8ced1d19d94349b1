package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;

import java.sql.Connection;
import java.sql.SQLException;
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

    /** After a failed transaction, before the writer connects again (when it rides out outages). */
    private static final int RECONNECT_PAUSE_MILLIS = 100;

    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final MixedWorkload workload;
    private final boolean ridesOutOutages;
    private final Thread thread;
    private volatile boolean stopRequested;

    private WorkloadWriter(ReplicaFixture fx, MixedWorkload workload, boolean ridesOutOutages) {
        this.workload = workload;
        this.ridesOutOutages = ridesOutOutages;
        thread = new Thread(() -> write(fx), "workload-writer");
    }

    static WorkloadWriter start(ReplicaFixture fx, MixedWorkload workload) {
        return start(new WorkloadWriter(fx, workload, false));
    }

    /**
     * A writer that rides out a restart of the MySQL server, as an application would: a transaction
     * that fails is given up (MySQL kept it or not: MySQL is what the replica is compared with), and
     * the writer connects again and goes on.
     */
    static WorkloadWriter startRidingOutOutages(ReplicaFixture fx, MixedWorkload workload) {
        return start(new WorkloadWriter(fx, workload, true));
    }

    private static WorkloadWriter start(WorkloadWriter writer) {
        writer.thread.start();
        return writer;
    }

    private void write(ReplicaFixture fx) {
        try {
            while (!stopRequested) {
                try (Connection my = fx.mysql()) {
                    writeUntilStopped(my);
                } catch (SQLException e) {
                    if (!ridesOutOutages) {
                        throw e;
                    }
                    failed.incrementAndGet();
                    Thread.sleep(RECONNECT_PAUSE_MILLIS);
                }
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private void writeUntilStopped(Connection my) throws SQLException, InterruptedException {
        while (!stopRequested) {
            if (attempts.incrementAndGet() % BIG_EVERY == 0) {
                workload.bigInsert(my, BIG_ROWS);
            } else {
                workload.transaction(my);
            }
            transactions.incrementAndGet();
            Thread.sleep(PAUSE_MILLIS);
        }
    }

    /** Transactions committed so far. */
    long transactions() {
        return transactions.get();
    }

    /** Transactions that failed, most while the server was away (when it rides out outages). */
    long failed() {
        return failed.get();
    }

    /** Waits until {@code more} transactions beyond those committed now went through. */
    void awaitMore(long more) throws InterruptedException {
        long target = transactions() + more;
        while (transactions() < target) {
            if (!thread.isAlive()) {
                throw new AssertionError("the workload writer ended", failure.get());
            }
            Thread.sleep(20);
        }
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
