package io.chameleon.replica;

import io.chameleon.alert.Alert;
import io.chameleon.alert.Alerts;
import io.chameleon.apply.ApplyException;
import io.chameleon.apply.ApplyResult;
import io.chameleon.apply.BatchApplier;
import io.chameleon.binlog.BinlogReader;
import io.chameleon.binlog.BinlogValues;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.binlog.SourceUnavailable;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.CatalogException;
import io.chameleon.catalog.LeaseLost;
import io.chameleon.catalog.LeaseTerms;
import io.chameleon.catalog.SourceLease;
import io.chameleon.catalog.SourceTransition;
import io.chameleon.catalog.ErrorEntry;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.failure.TransientRetries;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.MysqlConnector;
import io.chameleon.ddl.DdlTranslator;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.mysql.SessionSettings;
import io.chameleon.pg.LockHolders;
import io.chameleon.pg.PgConnector;
import io.chameleon.types.TypeMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replicates one source until stopped: the binlog reader, from the applied position in the
 * catalogue, fills a bounded {@link TransactionQueue}; the thread calling {@link #run()} takes
 * batches of whole transactions from it and applies each with its position in one PostgreSQL
 * transaction, or the parts of a transaction larger than a batch in one PostgreSQL transaction
 * ({@link ReplicaMemory} sets the bounds; a stop between such parts rolls them back). The replica
 * holds the source's lease meanwhile, renewed on a timer ({@link LeaseRenewal}), and every position
 * it commits checks the lease in the same transaction: no other process replicates or loads the
 * source at the same time. The status is running meanwhile, stopped after a clean stop, error
 * after a failure; a replica that lost its lease leaves the status to the new holder. With a
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
    /** A column's adjusted values are logged at most this often; show_status and the metrics count every one. */
    private static final Duration ADJUSTMENT_LOG_INTERVAL = Duration.ofMinutes(1);

    private final PgConnector pg;
    private final SourceConfig source;
    private final DdlTranslator translator;
    private final TrackedTargets build;
    private final ServerInfo server;
    private final BinlogValues values;
    private final String host;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<Instant> lastRead = new AtomicReference<>();
    private final ReplicaMetrics metrics;
    private final AdjustmentLog adjustments;
    /** Transient failures of the pipeline, counted across its restarts until a batch or a schema change commits. */
    private final TransientRetries retries;
    private final LeaseTerms terms = LeaseTerms.fromEnvironment();
    private volatile boolean stopRequested;
    private volatile LeaseLost lostLease;

    private ReplicaDaemon(PgConnector pg, SourceConfig source, DdlTranslator translator, TrackedTargets build,
            ReplicaTables tables, ServerInfo server, String host) {
        this.pg = pg;
        this.source = source;
        this.translator = translator;
        this.build = build;
        this.server = server;
        this.values = new BinlogValues(!server.isMariaDb());
        this.host = host;
        this.metrics = new ReplicaMetrics(source.name(), tables.skippedChanges(), tables.leftOut(), Clock.systemUTC());
        this.adjustments = new AdjustmentLog(source.name(), ADJUSTMENT_LOG_INTERVAL, Clock.systemUTC());
        this.retries = new TransientRetries(source.name());
    }

    /**
     * Checks that the source may start and loads its tables; nothing runs yet. Tables whose
     * definitions the catalogue does not keep yet (copied since the last start) are read from MySQL.
     *
     * @throws ReplicaRefused when the source's state or tables do not allow replicating it
     */
    public static ReplicaDaemon prepare(ChameleonConfig config, SourceConfig source) throws SQLException, UnknownHostException {
        PgConnector pg = new PgConnector(config.pgConn());
        String host = InetAddress.getLocalHost().getHostName();
        if (!Charset.defaultCharset().equals(StandardCharsets.UTF_8)) {
            LOG.warn("the JVM's default charset is {}, not UTF-8: column names in the binlog's table maps are read with"
                    + " it, so non-ASCII names would not match; run with -Dfile.encoding=UTF-8 (bin/chameleon does)",
                    Charset.defaultCharset());
        }
        try (Connection c = pg.open()) {
            Catalog catalog = Catalog.open(c);
            StartCheck.requireStartable(catalog.sources().get(source.name()));
            boolean postgis = hasPostgis(c);
            TrackedTargets build = new TrackedTargets(source, new TypeMapper(config.typeOverrides(), postgis),
                    new LongAdder());
            try (Connection my = new MysqlConnector(source.dbConn()).open()) {
                ServerInfo server = ServerInfo.read(my);
                boolean explicitTimestamps = SessionSettings.globalExplicitDefaultsForTimestamp(my);
                if (!explicitTimestamps) {
                    LOG.info("source {}: explicit_defaults_for_timestamp is OFF on {}: TIMESTAMP columns in DDL are"
                            + " read as such a session has them (NOT NULL, implicit defaults)", source.name(), server);
                }
                DdlTranslator translator = new DdlTranslator(source, config.typeOverrides(), config.fillfactor(), postgis,
                        server, explicitTimestamps);
                int sourceId = catalog.sources().id(source.name());
                TrackedState state = TrackedState.load(catalog, sourceId, source, my, server);
                ReplicaTables tables = ReplicaTables.of(catalog.tables().list(sourceId), state, build);
                return new ReplicaDaemon(pg, source, translator, build, tables, server, host);
            }
        }
    }

    /**
     * Replicates until {@link #stop()} is called or something fails; returns after the current
     * batch is applied and the status is recorded. An outage of either server restarts the
     * replication from the applied position or stops it, as on_error_read says; a transient failure
     * (a deadlock, a lock not granted within lock_timeout) restarts it from there too, as
     * {@link TransientRetries} says ({@link OutageRecovery}).
     *
     * @throws OutageStop when a server went away and on_error_read is exit
     */
    public void run() throws Exception {
        // the port is taken before the source is: a refusal leaves the status as it was
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(source, metrics::render)) {
            SourceLease lease;
            try (Connection c = pg.open()) {
                lease = Catalog.open(c).lifecycle().take(source.name(), SourceTransition.START_REPLICA,
                        ProcessHandle.current().pid(), host, terms);
            } catch (CatalogException refused) {
                throw new ReplicaRefused(refused.getMessage());
            }
            SourceStatus end = SourceStatus.ERROR;
            Exception failure = null;
            try {
                try (LeaseRenewal renewal = LeaseRenewal.start(pg, lease, terms, this::leaseLost);
                        Housekeeping housekeeping = Housekeeping.start(pg, source, lease.sourceId());
                        LockHolders holders = LockHolders.start(pg, "source " + source.name() + ": the applier",
                                source.lockTimeout())) {
                    new OutageRecovery(source, pg.conn(), () -> stopRequested, retries)
                            .run(connected -> replicate(lease, connected, holders));
                }
                if (lostLease != null) {
                    throw lostLease;
                }
                end = SourceStatus.STOPPED;
            } catch (Exception e) {
                failure = lostLease != null ? lostLease : leaseLostIn(e);
                throw failure;
            } finally {
                recordEnd(lease, end, failure);
            }
        } finally {
            finished.countDown();
        }
    }

    /** The applier's commit found the lease gone: that, rather than the failed batch, is what to tell. */
    private static Exception leaseLostIn(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LeaseLost lost) {
                return lost;
            }
        }
        return e;
    }

    /** Another process took the source over: this one stops after the current batch, whose commit fails. */
    private void leaseLost(LeaseLost lost) {
        lostLease = lost;
        stopRequested = true;
    }

    /**
     * The status, and the failure that stopped the replica in error_log (unless the applier logged
     * it already, with its table and statement), on a connection of their own: the ones the
     * replica ran with may have gone with their server. A replica that lost its lease leaves the
     * source to its new holder.
     */
    private void recordEnd(SourceLease lease, SourceStatus end, Exception failure) {
        BinlogPosition applied = null;
        try (Connection c = pg.open()) {
            Catalog catalog = Catalog.open(c);
            applied = catalog.sources().get(source.name()).applied();
            if (failure != null && !(failure instanceof ApplyException) && !(failure instanceof LeaseLost)) {
                catalog.errors().log(lease.sourceId(), new ErrorEntry(null, null, null, failure.getMessage(), applied));
            }
            if (!catalog.lifecycle().release(lease, end)) {
                LOG.error("replica of source {} ended without its lease: another process holds the source, its status"
                        + " is left to it", source.name());
            } else if (failure == null) {
                LOG.info("replica of source {} {}", source.name(), end.label());
            } else {
                LOG.error("replica of source {} {}: {}", source.name(), end.label(), failure.getMessage());
            }
        } catch (SQLException e) {
            LOG.error("replica of source {} {}{}; the status could not be recorded in the catalogue: {}", source.name(),
                    end.label(), failure == null ? "" : ": " + failure.getMessage(), e.getMessage());
            if (failure != null) {
                failure.addSuppressed(e);
            }
        } finally {
            alertStopped(failure, applied);
        }
    }

    /** pg_chameleon's "replica process crashed", critical with its stack trace; a lost lease is not a crash. */
    private void alertStopped(Exception failure, BinlogPosition applied) {
        if (failure != null && !(failure instanceof LeaseLost)) {
            String at = applied == null ? "" : " at " + applied;
            Alerts.send(Alert.critical(source.name(), failure instanceof OutageStop
                    ? "replica of source " + source.name() + " gave up on an outage" + at + " (on_error_read exit): "
                            + failure.getMessage()
                    : "replica of source " + source.name() + " stopped by an error" + at + ": " + failure.getMessage(),
                    failure));
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

    /**
     * One attempt of {@link OutageRecovery}: from the applied position the catalogue holds now. The
     * applier waits for a lock at most lock_timeout, then fails and tries again, so a user's lock
     * delays the replica rather than holding it forever; {@link LockHolders} says whose lock it is.
     */
    private void replicate(SourceLease lease, Runnable connected, LockHolders holders) throws Exception {
        try (Connection statusConnection = pg.open(); Connection applyConnection = lockTimeLimited(pg.open())) {
            holders.watch(applyConnection);
            lease.bindTo(applyConnection);
            Catalog catalog = Catalog.open(statusConnection);
            SourceRecord record = catalog.sources().get(source.name());
            // the tracked definitions at the applied position: a change applied by an earlier attempt is in them
            TrackedState state = TrackedState.load(catalog, record.id(), source, null, server);
            ReplicaTables tables = ReplicaTables.of(catalog.tables().list(record.id()), state, build);
            // loaded now, the tables disabled by on_error_replay continue are left out
            BatchApplier applier = new BatchApplier(applyConnection, record.id(), tables.targets(), source.onErrorReplay(),
                    retries::retrying);
            ReplicaMemory memory = ReplicaMemory.of(source);
            TransactionQueue queue = new TransactionQueue(QUEUE_CAPACITY, memory.queueBytes(), memory.batch());
            BinlogReader reader = new BinlogReader(source.name(), source.dbConn(), source.myServerId(), record.applied(),
                    source.gtidEnable(), tables.reader(), values, memory.batch(), t -> {
                        lastRead.set(t.sourceTime());
                        metrics.read(t);
                        queue.accept(t);
                    }, new DdlFollower(source.name(), translator, build, state, queue,
                    source.onErrorReplay()));
            SchemaChangeApplier changes = new SchemaChangeApplier(applyConnection, record.id(), source.onErrorReplay(),
                    build, applier, retries::retrying);
            LOG.info("replica of source {} starts at {} with {} tables", source.name(), record.applied(),
                    tables.targets().size());
            GtidResumeCheck.requireResumable(source, record.applied());
            reader.start();
            connected.run();
            try {
                applyUntilStopped(catalog, record, applier, changes, queue, reader);
            } finally {
                queue.close();
                reader.stop();
            }
        }
    }

    /** The tables on_error_replay continue has not disabled since they were loaded. */
    private void applyUntilStopped(Catalog catalog, SourceRecord record, BatchApplier applier,
            SchemaChangeApplier changes, TransactionQueue queue, BinlogReader reader) throws Exception {
        Duration maxCollect = Duration.ofSeconds(Math.max(1, source.sleepLoop()));
        boolean consistent = record.consistent();
        Instant recordedRead = null;
        ReplicaHolder holder = new ReplicaHolder(catalog.holds(), record.id(), source.name());
        holder.endEarlierHold();
        BinlogPosition applied = record.applied();
        while (!stopRequested) {
            if (reader.failure().isPresent()) {
                Exception failure = reader.failure().get();
                if (failure instanceof SourceUnavailable outage) {
                    throw outage;
                }
                throw new IllegalStateException("the binlog reader of source " + source.name() + " stopped: "
                        + failure.getMessage(), failure);
            }
            // compare's hold: nothing past its limit is applied (the batch ends before it)
            BinlogPosition limit = holder.limit(applied, reader.readUpTo(), queue::headWithin);
            SchemaChange change = queue.pollSchemaChange(limit);
            if (change != null) {
                changes.apply(change);
                retries.succeeded();
                applied = change.statement().end();
                continue;
            }
            List<SourceTransaction> batch = queue.nextBatch(maxCollect, holder.active() ? Duration.ZERO : IDLE_WAIT,
                    limit);
            if (!batch.isEmpty()) {
                ApplyResult result = applier.apply(batch);
                metrics.applied(batch, result);
                BinlogPosition end = batch.get(batch.size() - 1).end();
                result.disabledTables().forEach((table, message) -> LOG.warn("source {}: table {} is no longer"
                        + " replicated (on_error_replay continue): its changes in the batch ending at {} failed: {};"
                        + " see show_errors", source.name(), table, end, message));
                result.disabledTables().forEach((table, message) -> Alerts.send(Alert.error(source.name(), "source "
                        + source.name() + ": table " + table + " left out of replay at " + end, message)));
                LOG.debug("applied {}, {} row changes, up to {}{}", batch.get(0).whole() ? batch.size() + " transactions"
                        : "part " + batch.get(0).part() + " of a transaction", result.rowChanges(), end,
                        result.committed() ? "" : " (committed with its last part)");
                if (result.committed()) {
                    adjustments.committed(result.adjustments());
                    retries.succeeded();
                    applied = result.applied();
                    consistent = consistent || markConsistentOnceReached(catalog, record, result.applied());
                }
            }
            adjustments.logDue(Instant.now());
            Instant read = lastRead.get();
            if (read != null && !read.equals(recordedRead)) {
                catalog.positions().recordRead(record.id(), read);
                recordedRead = read;
            }
        }
        holder.endOnStop();
        applier.rollBackOpenTransaction();
        adjustments.logRest();
    }

    /** Every table shows a state MySQL had once replay passes the latest snapshot point. */
    private boolean markConsistentOnceReached(Catalog catalog, SourceRecord record, BinlogPosition applied)
            throws SQLException {
        if (record.highWatermark() == null || !applied.includes(record.highWatermark())) {
            return false;
        }
        catalog.positions().markConsistent(record.id());
        LOG.info("source {} is consistent: replay passed the high watermark {}", source.name(), record.highWatermark());
        return true;
    }

    private Connection lockTimeLimited(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
            s.setString(1, source.lockTimeout());
            s.execute();
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private static boolean hasPostgis(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
            return rs.next();
        }
    }
}
