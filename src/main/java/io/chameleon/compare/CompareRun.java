package io.chameleon.compare;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicaHold;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.RangeRecopy;
import io.chameleon.mysql.MysqlConnector;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.pg.PgConnector;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.ValuePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * compare of one source: the tables the catalogue says are copied (replicated, or kept without a
 * key), read at one binlog point ({@link ComparePoint}) by parallel workers, each range of keys
 * checksummed on both servers and narrowed down to the rows that differ ({@link RangeCheck}).
 */
public final class CompareRun {
    private static final Logger LOG = LoggerFactory.getLogger(CompareRun.class);
    /** Workers at most, whatever copy_workers says: each holds a snapshot on both servers. */
    private static final int MAX_WORKERS = 8;

    private final ChameleonConfig config;
    private final SourceConfig source;

    public CompareRun(ChameleonConfig config, SourceConfig source) {
        this.config = config;
        this.source = source;
    }

    /**
     * Compares the source's tables, or only {@code only} when not empty.
     *
     * @param terminal where to draw progress, or null
     * @param repair whether to repair what differs ({@link CompareRepair}) while the replica still holds
     * @param repairMaxRows with repair: differing rows past which a table is no longer narrowed but copied
     *     again whole (Long.MAX_VALUE: no cap)
     * @throws CompareRefused when the source cannot be compared now
     */
    public CompareReport run(Set<TableName> only, PrintStream terminal, boolean repair, long repairMaxRows)
            throws SQLException, InterruptedException {
        long start = System.nanoTime();
        PgConnector pgConnector = new PgConnector(config.pgConn());
        MysqlConnector mysqlConnector = new MysqlConnector(source.dbConn());
        try (Connection catalogConnection = pgConnector.open()) {
            Catalog catalog = Catalog.open(catalogConnection);
            SourceRecord record = catalog.sources().get(source.name());
            List<ComparedTable> tables;
            ServerInfo server;
            try (Connection my = mysqlConnector.open()) {
                server = ServerInfo.read(my);
                tables = tables(catalog.tables().list(record.id()), new SchemaReader(my, server), only);
            }
            int workers = Math.max(1, Math.min(Math.min(source.copyWorkers(), MAX_WORKERS), tables.size()));
            try (ComparePoint point = ComparePoint.open(catalogConnection, pgConnector, mysqlConnector, server, record,
                    workers, repair)) {
                LOG.info("source {}: comparing {} tables at {} with {} workers", source.name(), tables.size(),
                        point.point(), workers);
                Map<TableName, TableResult> results = compare(point, tables, terminal, repair ? repairMaxRows : Long.MAX_VALUE);
                List<CompareRepair.Repaired> repairs = null;
                if (repair) {
                    repairs = repair(pgConnector, point, tables, results, repairMaxRows);
                }
                point.release();
                ReplicaHold hold = point.hold();
                return new CompareReport(source.name(), point.point(), point.lockMillis(),
                        new ArrayList<>(results.values()), Duration.ofNanos(System.nanoTime() - start), hold, repairs);
            }
        }
    }

    private static List<ComparedTable> tables(List<ReplicatedTable> catalogued, SchemaReader reader, Set<TableName> only)
            throws SQLException {
        Map<TableName, ReplicatedTable> copied = new LinkedHashMap<>();
        for (ReplicatedTable t : catalogued) {
            if (t.copied() && (t.replicated() || ReplicatedTable.NO_REPLICA_KEY.equals(t.notReplicatedReason()))) {
                copied.put(t.mysqlName(), t);
            }
        }
        for (TableName name : only) {
            if (!copied.containsKey(name)) {
                throw new CompareRefused("--tables: " + name + " is not a replicated table of the source"
                        + " (show_status --source NAME lists them)");
            }
        }
        Map<String, Map<String, TableDef>> schemas = new HashMap<>();
        List<ComparedTable> tables = new ArrayList<>();
        for (ReplicatedTable t : copied.values()) {
            if (!only.isEmpty() && !only.contains(t.mysqlName())) {
                continue;
            }
            Map<String, TableDef> defs = schemas.computeIfAbsent(t.mysqlName().schema(), s -> new HashMap<>());
            if (defs.isEmpty()) {
                reader.readSchema(t.mysqlName().schema()).forEach(d -> defs.put(d.name().table(), d));
            }
            TableDef def = defs.get(t.mysqlName().table());
            if (def == null) {
                throw new CompareRefused(t.mysqlName() + " is in the catalogue but no longer in MySQL: a DROP not"
                        + " replayed yet? Run compare again once the replica has caught up");
            }
            tables.add(new ComparedTable(def, t.pgSchema(), t.pgTable(), t.replicated() ? t.replicaKey() : List.of()));
        }
        return tables;
    }

