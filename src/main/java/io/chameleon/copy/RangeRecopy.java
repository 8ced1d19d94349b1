package io.chameleon.copy;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.MysqlNames;
import io.chameleon.pg.Sql;
import io.chameleon.schema.TableDef;
import io.chameleon.types.ConversionReport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies parts of one table again into its live PostgreSQL table, for compare's repair: each key
 * range (or the whole table) is deleted and re-read from the caller's MySQL snapshot, converted by
 * the same type map and converters as init_replica ({@link TablePlanner}, {@link ChunkCopier}), all
 * in one PostgreSQL transaction, committed only when every part is in.
 */
public final class RangeRecopy {
    /** A key range {@code [from, to)} of the table's single integer key column; both null: the whole table. */
    public record Part(Long from, Long to) {
        public static final Part WHOLE = new Part(null, null);

        boolean whole() {
            return from == null && to == null;
        }
    }

    /** What one table's repair did: rows deleted and inserted, and rows the type map's policies kept out. */
    public record Outcome(long deleted, long inserted, List<String> discarded) {}

    private final TablePlanner planner;
    private final ChunkCopier copier;
    private final CopyProgress progress = new CopyProgress();
    private final List<String> discarded = new ArrayList<>();

    /** @param pg a PostgreSQL connection, to see whether PostGIS is there (spatial columns map to it then) */
    public RangeRecopy(ChameleonConfig config, SourceConfig source, Connection pg) throws SQLException {
        this.planner = new TablePlanner(config, source, InitialLoad.hasPostgis(pg));
        long perWorker = source.copyMaxMemory() / Math.max(1, source.copyWorkers()) - (6L << 20);
        this.copier = new ChunkCopier(source.copyMode(), source.outDir(), perWorker, progress,
                (table, key, column, reason, row) -> discarded.add(table.source().name() + " [" + key + "] "
                        + (column == null ? "" : column + ": ") + reason), source.name());
    }

    /**
     * Whether the parts can be ranges of {@code keyColumn}: init_replica cuts chunks only on a
     * single integer primary key; other tables are repaired whole.
     */
    public boolean rangesOn(TableDef def, String keyColumn) {
        String column = plan(def, "x").rangeColumn();
        return column != null && column.equals(MysqlNames.ident(keyColumn));
    }

    /**
     * Deletes and copies again each part of {@code def} in PostgreSQL table {@code pgSchema.def's name},
     * in one transaction on {@code pg}, reading {@code mysql} (a connection inside the snapshot).
     */
    public synchronized Outcome recopy(TableDef def, String pgSchema, String keyColumn, List<Part> parts,
            Connection mysql, Connection pg) throws SQLException, IOException {
        TablePlan plan = plan(def, pgSchema);
        discarded.clear();
        progress.register(plan, parts.size());
        boolean autoCommit = pg.getAutoCommit();
        pg.setAutoCommit(false);
        long deleted = 0;
        long inserted = 0;
        try {
            for (Part part : parts) {
                try (Statement s = pg.createStatement()) {
                    deleted += s.executeUpdate("DELETE FROM " + plan.loadTableSql() + where(part, keyColumn));
                }
                inserted += copier.copyWithin(new Chunk(plan, 0, 1, part.from(), part.to()), mysql, pg,
                        new ConversionReport());
            }
            pg.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            pg.rollback();
            throw e;
        } finally {
            pg.setAutoCommit(autoCommit);
        }
        return new Outcome(deleted, inserted, List.copyOf(discarded));
    }

    private TablePlan plan(TableDef def, String pgSchema) {
        TablePlan p = planner.plan(List.of(def), Map.of()).get(0);
        // the live table, not init_replica's loading schema
        return new TablePlan(p.source(), pgSchema, pgSchema, p.pgTypes(), p.converters(), p.replicaKey(), null, null);
    }

    private static String where(Part part, String keyColumn) {
        if (part.whole()) {
            return "";
        }
        String k = Sql.ident(keyColumn);
        return " WHERE " + (part.from() == null ? "" : k + " >= " + part.from())
                + (part.from() != null && part.to() != null ? " AND " : "")
                + (part.to() == null ? "" : k + " < " + part.to());
    }
}
