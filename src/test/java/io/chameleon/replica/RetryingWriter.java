package io.chameleon.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An application writing {@link MixedWorkload} transactions on a thread of its own, that rides out
 * a server restart: a failed transaction is abandoned (MySQL keeps it or not, either way MySQL is
 * the truth the replica is compared with), and it reconnects and goes on.
 */
final class RetryingWriter implements AutoCloseable {
    /** Opens a connection to the source database. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener mysql;
    private final MixedWorkload workload;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean stop;

    RetryingWriter(Opener mysql, long seed, AtomicInteger nextId) {
        this.mysql = mysql;
        this.workload = new MixedWorkload(seed, nextId);
        this.thread = new Thread(this::write, "writer");
        thread.start();
    }

    long committed() {
        return committed.get();
    }

    /** Transactions that failed, most while the server was away. */
    long failed() {
        return failed.get();
    }

    /** Waits until {@code more} transactions beyond those committed now went through. */
    void awaitMore(long more) throws InterruptedException {
        long target = committed.get() + more;
        while (committed.get() < target) {
            if (!thread.isAlive()) {
                throw new AssertionError("the writer ended");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
    }

    private void write() {
        while (!stop) {
            try (Connection c = mysql.open()) {
                while (!stop) {
                    workload.transaction(c);
                    committed.incrementAndGet();
                }
            } catch (SQLException e) {
                failed.incrementAndGet();
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