    /** The repair, by the workers in parallel: each on its MySQL snapshot connection and a PostgreSQL connection of its own. */
    private List<CompareRepair.Repaired> repair(PgConnector pgConnector, ComparePoint point, List<ComparedTable> tables,
            Map<TableName, TableResult> results, long maxRows) throws SQLException, InterruptedException {
        List<Connection> opened = new ArrayList<>();
        try {
            List<CompareRepair.Worker> workers = new ArrayList<>();
            for (int i = 0; i < point.workers(); i++) {
                Connection pg = pgConnector.open();
                opened.add(pg);
                workers.add(new CompareRepair.Worker(i, new RangeRecopy(config, source, pg), point.mysql(i), pg));
            }
            return new CompareRepair(workers, maxRows).repair(tables, new ArrayList<>(results.values()));
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
    }

    /** Each table's checksum, or empty (logged once, with the column why) when it is compared row by row. */
    private Map<ComparedTable, Optional<RowChecksum>> checksums(List<ComparedTable> tables, Connection pg,
            Map<TableName, TableResult> results) throws SQLException {
        Map<ComparedTable, Optional<RowChecksum>> checksums = new HashMap<>();
        ValuePolicies policies = ValuePolicies.of(source);
        for (ComparedTable t : tables) {
            StringBuilder why = new StringBuilder();
            Optional<RowChecksum> checksum = RowChecksum.of(t, RowChecksum.pgTypes(pg, t), policies, why);
            if (checksum.isEmpty()) {
                LOG.info("{} is compared row by row, without server checksums: {}", t.name(), why);
                results.get(t.name()).notChecksummed(why.toString());
            }
            checksums.put(t, checksum);
        }
        return checksums;
    }

    private Map<TableName, TableResult> compare(ComparePoint point, List<ComparedTable> tables, PrintStream terminal,
            long maxRows) throws SQLException, InterruptedException {
        for (int i = 0; i < point.workers(); i++) {
            try (Statement s = point.mysql(i).createStatement()) {
                s.execute(ValueCanon.MYSQL_SESSION);
            }
            try (Statement s = point.pg(i).createStatement()) {
                for (String set : ValueCanon.PG_SESSION) {
                    s.execute(set);
                }
            }
        }
        Map<TableName, TableResult> results = new LinkedHashMap<>();
        ConcurrentLinkedQueue<KeyRange> work = new ConcurrentLinkedQueue<>();
        for (ComparedTable t : tables) {
            results.put(t.name(), new TableResult(t.name()));
        }
        Map<ComparedTable, Optional<RowChecksum>> checksums = checksums(tables, point.pg(0), results);
        for (ComparedTable t : tables) {
            work.addAll(ComparePlan.ranges(t, checksums.get(t).isPresent(), point.mysql(0), point.pg(0)));
        }
        int total = work.size();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        ValueCanon canon = new ValueCanon(ValuePolicies.of(source));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < point.workers(); i++) {
            RangeCheck check = new RangeCheck(point.mysql(i), point.pg(i),
                    new RangeComparer(point.mysql(i), point.pg(i), canon), checksums, maxRows);
            Thread t = new Thread(() -> {
                KeyRange range;
                while (failure.get() == null && (range = work.poll()) != null) {
                    try {
                        TableResult result = results.get(range.table().name());
                        result.add(check.check(range, result));
                        done.incrementAndGet();
                    } catch (SQLException | RuntimeException e) {
                        failure.compareAndSet(null, new SQLException("compare of " + range.table().name()
                                + (range.whole() ? "" : " keys from " + range.from()) + " failed: " + e.getMessage(), e));
                    }
                }
            }, "compare-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        CompareProgress progress = new CompareProgress(terminal, total, done, results.values());
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(1000);
                progress.draw();
            }
        }
        progress.end();
        if (failure.get() instanceof SQLException e) {
            throw e;
        }
        return results;
    }
}
