package io.chameleon.pgsource;

import io.chameleon.copy.KeyRanges;
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
        if (t.rangeColumn() == null || !KeyRanges.worthSplitting(t.estimatedRows())) {
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
        List<KeyRanges.Range> ranges = KeyRanges.split(min, max, t.estimatedRows(), workers);
        List<TableChunk> chunks = new ArrayList<>();
        for (KeyRanges.Range r : ranges) {
            chunks.add(new TableChunk(t, r.from(), r.to(), t.estimatedRows() / ranges.size()));
        }
        return chunks;
    }
}
