package io.chameleon.copy;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.ConsistentSnapshot;
import io.chameleon.mysql.MysqlConnector;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.pg.PgConnector;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.ConversionReport;
import io.chameleon.types.DefaultTranslator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The load of a source's tables (init_replica: all of them; sync_tables, refresh_schema: some):
 * read the table definitions, build the tables in a loading schema, copy them from one consistent
 * snapshot with N workers, build each table's keys and indexes as soon as its data is in (while
 * the others still copy), then swap them into place together with the
 * catalogue's record of the tables.
 */
public final class InitialLoad {
    private static final Logger LOG = LoggerFactory.getLogger(InitialLoad.class);

    private final ChameleonConfig config;
    private final SourceConfig source;
    private final MysqlConnector mysql;
    private final PgConnector pg;
    private final LoadCatalog catalog;
    private final PrintStream terminal;
    private final LoadScope scope;

    /** @param terminal where progress is drawn, or null to log it */
    public InitialLoad(ChameleonConfig config, SourceConfig source, LoadCatalog catalog, PrintStream terminal) {
        this(config, source, catalog, terminal, LoadScope.ALL);
    }

    /** @param scope the tables to copy; only these are replaced in PostgreSQL */
    public InitialLoad(ChameleonConfig config, SourceConfig source, LoadCatalog catalog, PrintStream terminal,
            LoadScope scope) {
        this.scope = scope;
        this.config = config;
        this.source = source;
        this.mysql = new MysqlConnector(source.dbConn(), source.netReadTimeout());
        this.pg = new PgConnector(config.pgConn());
        this.catalog = catalog;
        this.terminal = terminal;
    }

    public LoadResult run() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<TableDef> tables;
        ServerInfo server;
        Map<String, Map<String, Long>> autoIncrements = new ConcurrentHashMap<>();
        Map<TableName, String> tableCharsets;
        Map<String, String> schemaCharsets;
        try (Connection c = mysql.open()) {
            server = ServerInfo.read(c);
            SchemaReader reader = new SchemaReader(c, server);
            tables = scope.select(reader.read(source));
            tableCharsets = reader.tableCharsets(source);
            schemaCharsets = reader.schemaCharsets(source);
            for (String schema : source.schemaMappings().keySet()) {
                autoIncrements.put(schema, reader.autoIncrements(schema));
            }
        }
        if (tables.isEmpty() && !scope.whole()) {
            throw new LoadRefused("schema " + scope.schema() + " has no tables to copy in MySQL");
        }
        LOG.info("source {} on {} ({}): {} tables to copy with {} workers", source.name(), mysql.conn().describe(), server,
                tables.size(), source.copyWorkers());
        long heap = Runtime.getRuntime().maxMemory();
        if (!CopyHeap.enough(heap, source.copyMaxMemory())) {
            LOG.warn("the JVM may use {} MiB of heap, less than copy_max_memory ({} MiB) plus room to work: raise it with"
                    + " JAVA_OPTS=-Xmx{}m or lower copy_max_memory", heap >> 20, source.copyMaxMemory() >> 20,
                    CopyHeap.needed(source.copyMaxMemory()) >> 20);
        }
        boolean postgis;
        try (Connection c = pg.open()) {
            postgis = hasPostgis(c);
        }
        TablePlanner planner = new TablePlanner(config, source, postgis);
        List<TablePlan> plans = planner.plan(tables, autoIncrements);
        TargetBuilder builder = new TargetBuilder(pg, source, new TargetDdl(postgis, new DefaultTranslator(source.zeroDates())),
                warnings, scope);
        builder.prepare(plans);

        CopyProgress progress = new CopyProgress();
        long start = System.nanoTime();
        Map<TablePlan, BinlogPosition> positions;
        ConsistentSnapshot snapshot;
        int chunkCount;
        ConversionReport adjustments;
        long copied;
        try (KeyBuilder keys = builder.startKeys(plans, source.copyWorkers())) {
            try (ProgressReporter reporter = new ProgressReporter(progress, terminal)) {
                snapshot = ConsistentSnapshot.open(mysql, server,
                        Math.max(1, Math.min(source.copyWorkers(), Math.max(1, plans.size()))));
                try (snapshot) {
                    List<Chunk> chunks = new ChunkPlanner(snapshot, Runtime.getRuntime().availableProcessors()).plan(plans);
                    chunkCount = chunks.size();
                    for (TablePlan p : plans) {
                        progress.register(p, (int) chunks.stream().filter(ch -> ch.table() == p).count());
                    }
                    reporter.start();
                    CopyWorkers workers = new CopyWorkers(snapshot, pg, copier(progress), progress, keys::tableLoaded);
                    positions = workers.run(chunks);
                    adjustments = workers.adjustments();
                }
            }
            copied = System.nanoTime();
            LOG.info("data copied: {} rows in {}s; the keys and indexes of the tables done are being built",
                    progress.totalRows(), String.format("%.1f", (copied - start) / 1e9));
            builder.finish(plans, keys, source.copyWorkers());
        }
        LOG.info("keys, indexes and identities done {}s after the last row",
                String.format("%.1f", (System.nanoTime() - copied) / 1e9));

        List<LoadedTable> loaded = new ArrayList<>();
        for (TablePlan p : plans) {
            CopyProgress.TableCounters t = progress.of(p);
            loaded.add(new LoadedTable(p, positions.get(p), t.rows(), t.bytes(), t.discarded(),
                    builder.indexNames(p.source().name())));
        }
        BinlogPosition high = positions.values().stream().max(Comparator.naturalOrder()).orElse(null);
        LoadResult result = new LoadResult(loaded, chunkCount, high, snapshot.method(), snapshot.lockMillis(),
                (System.nanoTime() - start) / 1e9, warnings,
                adjustments.entries().stream().map(Object::toString).toList(), adjustments.total(),
                new SourceContext(server, postgis, tableCharsets, schemaCharsets), scope);
        builder.swap(plans, tx -> catalog.loaded(tx, result));
        return result;
    }

    private ChunkCopier copier(CopyProgress progress) {
        // each worker's share, less its flush buffer and a salvage batch
        long perWorker = source.copyMaxMemory() / Math.max(1, source.copyWorkers()) - (6L << 20);
        return new ChunkCopier(source.copyMode(), source.outDir(), perWorker, progress, catalog, source.name());
    }

    static boolean hasPostgis(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
            return rs.next();
        }
    }
}
