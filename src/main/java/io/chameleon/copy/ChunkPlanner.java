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
 * Cuts large tables into primary-key ranges so several workers copy one table at once. Only when
 * all workers share one snapshot, the key is a single integer column and the table is large;
 * everything else is one chunk. The largest work is scheduled first.
 */
final class ChunkPlanner {

    private final ConsistentSnapshot snapshot;

    ChunkPlanner(ConsistentSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    List<Chunk> plan(List<TablePlan> plans) throws SQLException {
        List<Chunk> chunks = new ArrayList<>();
        for (TablePlan p : plans) {
            chunks.addAll(split(p));
        }
        chunks.sort(Comparator.comparingLong(Chunk::estimatedBytes).reversed());
        return chunks;
    }

    private List<Chunk> split(TablePlan p) throws SQLException {
        String key = p.rangeColumn();
        long rows = p.source().estimatedRows();
        if (!snapshot.shared() || key == null || !p.source().transactional() || !KeyRanges.worthSplitting(rows)) {
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
        List<KeyRanges.Range> ranges = KeyRanges.split(min, max, rows, snapshot.workerCount());
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            chunks.add(new Chunk(p, i, ranges.size(), ranges.get(i).from(), ranges.get(i).to()));
        }
        return chunks;
    }
}
