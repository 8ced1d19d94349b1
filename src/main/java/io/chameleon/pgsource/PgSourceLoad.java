package io.chameleon.pgsource;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.SourceLease;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.DbConn;
import io.chameleon.config.PgConn;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.IndexNamer;
import io.chameleon.copy.Parallel;
import io.chameleon.pg.Grants;
import io.chameleon.pg.PgConnector;
import io.chameleon.pg.Sql;
import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * init_replica of a pgsql source: read the tables in one exported snapshot, build them (with the
 * mapped schemas' enums and domains) in loading schemas, copy them with N workers that all import
 * the snapshot, build what comes after the rows ({@link PostDataStructure}), then swap the loading
 * schemas in and record the tables in the catalogue in one transaction under lock_timeout.
 */
public final class PgSourceLoad {
    private static final Logger LOG = LoggerFactory.getLogger(PgSourceLoad.class);

    private final ChameleonConfig config;
    private final SourceConfig source;
    private final SourceLease lease;
    private final PgConnector sourceDb;
    private final PgConnector target;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    public PgSourceLoad(ChameleonConfig config, SourceConfig source, SourceLease lease) {
        this.config = config;
        this.source = source;
        this.lease = lease;
        this.sourceDb = connector(source.dbConn());
        this.target = new PgConnector(config.pgConn());
    }

    /** The source database as a PostgreSQL connection, with db_conn's TLS settings. */
    static PgConnector connector(DbConn db) {
        return new PgConnector(new PgConn(db.host(), db.port(), db.user(), db.password(), db.database(), db.charset(),
                db.tls()));
    }

    /** The one line start_replica, sync_tables and refresh_schema refuse a pgsql source with. */
    public static String onlyInitReplica(String sourceName) {
        return "source " + sourceName + " is of type pgsql: it is copied by init_replica only; run init_replica --source "
                + sourceName + " again to refresh it";
    }

    public PgCopyResult run() throws Exception {
        if (!config.typeOverrides().overrides().isEmpty()) {
            warn("type_override does not apply to pgsql sources: every column keeps its PostgreSQL type");
        }
        Map<String, String> loadSchemas = new LinkedHashMap<>();
        source.schemaMappings().forEach((from, to) -> loadSchemas.put(from, IndexNamer.fit("_" + to + "_tmp")));
        long start = System.nanoTime();
        try (SourceSnapshot snapshot = SourceSnapshot.open(sourceDb)) {
            Connection c = snapshot.coordinator();
            SourceTypes types;
            String lcMonetary = SessionSettings.lcMonetary(c);
            List<SourceTable> tables;
            UserTypes userTypes;
            try (Connection t = target.open()) {
                types = new SourceTypes(loadSchemas, name -> targetHasType(t, name));
                tables = new SourceReader(c, source, types, loadSchemas).tables();
                userTypes = UserTypes.read(c, types, loadSchemas);
                prepare(t, loadSchemas.values(), userTypes.create(), tables);
            }
            int workers = Math.max(1, source.copyWorkers());
            List<TableChunk> chunks = new ChunkPlanner(c, workers).plan(tables);
            LOG.info("source {} ({}): {} tables in {} chunks to copy with {} workers, {}", source.name(),
                    sourceDb.conn().describe(), tables.size(), chunks.size(), Math.min(workers, chunks.size()),
                    "in snapshot " + snapshot.id());
            Map<SourceTable, long[]> counts = copy(snapshot, chunks, workers, lcMonetary);
            LOG.info("rows copied in {}s; building keys, indexes, constraints and sequences",
                    String.format("%.1f", (System.nanoTime() - start) / 1e9));
            List<TableName> names = tables.stream().map(SourceTable::name).toList();
            PostDataStructure structure = PostDataStructure.read(c, names, loadSchemas);
            try (Connection t = target.open(); Statement s = t.createStatement()) {
                for (String sql : userTypes.afterRows()) {
                    s.execute(sql);
                }
                structure.build(t);
                // after build: it adds what the target refused to what the read left out
                structure.warnings().forEach(this::warn);
                structure.validateForeignKeys(t);
            }
            swap(tables, counts);
            long rows = counts.values().stream().mapToLong(n -> n[0]).sum();
            long bytes = counts.values().stream().mapToLong(n -> n[1]).sum();
            long discarded = counts.values().stream().mapToLong(n -> n[2]).sum();
            return new PgCopyResult(source.name(), tables.size(),
                    (int) tables.stream().filter(t -> !t.key().isEmpty()).count(), chunks.size(), rows, bytes,
                    discarded, (System.nanoTime() - start) / 1e9, snapshot.id(), warnings);
        }
    }

    private static boolean targetHasType(Connection target, String name) {
        try (PreparedStatement s = target.prepareStatement("SELECT to_regtype(?) IS NOT NULL")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up type " + name + " in the target: " + e.getMessage(), e);
        }
    }

    private void prepare(Connection t, Iterable<String> load, List<String> types, List<SourceTable> tables)
            throws SQLException {
        t.setAutoCommit(false);
        try (Statement s = t.createStatement()) {
            for (String schema : load) {
                s.execute("DROP SCHEMA IF EXISTS " + Sql.ident(schema) + " CASCADE");
                s.execute("CREATE SCHEMA " + Sql.ident(schema));
            }
            for (String sql : types) {
                s.execute(sql);
            }
            for (SourceTable table : tables) {
                s.execute(SourceReader.createTable(table));
            }
        }
        t.commit();
    }

    /** Every chunk, by {@code workers} threads; per table: rows, bytes, discarded. */
    private Map<SourceTable, long[]> copy(SourceSnapshot snapshot, List<TableChunk> chunks, int workers,
            String lcMonetary) throws Exception {
        Map<SourceTable, AtomicLongArray> counts = new ConcurrentHashMap<>();
        Map<SourceTable, AtomicInteger> left = new ConcurrentHashMap<>();
        for (TableChunk ch : chunks) {
            counts.computeIfAbsent(ch.table(), t -> new AtomicLongArray(3));
            left.computeIfAbsent(ch.table(), t -> new AtomicInteger()).incrementAndGet();
        }
        ConcurrentLinkedQueue<TableChunk> queue = new ConcurrentLinkedQueue<>(chunks);
        try (DiscardLog discards = new DiscardLog(target, lease.sourceId())) {
            ChunkStream stream = new ChunkStream(discards);
            Parallel.run(Math.min(workers, Math.max(1, chunks.size())), "pgcopy", (index, parallel) -> {
                try (Connection from = snapshot.openWorker(); Connection to = target.open()) {
                    SessionSettings.applyToTarget(to, lcMonetary);
                    to.setAutoCommit(false);
                    TableChunk chunk;
                    while (!parallel.failed() && (chunk = queue.poll()) != null) {
                        ChunkStream.Copied done = stream.copy(chunk, from, to);
                        AtomicLongArray n = counts.get(chunk.table());
                        n.addAndGet(0, done.rows());
                        n.addAndGet(1, done.bytes());
                        n.addAndGet(2, done.discarded());
                        if (left.get(chunk.table()).decrementAndGet() == 0) {
                            LOG.info("copied {}: {} rows{}", chunk.table().name(), n.get(0),
                                    n.get(2) > 0 ? ", " + n.get(2) + " rows discarded" : "");
                        }
                    }
                }
            });
        }
        Map<SourceTable, long[]> result = new LinkedHashMap<>();
        counts.forEach((t, n) -> result.put(t, new long[] {n.get(0), n.get(1), n.get(2)}));
        return result;
    }

    /**
     * The loading schemas replace the mapped schemas, grant_select_to is granted, and the catalogue
     * records the tables and the source as initialised, in one transaction.
     */
    private void swap(List<SourceTable> tables, Map<SourceTable, long[]> counts) throws SQLException {
        try (Connection c = target.open(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL lock_timeout = " + Sql.literal(source.lockTimeout()));
            try {
                for (String to : source.schemaMappings().values()) {
                    s.execute("DROP SCHEMA IF EXISTS " + Sql.ident(to) + " CASCADE");
                    s.execute("ALTER SCHEMA " + Sql.ident(IndexNamer.fit("_" + to + "_tmp")) + " RENAME TO "
                            + Sql.ident(to));
                    grants(c, to);
                }
                Catalog catalog = Catalog.open(c);
                catalog.tables().replaceAll(lease.sourceId(), tables.stream()
                        .map(t -> recorded(t, counts.getOrDefault(t, new long[3]))).toList());
                catalog.positions().markConsistent(lease.sourceId());
                catalog.lifecycle().reach(lease, SourceStatus.INITIALISED);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if ("55P03".equals(e.getSQLState())) {
                    throw new SQLException("the swap of the copied tables into " + source.schemaMappings().values()
                            + " waited longer than lock_timeout (" + source.lockTimeout() + ") for a lock held by"
                            + " another session; the copy stays in the loading schemas. Stop what holds the lock or"
                            + " raise lock_timeout, then run init_replica again", e.getSQLState(), e);
                }
                throw e;
            }
        }
    }

    /** A copied table as show_status lists it: "replicated" when it has a key, as pg_chameleon shows pgsql tables. */
    private ReplicatedTable recorded(SourceTable t, long[] n) {
        List<TrackedColumn> cols = t.columns().stream().map(col -> new TrackedColumn(col.name(), col.sourceType(),
                col.sourceType(), col.targetType(), col.nullable(), false, null, List.of(), false)).toList();
        boolean keyed = !t.key().isEmpty();
        return new ReplicatedTable(t.name(), source.targetSchema(t.name().schema()), t.name().table(), keyed,
                keyed ? t.key() : null, keyed ? null : ReplicatedTable.NO_REPLICA_KEY, cols, null, n[0], n[1],
                Instant.now());
    }

    private void grants(Connection c, String schema) throws SQLException {
        for (String role : source.grantSelectTo()) {
            Grants.run(c, Grants.onSchema(schema, role)).ifPresent(refusal -> warn("grant_select_to: cannot grant"
                    + " SELECT on schema " + schema + " to " + role + ": " + refusal));
        }
    }

    private void warn(String message) {
        LOG.warn(message);
        warnings.add(message);
    }
}
