package io.chameleon.replica;

import io.chameleon.apply.ApplyResult;
import io.chameleon.apply.BatchApplier;
import io.chameleon.binlog.BinlogReader;
import io.chameleon.binlog.BinlogValues;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.MysqlConnector;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.pg.PgConnector;
import io.chameleon.types.TypeMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replicates one source until stopped: the binlog reader, from the applied position in the
 * catalogue, fills a bounded {@link TransactionQueue}; the thread calling {@link #run()} takes
 * batches of whole transactions from it and applies each with its position in one PostgreSQL
 * transaction, or the parts of a transaction larger than a batch in one PostgreSQL transaction
 * ({@link ReplicaMemory} sets the bounds; a stop between such parts rolls them back). The source's
 * status is running meanwhile, stopped after a clean stop, error after a failure. With a
 * metrics_port, the replica serves its {@link ReplicaMetrics} while it runs.
 */
public final class ReplicaDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaDaemon.class);
    /**
     * Transactions the reader may be ahead of the applier ({@link ReplicaMemory} bounds their bytes too); the
     * reader waits when they are queued.
     */
    private static final int QUEUE_CAPACITY = 1024;
    /** How long the applier waits for a transaction before it looks at stop requests and the reader again. */
    private static final Duration IDLE_WAIT = Duration.ofMillis(200);

    private final PgConnector pg;
    private final SourceConfig source;
    private final ReplicaTables tables;
    private final BinlogValues values;
    private final String host;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<Instant> lastRead = new AtomicReference<>();
    private final ReplicaMetrics metrics;
    private volatile boolean stopRequested;

    private ReplicaDaemon(PgConnector pg, SourceConfig source, ReplicaTables tables, BinlogValues values, String host) {
        this.pg = pg;
        this.source = source;
        this.tables = tables;
        this.values = values;
        this.host = host;
        this.metrics = new ReplicaMetrics(source.name(), tables.skippedChanges(), tables.leftOut(), Clock.systemUTC());
    }

    /**
     * Checks that the source may start and loads its tables; nothing runs yet.
     *
     * @throws ReplicaRefused when the source's state or tables do not allow replicating it
     */
    public static ReplicaDaemon prepare(ChameleonConfig config, SourceConfig source) throws SQLException, UnknownHostException {
        PgConnector pg = new PgConnector(config.pgConn());
        String host = InetAddress.getLocalHost().getHostName();
        try (Connection c = pg.open()) {
            Catalog catalog = Catalog.open(c);
            StartCheck.requireStartable(catalog.sources().get(source.name()), host);
            TypeMapper mapper = new TypeMapper(config.typeOverrides(), hasPostgis(c));
            try (Connection my = new MysqlConnector(source.dbConn()).open()) {
                ServerInfo server = ServerInfo.read(my);
                ReplicaTables tables = ReplicaTables.of(catalog.tables().list(catalog.sources().id(source.name())),
                        new SchemaReader(my, server).read(source), mapper, source);
                return new ReplicaDaemon(pg, source, tables, new BinlogValues(!server.isMariaDb()), host);
            }
        }
    }

    /**
     * Replicates until {@link #stop()} is called or something fails; returns after the current
     * batch is applied and the status is recorded.
     */
    public void run() throws Exception {
        try (Connection statusConnection = pg.open(); Connection applyConnection = pg.open();
                MetricsEndpoint endpoint = MetricsEndpoint.start(source, metrics::render)) {
            Catalog catalog = Catalog.open(statusConnection);
            SourceRecord record = catalog.sources().get(source.name());
            StartCheck.requireStartable(record, host);
            catalog.sources().setProcess(record.id(), ProcessHandle.current().pid(), host);
            catalog.sources().setStatus(record.id(), SourceStatus.RUNNING);
            SourceStatus end = SourceStatus.ERROR;
            try {
                replicate(catalog, record, new BatchApplier(applyConnection, record.id(), tables.targets(),
                        source.onErrorReplay()));
                end = SourceStatus.STOPPED;
            } finally {
                catalog.sources().setStatus(record.id(), end);
                catalog.sources().clearProcess(record.id());
                LOG.info("replica of source {} {}", source.name(), end.label());
            }
        } finally {
            finished.countDown();
        }
    }

    /** Asks {@link #run()} to end after the current batch; returns at once. */
    public void stop() {
        stopRequested = true;
    }

    /** Waits for {@link #run()} to end; true when it did within the time. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void replicate(Catalog catalog, SourceRecord record, BatchApplier applier) throws Exception {
        ReplicaMemory memory = ReplicaMemory.of(source);
        TransactionQueue queue = new TransactionQueue(QUEUE_CAPACITY, memory.queueBytes(), memory.batch());
        BinlogReader reader = new BinlogReader(source.dbConn(), source.myServerId(), record.applied(), source.gtidEnable(),
                tables.reader(),
                values, memory.batch(), t -> {
                    lastRead.set(t.sourceTime());
                    metrics.read(t);
                    queue.accept(t);
                });
        LOG.info("replica of source {} starts at {} with {} tables", source.name(), record.applied(), tables.targets().size());
        reader.start();
        try {
            applyUntilStopped(catalog, record, applier, queue, reader);
        } finally {
            queue.close();
            reader.stop();
        }
    }

    private void applyUntilStopped(Catalog catalog, SourceRecord record, BatchApplier applier, TransactionQueue queue,
            BinlogReader reader) throws Exception {
        Duration maxCollect = Duration.ofSeconds(Math.max(1, source.sleepLoop()));
        boolean consistent = record.consistent();
        Instant recordedRead = null;
        while (!stopRequested) {
            if (reader.failure().isPresent()) {
                throw new IllegalStateException("the binlog reader of source " + source.name() + " stopped: "
                        + reader.failure().get().getMessage(), reader.failure().get());
            }
            List<SourceTransaction> batch = queue.nextBatch(maxCollect, IDLE_WAIT);
            if (!batch.isEmpty()) {
                ApplyResult result = applier.apply(batch);
                metrics.applied(batch, result);
                BinlogPosition end = batch.get(batch.size() - 1).end();
                result.disabledTables().forEach((table, message) -> LOG.warn("source {}: table {} is no longer"
                        + " replicated (on_error_replay continue): its changes in the batch ending at {} failed: {};"
                        + " see show_errors", source.name(), table, end, message));
                LOG.debug("applied {}, {} row changes, up to {}{}", batch.get(0).whole() ? batch.size() + " transactions"
                        : "part " + batch.get(0).part() + " of a transaction", result.rowChanges(), end,
                        result.committed() ? "" : " (committed with its last part)");
                if (result.committed()) {
                    consistent = consistent || markConsistentOnceReached(catalog, record, result.applied());
                }
            }
            Instant read = lastRead.get();
            if (read != null && !read.equals(recordedRead)) {
                catalog.positions().recordRead(record.id(), read);
                recordedRead = read;
            }
        }
        applier.rollBackOpenTransaction();
    }

    /** Every table shows a state MySQL had once replay passes the latest snapshot point. */
    private boolean markConsistentOnceReached(Catalog catalog, SourceRecord record, BinlogPosition applied)
            throws SQLException {
        if (record.highWatermark() == null || applied.compareTo(record.highWatermark()) < 0) {
            return false;
        }
        catalog.positions().markConsistent(record.id());
        LOG.info("source {} is consistent: replay passed the high watermark {}", source.name(), record.highWatermark());
        return true;
    }

    private static boolean hasPostgis(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
            return rs.next();
        }
    }
}
