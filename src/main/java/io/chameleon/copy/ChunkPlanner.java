package io.chameleon.copy;

import io.chameleon.mysql.ConsistentSnapshot;
import io.chameleon.mysql.MysqlNames;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts large tables into primary-key ranges so several workers copy one table at once, as far as
 * the load needs it to keep the machine's CPUs busy: a table is cut into one range per share it
 * holds of the load's bytes, a share being the load over the streams that can run at once
 * (copy_workers, at most the CPUs). Several COPY streams into one table, or one after the other,
 * cost PostgreSQL 15 more CPU than one COPY: a 2M-row load cut in 100k-row ranges took 1.5-3
 * CPU-seconds more on 2 CPUs (bench/README.md, "init_replica"). Only when all workers share one
 * snapshot and the key is a single integer column; everything else is one chunk. The largest
 * work is scheduled first.
 */
final class ChunkPlanner {

    private final ConsistentSnapshot snapshot;
    private final int streams;

    /** @param cpus the CPUs the copy may use */
    ChunkPlanner(ConsistentSnapshot snapshot, int cpus) {
        this.snapshot = snapshot;
        this.streams = Math.max(1, Math.min(snapshot.workerCount(), cpus));
    }

    List<Chunk> plan(List<TablePlan> plans) throws SQLException {
        long total = plans.stream().mapToLong(TablePlan::estimatedBytes).sum();
        List<Chunk> chunks = new ArrayList<>();
        for (TablePlan p : plans) {
            chunks.addAll(split(p, parts(p.estimatedBytes(), total, streams)));
        }
        chunks.sort(Comparator.comparingLong(Chunk::estimatedBytes).reversed());
        return chunks;
    }

    /** Ranges for a table of {@code bytes} in a load of {@code total}: one per share of total / streams it holds. */
    static int parts(long bytes, long total, int streams) {
        if (total <= 0) {
            return 1;
        }
        long shares = (long) Math.ceil((double) bytes * streams / total);
        return (int) Math.max(1, Math.min(streams, shares));
    }

    private List<Chunk> split(TablePlan p, int parts) throws SQLException {
        String key = p.rangeColumn();
        long rows = p.source().estimatedRows();
        if (!snapshot.shared() || key == null || !p.source().transactional() || parts < 2 || !KeyRanges.worthSplitting(rows)) {
            return List.of(new Chunk(p, 0, 1, null, null));
        }
        long min;
        long max;
        Connection c = snapshot.worker(0);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(" + key + "), MAX(" + key + ") FROM "
                        + MysqlNames.qualified(p.source().name()))) {
            rs.next();
            java.math.BigDecimal lo = rs.getBigDecimal(1);
            java.math.BigDecimal hi = rs.getBigDecimal(2);
            if (lo == null || hi.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return List.of(new Chunk(p, 0, 1, null, null)); // empty, or unsigned values past a long
            }
            min = lo.longValueExact();
            max = hi.longValueExact();
        }
        List<KeyRanges.Range> ranges = KeyRanges.split(min, max, parts);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            chunks.add(new Chunk(p, i, ranges.size(), ranges.get(i).from(), ranges.get(i).to()));
        }
        return chunks;
    }
}
