package io.chameleon.copy;

import io.chameleon.format.Quantities;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.ConsistentSnapshot;
import io.chameleon.pg.PgConnector;
import io.chameleon.types.ConversionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The copy workers: worker i reads through snapshot connection i and writes through its own
 * PostgreSQL connection, taking chunks from a shared queue, largest first. A failure that is not
 * about the data stops every worker and is rethrown.
 */
final class CopyWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(CopyWorkers.class);

    private final ConsistentSnapshot snapshot;
    private final PgConnector pg;
    private final ChunkCopier copier;
    private final CopyProgress progress;
    private final Map<TablePlan, BinlogPosition> positions = new ConcurrentHashMap<>();
    private final Set<TablePlan> prepared = ConcurrentHashMap.newKeySet();
    private final ConversionReport adjustments = new ConversionReport();
    private final Consumer<TablePlan> tableLoaded;

    /** @param tableLoaded told of each table once its last chunk is in */
    CopyWorkers(ConsistentSnapshot snapshot, PgConnector pg, ChunkCopier copier, CopyProgress progress,
            Consumer<TablePlan> tableLoaded) {
        this.tableLoaded = tableLoaded;
        this.snapshot = snapshot;
        this.pg = pg;
        this.copier = copier;
        this.progress = progress;
    }

    /** Copies every chunk; returns the binlog coordinates of each table's copy. */
    Map<TablePlan, BinlogPosition> run(List<Chunk> chunks) throws Exception {
        ConcurrentLinkedQueue<Chunk> queue = new ConcurrentLinkedQueue<>(chunks);
        Parallel.run(snapshot.workerCount(), "copy", (index, parallel) -> {
            ConversionReport report = new ConversionReport();
            try (Connection target = pg.open()) {
                Chunk chunk;
                while (!parallel.failed() && (chunk = queue.poll()) != null) {
                    copy(index, chunk, target, report);
                }
            } finally {
                synchronized (adjustments) {
                    adjustments.add(report);
                }
            }
        });
        adjustments.entries().forEach(e -> LOG.warn("values adjusted: {}", e));
        return positions;
    }

    /** The values the converters changed to fit PostgreSQL (by policy), per column and kind. */
    ConversionReport adjustments() {
        return adjustments;
    }

    private void copy(int index, Chunk chunk, Connection target, ConversionReport report) throws Exception {
        TablePlan plan = chunk.table();
        progress.started(plan);
        if (!plan.source().transactional()) {
            // non-transactional: read under its own table lock, stored with that lock's coordinates
            try (ConsistentSnapshot.LockedTable locked = snapshot.lockNonTransactional(plan.source().name())) {
                LOG.info("{} is {} (not transactional): copied under LOCK TABLES at {}", plan.source().name(),
                        plan.source().engine(), locked.position());
                positions.put(plan, locked.position());
                copier.copy(chunk, locked.connection(), target, report);
            }
        } else {
            if (prepared.add(plan)) {
                positions.put(plan, snapshot.prepareTable(index, plan.source().name()));
            }
            copier.copy(chunk, snapshot.worker(index), target, report);
        }
        if (progress.chunkDone(plan)) {
            CopyProgress.TableCounters t = progress.of(plan);
            LOG.info("copied {}: {} rows, {} in {}s{}", t.name(), t.rows(), Quantities.bytes(t.bytes()),
                    String.format("%.1f", t.seconds()), t.discarded() > 0 ? ", " + t.discarded() + " rows discarded" : "");
            tableLoaded.accept(plan);
        }
    }
}
