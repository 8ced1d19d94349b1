package io.chameleon.pgsource;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.chameleon.pgsource.PgSourceIT.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers between two tables, each journalled in a third, committed while init_replica copies:
 * the copy holds the same set of transactions in all three tables because every worker reads in
 * the one exported snapshot.
 */
class PgSourceConsistencyIT {
    private static final int ROWS = 300_000;
    private static final long START_AMOUNT = 1000;

    @Test
    void transactionsCommittedDuringTheCopyAreInAllTablesOrInNone() throws Exception {
        PgSourceFixture fx = PgSourceFixture.create("    copy_workers: 3\n");
        fx.sourceExec(transferTables(ROWS));
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "pg1");

        long[] around = new long[2];
        PgSourceFixture.Run init = duringTransfers(fx::source, ROWS, around, () -> fx.ok("init_replica", "--source", "pg1"));
        long before = around[0];
        long after = around[1];

        assertThat(after - before).as("transfers committed during the copy").isGreaterThan(20);
        assertThat(init.out()).contains("in 9 chunks").contains("consistent: every table read in snapshot");
        try (Connection t = fx.target()) {
            assertBalanced(t, ROWS);
            long transfers = Long.parseLong(strings(t, "SELECT count(*) FROM dst.journal WHERE amount > 0").get(0));
            assertThat(transfers).as("transfers in the copy").isBetween(before, after);
        }
    }

    /**
     * Runs {@code copy} while three writers transfer on {@code source}, from their 50th transfer on;
     * {@code around} gets the transfers committed before and after it.
     */
    static <T> T duringTransfers(Callable<Connection> source, long rows, long[] around, Callable<T> copy)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread w = new Thread(() -> transfer(source, rows, stop, committed));
            w.start();
            writers.add(w);
        }
        try {
            while (committed.get() < 50) {
                Thread.sleep(10);
            }
            around[0] = committed.get();
            T result = copy.call();
            around[1] = committed.get();
            return result;
        } finally {
            stop.set(true);
            for (Thread w : writers) {
                w.join();
            }
        }
    }

    /** src.a and src.b with {@code rows} rows each, and a journal row for each pair. */
    static String[] transferTables(long rows) {
        return new String[] {"CREATE SCHEMA src",
                "CREATE TABLE src.a (id bigint PRIMARY KEY, amount bigint NOT NULL, pad text)",
                "CREATE TABLE src.b (id bigint PRIMARY KEY, amount bigint NOT NULL, pad text)",
                "CREATE TABLE src.journal (id bigserial PRIMARY KEY, a_id bigint, b_id bigint, amount bigint, pad text)",
                "INSERT INTO src.a SELECT g, " + START_AMOUNT + ", repeat('a', 100) FROM generate_series(1, " + rows + ") g",
                "INSERT INTO src.b SELECT g, " + START_AMOUNT + ", repeat('b', 100) FROM generate_series(1, " + rows + ") g",
                "INSERT INTO src.journal (a_id, b_id, amount, pad) SELECT g, g, 0, repeat('j', 100)"
                        + " FROM generate_series(1, " + rows + ") g",
                "ANALYZE src.a", "ANALYZE src.b", "ANALYZE src.journal"};
    }

    /** The copy holds every transfer in all three tables or in none: the money adds up and matches the journal. */
    static void assertBalanced(Connection t, long rows) throws Exception {
        assertThat(strings(t, "SELECT (SELECT sum(amount) FROM dst.a) + (SELECT sum(amount) FROM dst.b)"))
                .containsExactly(String.valueOf(2L * rows * START_AMOUNT));
        assertThat(strings(t, "SELECT (SELECT sum(amount) FROM dst.b) - " + rows * START_AMOUNT
                + " = (SELECT sum(amount) FROM dst.journal)")).containsExactly("t");
    }

    /** Moves random amounts from src.a to src.b, each journalled, one transaction a transfer, until {@code stop}. */
    private static void transfer(Callable<Connection> source, long rows, AtomicBoolean stop, AtomicLong committed) {
        try (Connection c = source.call()) {
            c.setAutoCommit(false);
            try (PreparedStatement from = c.prepareStatement("UPDATE src.a SET amount = amount - ? WHERE id = ?");
                    PreparedStatement to = c.prepareStatement("UPDATE src.b SET amount = amount + ? WHERE id = ?");
                    PreparedStatement journal = c.prepareStatement("INSERT INTO src.journal (a_id, b_id, amount)"
                            + " VALUES (?, ?, ?)")) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    long a = random.nextLong(1, rows + 1);
                    long b = random.nextLong(1, rows + 1);
                    long amount = random.nextLong(1, 10);
                    from.setLong(1, amount);
                    from.setLong(2, a);
                    from.executeUpdate();
                    to.setLong(1, amount);
                    to.setLong(2, b);
                    to.executeUpdate();
                    journal.setLong(1, a);
                    journal.setLong(2, b);
                    journal.setLong(3, amount);
                    journal.executeUpdate();
                    c.commit();
                    committed.incrementAndGet();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
