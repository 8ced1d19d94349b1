package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts large tables with a single integer key into key ranges so several workers copy one table
 * at once (as the MySQL copy does); the bounds are read inside the snapshot. Largest work first.
 */
final class ChunkPlanner {
    static final long ROWS_PER_CHUNK = 100_000;

    private final Connection snapshot;
    private final int workers;

    ChunkPlanner(Connection snapshot, int workers) {
        this.snapshot = snapshot;
        this.workers = workers;
    }

    List<TableChunk> plan(List<SourceTable> tables) throws SQLException {
        List<TableChunk> chunks = new ArrayList<>();
        for (SourceTable t : tables) {
            chunks.addAll(split(t));
        }
        chunks.sort(Comparator.comparingLong(TableChunk::estimatedRows).reversed());
        return chunks;
    }

    private List<TableChunk> split(SourceTable t) throws SQLException {
        TableChunk whole = new TableChunk(t, null, null, t.estimatedRows());
        if (t.rangeColumn() == null || t.estimatedRows() < 2 * ROWS_PER_CHUNK) {
            return List.of(whole);
        }
        long min;
        long max;
        String col = Sql.ident(t.rangeColumn());
        try (Statement s = snapshot.createStatement();
                ResultSet rs = s.executeQuery("SELECT min(" + col + "), max(" + col + ") FROM " + t.fromSql())) {
            rs.next();
            BigDecimal lo = rs.getBigDecimal(1);
            if (lo == null) {
                return List.of(whole);
            }
            min = lo.longValueExact();
            max = rs.getBigDecimal(2).longValueExact();
        }
        if (max - min < 0) {
            return List.of(whole); // the key spans more than a long counts
        }
        int parts = (int) Math.min(workers * 16L, (t.estimatedRows() + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK);
        long span = max - min + 1;
        long width = Math.max(1, (span + parts - 1) / parts);
        int n = (int) ((span + width - 1) / width);
        List<TableChunk> chunks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chunks.add(new TableChunk(t, i == 0 ? null : min + i * width, i == n - 1 ? null : min + (i + 1) * width,
                    t.estimatedRows() / n));
        }
        return chunks;
    }
}
