package io.chameleon.replica;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TestServers.Endpoint;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outage tests share: an initialised replica of the mixed workload, and looks at its progress and log. */
final class OutageSupport {
    static final String[] TABLES = {"items", "order_lines"};

    private OutageSupport() {}

    /** A replica of {@link MixedWorkload}'s tables with 200 rows, initialised and not started. */
    static ReplicaFixture initialised(String name, String onErrorRead, Endpoint mysql, Endpoint pg) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(name, "    sleep_loop: 1\n    replica_batch_size: 50\n"
                + "    on_error_read: " + onErrorRead + "\n", mysql, pg);
        fx.mysqlExec(MixedWorkload.schema().split(";"));
        try (Connection my = fx.mysql()) {
            new MixedWorkload(1, new AtomicInteger(1)).bigInsert(my, 200);
        }
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");
        return fx;
    }

    static SourceRecord record(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName);
        }
    }

    /** Waits until the replica applied something past {@code position}: it streams. */
    static void awaitAppliedPast(ReplicaFixture fx, BinlogPosition position) throws Exception {
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
