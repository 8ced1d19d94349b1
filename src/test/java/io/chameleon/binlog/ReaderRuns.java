package io.chameleon.binlog;

import io.chameleon.config.DbConn;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import io.chameleon.testing.TestServers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a {@link BinlogReader} against the test server for the binlog ITs. */
final class ReaderRuns {
    private ReaderRuns() {}

    /** Reads exactly {@code count} transactions from {@code from}: makes sure no more arrive after them. */
    static List<SourceTransaction> readExactly(BinlogPosition from, boolean byGtid, Map<TableName, ReaderTable> tables,
            BinlogValues values, int count) throws Exception {
        BlockingQueue<SourceTransaction> queue = new LinkedBlockingQueue<>();
        List<SourceTransaction> read = new ArrayList<>();
        try (BinlogReader reader = new BinlogReader("test", conn(), 4344, from, byGtid, tables, values,
                new BatchBounds(10_000, 64L << 20), queue::put)) {
            reader.start();
            while (read.size() < count) {
                SourceTransaction t = queue.poll(20, TimeUnit.SECONDS);
                assertThat(t).as("transaction %d of %d (reader failure: %s)", read.size() + 1, count,
                        reader.failure().orElse(null)).isNotNull();
                read.add(t);
            }
            assertThat(queue.poll(500, TimeUnit.MILLISECONDS)).as("a transaction after the last").isNull();
            assertThat(reader.failure()).isEmpty();
        }
        return read;
    }

    /** The test server, as a source's db_conn names it. */
    static DbConn conn() {
        TestServers.Endpoint e = TestServers.mysql();
        return new DbConn(e.host(), e.port(), e.user(), e.password(), "utf8mb4", 10, null);
    }
}
