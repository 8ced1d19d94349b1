package io.chameleon.apply;

import io.chameleon.pg.Sql;
import io.chameleon.types.BadValueException;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.ConversionReport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes one table's reduction inside the caller's transaction, set-based, in at most four round
 * trips: the keys to delete and the rows to update in place are copied into the table's two
 * staging tables, one multi-statement execution deletes ({@code DELETE ... USING}) and updates
 * ({@code UPDATE ... FROM}) from them, then the rows new to the table are copied straight into it.
 *
 * <p>A row that was there before the batch and still is ({@link TableReduction#updatedInPlace}) is
 * updated in place: PostgreSQL then writes no index entry for an unchanged indexed value and can
 * make a heap-only update, where a delete and insert wrote every index twice. This is done only
 * when the key's index is the table's only unique index: a unique value moving between rows of
 * one batch could trip PostgreSQL's row-by-row unique check inside one UPDATE, where deleting
 * first never can. Other tables delete and insert every touched row, as MySQL's final state
 * allows.
 *
 * <p>The staging tables are temporary (private to the connection), created once per table and
 * connection, emptied at each commit (ON COMMIT DELETE ROWS) and before a second use in one transaction: no catalogue
 * writes and no ANALYZE per batch. With no statistics the planner could hash the whole target, so
 * the statements run with hash and merge joins off: a nested loop probing the key's index.
 */
final class TableApplier {
    private final Connection connection;
    /** Per target table and column list, its staging tables; forgotten at a retarget. */
    private final Map<String, Staging> staging = new HashMap<>();
    /** Per target table, whether its key's index is its only unique index. */
    private final Map<String, Boolean> keyOnlyUnique = new HashMap<>();
    /** Staging tables of definitions gone by, dropped with the next batch. */
    private final List<String> obsolete = new ArrayList<>();
    private int stagingCount;
    private String statement;

    TableApplier(Connection connection) {
        this.connection = connection;
    }

    /** The statement or COPY last sent (the one that failed when {@link #apply} throws), or null. */
    String lastStatement() {
        return statement;
    }

    /** Keys deleted (rows found), rows updated in place and rows inserted. */
    record Counts(long deleted, long updated, long inserted) {}

    /**
     * The staging tables of one target shape, and whether they exist in the current transaction's view.
     * A column of a type outside pg_catalog (MySQL's ENUMs become types of their own, PostGIS's
     * geometry) is staged as text and cast where it is used: a temporary table depending on such a
     * type would stop the DDL or sync_tables that drops or replaces it.
     */
    private static final class Staging {
        final String keys;
        final String rows;
        /** Per column (target order), its staging definition ({@code "name" type}) and the cast to the target's type, or "". */
        final List<String> definitions = new ArrayList<>();
        final List<String> casts = new ArrayList<>();
        /** Whether they exist as far as this applier knows (a rollback may have undone their creation). */
        boolean created;
        /** Whether they may hold rows of this transaction: they were used since the last commit. */
        boolean dirty;

        Staging(int n) {
            keys = "pg_temp." + Sql.ident("chameleon_stage_keys_" + n);
            rows = "pg_temp." + Sql.ident("chameleon_stage_rows_" + n);
        }
    }

    /**
     * A rollback (whole, or to a savepoint) may have undone the creation of staging tables: they are
     * created again (IF NOT EXISTS) at their next use. Those used before a savepoint may still hold
     * rows: they stay marked so, and are emptied at their next use.
     */
    void rolledBack() {
        staging.values().forEach(s -> s.created = false);
    }

    /** The transaction committed: ON COMMIT DELETE ROWS emptied the staging tables. */
    void committed() {
        staging.values().forEach(s -> s.dirty = false);
    }

    /** The tables' definitions changed: new staging tables from now on (the old ones dropped), the unique indexes read again. */
    void retargeted() {
        staging.values().forEach(s -> {
            obsolete.add(s.keys);
            obsolete.add(s.rows);
        });
        staging.clear();
        keyOnlyUnique.clear();
    }

    /** @param adjusted where the values adjusted under the source's policies are counted */
    Counts apply(ApplyTarget target, TableReduction changes, AdjustedValues adjusted) throws SQLException, BadValueException {
        statement = null;
        if (changes.insertOnly()) {
            return new Counts(0, 0, copyRows(target, target.qualifiedName(), changes.survivors().values(), adjusted));
        }
        boolean inPlace = target.columns().size() > target.keyPositions().length && keyOnlyUnique(target);
        List<TableReduction.Survivor> updates = new ArrayList<>();
        List<TableReduction.Survivor> inserts = new ArrayList<>();
        for (Map.Entry<RowKey, TableReduction.Survivor> e : changes.survivors().entrySet()) {
            (inPlace && changes.updatedInPlace(e.getKey()) ? updates : inserts).add(e.getValue());
        }
        Staging stage = emptyStaging(target);
        stage.dirty = true;
        List<String> work = new ArrayList<>();
        long keys = copyKeys(target, stage, changes, k -> !inPlace || !changes.updatedInPlace(k));
        if (keys > 0) {
            work.add("DELETE FROM " + target.qualifiedName() + " t USING " + stage.keys + " s WHERE " + keyMatch(target, stage));
        }
        long rows = copyRows(target, stage.rows, updates, adjusted);
        if (rows > 0) {
            List<Integer> keyPositions = IntStream.of(target.keyPositions()).boxed().toList();
            work.add("UPDATE " + target.qualifiedName() + " t SET " + IntStream.range(0, target.columns().size())
                    .filter(i -> !keyPositions.contains(i)).mapToObj(i -> Sql.ident(target.columns().get(i)) + " = "
                            + staged(target, stage, i)).collect(Collectors.joining(", "))
                    + " FROM " + stage.rows + " s WHERE " + keyMatch(target, stage));
        }
        long[] counts = run(work, inPlace ? null : stage.keys);
        long deleted = keys > 0 ? counts[0] : 0;
        long updated = rows > 0 ? counts[counts.length - 1] : 0;
        long inserted = copyRows(target, target.qualifiedName(), inserts, adjusted);
        if (updated < rows) {
            inserted += insertMissing(target, stage);
        }
        return new Counts(deleted, updated, inserted);
    }

    /** The keys to delete, into the keys staging table: the deleted keys whose rows are not updated in place. */
    private long copyKeys(ApplyTarget target, Staging stage, TableReduction changes, Predicate<RowKey> which)
            throws SQLException, BadValueException {
        int[] keyPositions = target.keyPositions();
        int[] keyOrder = IntStream.range(0, keyPositions.length).toArray();
        // the key values are converted by their own columns' converters, so they match the stored values
        List<ColumnConverter> keyConverters = IntStream.of(keyPositions).mapToObj(target.converters()::get).toList();
        CopyStream copy = null;
        try {
            for (RowKey key : changes.deletedKeys()) {
                if (!which.test(key)) {
                    continue;
                }
                if (copy == null) {
                    // keys only locate the rows to delete: the values written are counted once, as rows
                    copy = new CopyStream(connection, statement = "COPY " + stage.keys + " FROM STDIN", new ConversionReport());
                }
                copy.write(key.values(), keyOrder, keyConverters);
            }
            return copy == null ? 0 : copy.finish();
        } finally {
            if (copy != null) {
                copy.close();
            }
        }
    }

    /** Copies {@code survivors} into {@code into} (a staging table or the target). */
    private long copyRows(ApplyTarget target, String into, Collection<TableReduction.Survivor> survivors,
            AdjustedValues adjusted) throws SQLException, BadValueException {
        int[] all = IntStream.range(0, target.columns().size()).toArray();
        CopyStream copy = null;
        try {
            for (TableReduction.Survivor survivor : survivors) {
                byte[][] row = survivor.row();
                if (row.length != all.length) {
                    throw new IllegalStateException(target.mysqlName() + ": a row image has " + row.length
                            + " values but the table tracks " + all.length + " columns");
                }
                if (copy == null) {
                    copy = new CopyStream(connection, statement = "COPY " + into + " (" + columnList(target.columns())
                            + ") FROM STDIN", adjusted.report());
                }
                int mark = adjusted.mark();
                copy.write(row, all, target.converters());
                adjusted.wrote(mark, survivor.writtenAt());
            }
            return copy == null ? 0 : copy.finish();
        } finally {
            if (copy != null) {
                copy.close();
            }
        }
    }

    /**
     * Runs {@code work} in one round trip; returns each statement's row count, in order. With
     * {@code analyze} (a keys staging table) the planner gets its statistics; without, it is held to
     * nested loops probing the key's index.
     */
    private long[] run(List<String> work, String analyze) throws SQLException {
        if (work.isEmpty()) {
            return new long[0];
        }
        List<String> all = new ArrayList<>();
        if (analyze != null) {
            all.add("ANALYZE " + analyze);
        } else {
            all.add("SET enable_hashjoin = off");
            all.add("SET enable_mergejoin = off");
        }
        int first = all.size();
        all.addAll(work);
        if (analyze == null) {
            all.add("RESET enable_hashjoin");
            all.add("RESET enable_mergejoin");
        }
        long[] counts = new long[work.size()];
        try (Statement s = connection.createStatement()) {
            boolean result = s.execute(statement = String.join(";\n", all));
            for (int i = 0; i < first + work.size(); i++) {
                if (i >= first) {
                    counts[i - first] = result ? -1 : s.getLargeUpdateCount();
                }
                result = s.getMoreResults();
            }
        }
        return counts;
    }

    /**
     * The target's staging tables, created when this connection may not have them yet, and emptied
     * when this transaction used them already (a second step or part; a commit empties them).
     */
    private Staging emptyStaging(ApplyTarget target) throws SQLException {
        String shape = target.qualifiedName() + " " + target.columns();
        Staging stage = staging.get(shape);
        if (stage == null) {
            stage = new Staging(++stagingCount);
            readColumnTypes(target, stage);
            staging.put(shape, stage);
        }
        List<String> prepare = new ArrayList<>();
        if (!obsolete.isEmpty()) {
            prepare.add("DROP TABLE IF EXISTS " + String.join(", ", obsolete));
            obsolete.clear();
        }
        if (!stage.created) {
            prepare.add("CREATE TEMP TABLE IF NOT EXISTS " + stage.keys + " (" + IntStream.of(target.keyPositions())
                    .mapToObj(stage.definitions::get).collect(Collectors.joining(", ")) + ") ON COMMIT DELETE ROWS");
            prepare.add("CREATE TEMP TABLE IF NOT EXISTS " + stage.rows + " (" + String.join(", ", stage.definitions)
                    + ") ON COMMIT DELETE ROWS");
        }
        if (stage.dirty) {
            prepare.add("DELETE FROM " + stage.keys);
            prepare.add("DELETE FROM " + stage.rows);
        }
        if (!prepare.isEmpty()) {
            execute(String.join(";\n", prepare));
        }
        stage.created = true;
        stage.dirty = false;
        return stage;
    }

    /** Rows to update in place that the target lacked (a replica that drifted): inserted, as replay would. */
    private long insertMissing(ApplyTarget target, Staging stage) throws SQLException {
        return execute("INSERT INTO " + target.qualifiedName() + " (" + columnList(target.columns()) + ") SELECT "
                + IntStream.range(0, target.columns().size()).mapToObj(i -> staged(target, stage, i))
                        .collect(Collectors.joining(", "))
                + " FROM " + stage.rows + " s WHERE NOT EXISTS (SELECT FROM " + target.qualifiedName() + " t WHERE "
                + keyMatch(target, stage) + ")");
    }

    /** Column {@code i} of the staged row {@code s}, as the target's type. */
    private static String staged(ApplyTarget target, Staging stage, int i) {
        return "s." + Sql.ident(target.columns().get(i)) + stage.casts.get(i);
    }

    private long execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return s.executeLargeUpdate(statement = sql);
        }
    }

    /** Each column's type and collation as the target has them, a type outside pg_catalog staged as text. */
    private void readColumnTypes(ApplyTarget target, Staging stage) throws SQLException {
        Map<String, String[]> byName = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(statement = "SELECT a.attname,"
                + " format_type(a.atttypid, a.atttypmod), tn.nspname = 'pg_catalog',"
                + " CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation"
                + "   THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END"
                + " FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = ty.typnamespace"
                + " LEFT JOIN pg_collation co ON co.oid = a.attcollation LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
                + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped")) {
            ps.setString(1, target.qualifiedName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byName.put(rs.getString(1), new String[] {rs.getString(2), rs.getBoolean(3) ? "" : rs.getString(2),
                            rs.getString(4)});
                }
            }
        }
        for (String column : target.columns()) {
            String[] type = byName.get(column);
            if (type == null) {
                throw new SQLException(target.mysqlName() + ": column " + column + " is not in " + target.qualifiedName()
                        + " (the tracked definition and PostgreSQL's table differ: refresh_schema or sync_tables repairs it)");
            }
            boolean builtIn = type[1].isEmpty();
            stage.definitions.add(Sql.ident(column) + " " + (builtIn ? type[0] : "text")
                    + (builtIn && type[2] != null ? " COLLATE " + type[2] : ""));
            stage.casts.add(builtIn ? "" : "::" + type[1]);
        }
    }

    /** Whether the target's only unique index is its key's (read once per table, and again after a retarget). */
    private boolean keyOnlyUnique(ApplyTarget target) throws SQLException {
        Boolean known = keyOnlyUnique.get(target.qualifiedName());
        if (known != null) {
            return known;
        }
        try (PreparedStatement ps = connection.prepareStatement(statement = "SELECT count(*) FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND i.indisunique")) {
            ps.setString(1, target.pgSchema());
            ps.setString(2, target.pgTable());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                boolean only = rs.getLong(1) == 1;
                keyOnlyUnique.put(target.qualifiedName(), only);
                return only;
            }
        }
    }

    /** The target's key equals the staged row's (the cast on the staged side, so the key's index is probed). */
    private static String keyMatch(ApplyTarget target, Staging stage) {
        return IntStream.of(target.keyPositions()).mapToObj(i -> "t." + Sql.ident(target.columns().get(i)) + " = "
                + staged(target, stage, i)).collect(Collectors.joining(" AND "));
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }
}
