package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.SourceSql;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One MySQL transaction of about 340,000 row changes, some 200 MiB of row images, through
 * start_replica in a JVM with a 64 MiB heap: it cannot be held whole, so it is applied in parts
 * inside one PostgreSQL transaction. The first replica is killed (SIGKILL) while the parts apply:
 * nothing is committed and the position stays before the transaction. The second reads it again
 * from there and commits it. All along, a PostgreSQL session polling the table sees the rows of
 * either none or all of the transaction, and at the end both sides are equal value by value.
 */
class BigTransactionIT {
    private static final String HEAP = "-Xmx64m";
    private static final int INSERTS = 300_000;
    private static final Pattern PARTS = Pattern.compile("a transaction of (\\d+) row changes was applied in (\\d+) parts");

    @Test
    void aTransactionLargerThanTheHeapIsCommittedWholeOrNotAtAll() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("bigtx");
        fx.mysqlExec("CREATE TABLE big (id INT PRIMARY KEY, grp INT NOT NULL, payload VARCHAR(600) NOT NULL)",
                "INSERT INTO big SELECT seq, 0, REPEAT('a', 500) FROM " + SourceSql.seq(1000));
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        assertCommittedWholeOrNotAtAll(fx, BigTransactionIT::bigTransaction);
    }

    /** Writes a transaction on table {@code big} and returns what the poller will see once it is applied. */
    interface BigTransaction {
        String commit(ReplicaFixture fx) throws SQLException;
    }

    /**
     * The test on a fixture with table {@code big (id, grp, payload)} initialised, for a transaction
     * {@code transaction} writes (also {@code MysqlCompressedTransactionsIT}'s, compressed).
     */
    static void assertCommittedWholeOrNotAtAll(ReplicaFixture fx, BigTransaction transaction) throws Exception {
        BinlogPosition beforeTransaction = applied(fx);

        try (TablePoller poller = new TablePoller(fx)) {
            String before = poller.awaitFirst();
            Process first = startReplica(fx, "first");
            String after = transaction.commit(fx);

            poller.awaitPartsApplying(first);
            first.destroyForcibly(); // SIGKILL while the parts apply, before the last one
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(applied(fx)).as("the position after the kill").isEqualTo(beforeTransaction);
            assertThat(poller.now()).as("the rows after the kill").isEqualTo(before);

            Process second = startReplica(fx, "second");
            try (Connection my = fx.mysql()) {
                ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my),
                        () -> second.isAlive() ? null : new AssertionError("the replica ended, see " + logFile(fx, "second")),
                        Duration.ofMinutes(5));
            } finally {
                second.destroy();
                second.waitFor(60, TimeUnit.SECONDS);
            }
            poller.awaitSeen(after);
            assertThat(poller.seen()).as("what the PostgreSQL session saw (rows, rows of group 2)")
                    .containsExactlyInAnyOrder(before, after);
        }
        Matcher parts = PARTS.matcher(log(fx, "second"));
        assertThat(parts.find()).as("the applier's log line about the parts").isTrue();
        assertThat(Integer.parseInt(parts.group(2))).isGreaterThan(10);
        assertThat(fx.diff("big")).isEmpty();
    }

    /**
     * Inserts, updates (of rows it inserted and of rows copied before), key changes and deletes in
     * one MySQL transaction; returns what the poller will see once it is applied.
     */
    private static String bigTransaction(ReplicaFixture fx) throws SQLException {
        try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
            my.setAutoCommit(false);
            s.execute("INSERT INTO big SELECT seq, 1, REPEAT(CHAR(65 + seq % 26), 500) FROM "
                    + SourceSql.seq(1001, INSERTS + 1000));
            s.execute("UPDATE big SET grp = 2, payload = CONCAT(payload, 'u') WHERE id % 10 = 0");
            s.execute("UPDATE big SET id = id + 1000000 WHERE id % 97 = 0");
            s.execute("DELETE FROM big WHERE id % 89 = 0");
            my.commit();
            return rowsAndGroupTwo(s);
        }
    }

    /** The rows of {@code big} and those of group 2, as the poller reads them. */
    static String rowsAndGroupTwo(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*), sum(grp = 2) FROM big")) {
            rs.next();
            return rs.getLong(1) + ", " + rs.getLong(2);
        }
    }

    private static Process startReplica(ReplicaFixture fx, String name) throws Exception {
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), HEAP,
                "-cp", System.getProperty("java.class.path"), "io.chameleon.cli.Main", "start_replica",
                "--config", fx.configFile.toString(), "--source", fx.sourceName, "--debug")
                .redirectErrorStream(true).redirectOutput(logFile(fx, name).toFile()).start();
    }

    private static Path logFile(ReplicaFixture fx, String name) {
        return fx.dir.resolve(name + ".log");
    }

    private static String log(ReplicaFixture fx, String name) throws Exception {
        return Files.readString(logFile(fx, name));
    }

    static BinlogPosition applied(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName).applied();
        }
    }

    /**
     * A PostgreSQL session reading the table's row count and group-2 count over and over, each
     * read in its own snapshot, and whether another session held a write lock on the table then
     * (the applier, between the first part and the commit).
     */
    private static final class TablePoller implements AutoCloseable {
        private static final String READ = "SELECT count(*) || ', ' || count(*) FILTER (WHERE grp = 2),"
                + " EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " WHERE c.relname = 'big' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid())"
                + " FROM %s.big";

        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicReference<String> last = new AtomicReference<>();
        private final AtomicLong reads = new AtomicLong();
        private final AtomicInteger readsWhileLocked = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;

        TablePoller(ReplicaFixture fx) {
            thread = new Thread(() -> {
                try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
                    while (!stop.get()) {
                        try (ResultSet rs = s.executeQuery(READ.formatted(fx.pgSchema))) {
                            rs.next();
                            seen.add(rs.getString(1));
                            last.set(rs.getString(1));
                            reads.incrementAndGet();
                            if (rs.getBoolean(2)) {
                                readsWhileLocked.incrementAndGet();
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "poller");
            thread.start();
        }

        String awaitFirst() throws InterruptedException {
            await(() -> last.get() != null, "a first read");
            return last.get();
        }

        /** Until a few reads found the applier's transaction open on the table. */
        void awaitPartsApplying(Process replica) throws InterruptedException {
            await(() -> {
                assertThat(replica.isAlive()).as("the replica runs").isTrue();
                return readsWhileLocked.get() >= 3;
            }, "reads while the applier writes the table");
        }

        void awaitSeen(String rows) throws InterruptedException {
            await(() -> rows.equals(last.get()), "a read of " + rows);
        }

        /** What a read started after this call saw. */
        String now() throws InterruptedException {
            long from = reads.get();
            await(() -> reads.get() >= from + 2, "a new read");
            return last.get();
        }

        Set<String> seen() {
            return Set.copyOf(seen);
        }

        private void await(BooleanSupplier condition, String what) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(failure.get()).as("the poller failed").isNull();
                assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
        }
    }
}
