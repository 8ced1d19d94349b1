package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL never shows part of a MySQL transaction: {@value #WRITERS} writer threads move money
 * between accounts ({@link Transfers}) while the replica streams with a batch size of a few
 * transactions, and a PostgreSQL reader checks, thousands of times, that the balances still add up
 * to the same total and the logged amounts to the ledger's. At the end both tables compare equal.
 */
class ReplicaAtomicityIT {
    private static final int WRITERS = 4;
    /** Transfers in all; the writers stop earlier once the reader has read {@value #MIN_READS} times. */
    private static final int MAX_TRANSFERS = 2000;
    /** Reads at the least; the reader goes on until the replica has caught up. */
    private static final int MIN_READS = 2000;
    /** Distinct states the reader must have seen: the replica applied batches while it watched. */
    private static final int MIN_STATES_SEEN = 20;

    @Test
    void aReaderOfPostgresqlNeverSeesHalfATransfer() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("atomicity", "    replica_batch_size: 10\n    sleep_loop: 1\n");
        fx.mysqlExec(Transfers.schema());
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");

        RunningReplica replica = RunningReplica.start(fx);
        SumsReader reader = new SumsReader(fx);
        Thread readerThread = new Thread(reader, "sums-reader");
        readerThread.start();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        AtomicInteger transfersDone = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Transfers transfers = new Transfers(w);
            writers.add(new Thread(() -> {
                try (Connection my = fx.mysql()) {
                    while (reader.reads() < MIN_READS && reader.failure() == null
                            && transfersDone.incrementAndGet() <= MAX_TRANSFERS) {
                        transfers.move(my);
                    }
                } catch (Throwable e) {
                    writerFailure.set(e);
                }
            }, "transfers-" + w));
        }
        writers.forEach(Thread::start);
        try {
            for (Thread w : writers) {
                w.join();
            }
            assertThat(writerFailure.get()).isNull();
            int readsWhileWriting = reader.reads();
            Duration catchUp = replica.awaitCaughtUp(Duration.ofSeconds(120));
            reader.stopAfter(MIN_READS);
            readerThread.join();
            System.out.printf("ReplicaAtomicityIT: %d transfers, %d reads while writing, %d in all, %d distinct states seen,"
                    + " caught up %d ms after the last transfer%n", Math.min(transfersDone.get(), MAX_TRANSFERS),
                    readsWhileWriting, reader.reads(), reader.statesSeen(), catchUp.toMillis());
        } finally {
            reader.stopAfter(0); // at once when something failed
            readerThread.join();
            replica.stop();
        }

        assertThat(replica.failure()).isNull();
        assertThat(reader.failure()).isNull();
        assertThat(reader.violations()).as("reads that saw part of a transaction").isEmpty();
        assertThat(reader.reads()).isGreaterThanOrEqualTo(MIN_READS);
        assertThat(reader.statesSeen()).isGreaterThanOrEqualTo(MIN_STATES_SEEN);
        try (Connection my = fx.mysql()) {
            List<BigDecimal> mysqlSums = SumsReader.sums(my, fx.mysqlSchema);
            assertThat(SumsReader.violation(mysqlSums)).as("the sums in MySQL").isNull();
        }
        assertThat(fx.diff("accounts")).isEmpty();
        assertThat(fx.diff("ledger")).isEmpty();
    }

    /** Reads the sums from PostgreSQL in one statement, so from one snapshot, until stopped. */
    private static final class SumsReader implements Runnable {
        private final ReplicaFixture fx;
        private final List<String> violations = new ArrayList<>();
        private final Set<List<BigDecimal>> states = new HashSet<>();
        private volatile int reads;
        private volatile int stopAfterReads = Integer.MAX_VALUE;
        private volatile Throwable failure;

        SumsReader(ReplicaFixture fx) {
            this.fx = fx;
        }

        /** Balances, logged amounts, ledger amounts and ledger rows, as one statement sees them. */
        static List<BigDecimal> sums(Connection c, String schema) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (SELECT sum(balance) FROM "
                    + schema + ".accounts), (SELECT sum(logged) FROM " + schema + ".accounts), (SELECT coalesce(sum(amount), 0)"
                    + " FROM " + schema + ".ledger), (SELECT count(*) FROM " + schema + ".ledger)")) {
                rs.next();
                return List.of(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4));
            }
        }

        /** What is wrong with these sums, or null when they hold. */
        static String violation(List<BigDecimal> sums) {
            if (sums.get(0).compareTo(Transfers.TOTAL) == 0 && sums.get(1).compareTo(sums.get(2)) == 0) {
                return null;
            }
            return "balances " + sums.get(0) + " (total " + Transfers.TOTAL + "), logged " + sums.get(1) + ", ledger "
                    + sums.get(2) + " in " + sums.get(3) + " rows";
        }

        @Override
        public void run() {
            try (Connection pg = fx.pg()) {
                while (reads < stopAfterReads) {
                    List<BigDecimal> sums = sums(pg, fx.pgSchema);
                    String violation = violation(sums);
                    if (violation != null) {
                        violations.add("read " + reads + ": " + violation);
                    }
                    states.add(sums);
                    reads++;
                }
            } catch (Throwable e) {
                failure = e;
            }
        }

        int reads() {
            return reads;
        }

        Throwable failure() {
            return failure;
        }

        /** Stops once it has read this many times in all. */
        void stopAfter(int reads) {
            stopAfterReads = reads;
        }

        /** After the reader thread has ended. */
        List<String> violations() {
            return violations;
        }

        /** After the reader thread has ended. */
        int statesSeen() {
            return states.size();
        }
    }
}
