package io.chameleon.replica;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TestServers.Endpoint;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outage tests share: an initialised replica of the mixed workload, and looks at its progress and log. */
final class OutageSupport {
    static final String[] TABLES = {"items", "order_lines"};

    private OutageSupport() {}

    /** A replica of {@link MixedWorkload}'s tables with 200 rows, initialised and not started. */
    static ReplicaFixture initialised(String name, String onErrorRead, Endpoint mysql, Endpoint pg) throws Exception {
        ReplicaFixture fx = MixedWorkload.addedSource(ReplicaFixture.create(name, "    sleep_loop: 1\n"
                + "    replica_batch_size: 50\n    on_error_read: " + onErrorRead + "\n", mysql, pg), 1, 200,
                new AtomicInteger(1));
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        return fx;
    }

    /** Stops or restarts a server. */
    interface ServerAction {
        void run() throws Exception;
    }

    /**
     * Starts a writer of {@link MixedWorkload} transactions that rides out outages, waits until the
     * replica streams its changes, runs {@code outage} (a server stopped or restarted) and lets the
     * writer commit 100 more transactions.
     *
     * @return how many of the writer's transactions failed
     */
    static long outageUnderLoad(ReplicaFixture fx, long seed, ServerAction outage) throws Exception {
        BinlogPosition initial = record(fx).applied();
        try (WorkloadWriter writer = WorkloadWriter.startRidingOutOutages(fx,
                new MixedWorkload(seed, new AtomicInteger(1000)))) {
            writer.awaitMore(100);
            awaitAppliedPast(fx, initial);
            outage.run();
            writer.awaitMore(100);
            return writer.failed();
        }
    }

    /** Waits until the replica applied everything MySQL holds now, by GTID position. */
    static void awaitCaughtUp(ReplicaFixture fx, Supplier<Throwable> failure) throws Exception {
        try (Connection my = fx.mysql()) {
            ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourceGtidPosition(my), failure,
                    Duration.ofSeconds(120));
        }
    }

    static SourceRecord record(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName);
        }
    }

    /** Waits until the replica applied something past {@code position}: it streams. */
    private static void awaitAppliedPast(ReplicaFixture fx, BinlogPosition position) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (record(fx).applied().equals(position)) {
            assertThat(System.nanoTime()).as("the replica applies changes").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static void assertTablesEqual(ReplicaFixture fx) throws SQLException {
        for (String table : TABLES) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }
    }

    /** No thread of a binlog reader or of the binlog client is left. */
    static void assertNoReaderThreads() {
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive).extracting(Thread::getName)
                .noneMatch(n -> n.startsWith("binlog-") || n.startsWith("blc-"));
    }

    /** Collects what {@code type} logs from now on. */
    static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    static List<String> messages(ListAppender<ILoggingEvent> appender) {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
