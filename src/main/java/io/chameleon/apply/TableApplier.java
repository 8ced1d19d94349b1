package io.chameleon.apply;

import io.chameleon.pg.Sql;
import io.chameleon.types.BadValueException;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.ConversionReport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes one table's reduction inside the caller's transaction, set-based: the touched keys are
 * copied into a temporary table and deleted from the target with one DELETE ... USING, then the
 * surviving rows are copied straight into the target. The rows go to the target directly rather
 * than through a staging table: after the DELETE no surviving key is left there, so staging would
 * only write every row twice.
 */
final class TableApplier {
    /** Temporary, so it is private to the connection and leaves no trace after a rollback. */
    private static final String KEYS_TABLE = "chameleon_apply_keys";

    private final Connection connection;
    private String statement;

    TableApplier(Connection connection) {
        this.connection = connection;
    }

    /** The statement or COPY last sent (the one that failed when {@link #apply} throws), or null. */
    String lastStatement() {
        return statement;
    }

    /** Keys deleted (rows found) and rows inserted. */
    record Counts(long deleted, long inserted) {}

    /** @param adjusted where the values adjusted under the source's policies are counted */
    Counts apply(ApplyTarget target, TableReduction changes, AdjustedValues adjusted) throws SQLException, BadValueException {
        statement = null;
        long deleted = changes.insertOnly() ? 0 : deleteKeys(target, changes);
        long inserted = insertSurvivors(target, changes, adjusted);
        return new Counts(deleted, inserted);
    }

    private long deleteKeys(ApplyTarget target, TableReduction changes) throws SQLException, BadValueException {
        List<String> keyColumns = target.keyColumns();
        String keys = Sql.ident(KEYS_TABLE);
        try (Statement s = connection.createStatement()) {
            s.execute(statement = "CREATE TEMP TABLE " + keys + " AS SELECT " + columnList(keyColumns) + " FROM "
                    + target.qualifiedName() + " WITH NO DATA");
            int[] keyOrder = IntStream.range(0, keyColumns.size()).toArray();
            int[] keyPositions = target.keyPositions();
            // the key values are converted by their own columns' converters, so they match the stored values
            List<ColumnConverter> keyConverters = IntStream.of(keyPositions)
                    .mapToObj(target.converters()::get).toList();
            // keys only locate the rows to delete: the values written are counted once, as survivors
            try (CopyStream copy = new CopyStream(connection, statement = "COPY " + keys + " FROM STDIN",
                    new ConversionReport())) {
                for (RowKey key : changes.deletedKeys()) {
                    copy.write(key.values(), keyOrder, keyConverters);
                }
                copy.finish();
            }
            // without statistics the planner may scan the whole target instead of probing its key index
            s.execute(statement = "ANALYZE " + keys);
            String match = keyColumns.stream().map(c -> "t." + Sql.ident(c) + " = k." + Sql.ident(c))
                    .collect(Collectors.joining(" AND "));
            long deleted = s.executeLargeUpdate(statement = "DELETE FROM " + target.qualifiedName() + " t USING "
                    + keys + " k WHERE " + match);
            s.execute(statement = "DROP TABLE " + keys);
            return deleted;
        }
    }

    private long insertSurvivors(ApplyTarget target, TableReduction changes, AdjustedValues adjusted)
            throws SQLException, BadValueException {
        if (changes.survivors().isEmpty()) {
            return 0;
        }
        int[] all = IntStream.range(0, target.columns().size()).toArray();
        try (CopyStream copy = new CopyStream(connection, statement = "COPY " + target.qualifiedName() + " ("
                + columnList(target.columns()) + ") FROM STDIN", adjusted.report())) {
            for (TableReduction.Survivor survivor : changes.survivors().values()) {
                byte[][] row = survivor.row();
                if (row.length != all.length) {
                    throw new IllegalStateException(target.mysqlName() + ": a row image has " + row.length
                            + " values but the table tracks " + all.length + " columns");
                }
                int mark = adjusted.mark();
                copy.write(row, all, target.converters());
                adjusted.wrote(mark, survivor.writtenAt());
            }
            return copy.finish();
        }
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }
}
