package io.chameleon.copy;

import io.chameleon.mysql.MysqlNames;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableDef;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.PgType;
import io.chameleon.types.TextSelect;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one MySQL table is loaded: where it goes in PostgreSQL, each column's PostgreSQL type and
 * converter, and the key that identifies its rows for the replica.
 *
 * @param targetSchema the final schema (the mapping's destination)
 * @param loadSchema the schema the table is built in (the loading schema, or the final one with keep_existing_schema)
 * @param pgTypes one per column, in column order
 * @param converters one per column, in column order
 */
public record TablePlan(
        TableDef source,
        String targetSchema,
        String loadSchema,
        List<PgType> pgTypes,
        List<ColumnConverter> converters,
        Optional<IndexDef> replicaKey,
        Integer fillfactor,
        Long autoIncrementNext) {

    public TablePlan {
        pgTypes = List.copyOf(pgTypes);
        converters = List.copyOf(converters);
    }

    public String pgTable() {
        return source.name().table();
    }

    /** The table's size as information_schema estimates it, for planning the copy. */
    public long estimatedBytes() {
        long bytes = source.dataLength() > 0 ? source.dataLength()
                : source.estimatedRows() * Math.max(1, source.averageRowLength());
        return Math.max(1, bytes);
    }

    public String loadTableSql() {
        return Sql.qualified(loadSchema, pgTable());
    }

    /** The table as it is built in the loading schema. */
    public TargetTable target() {
        return new TargetTable(source, loadSchema, pgTypes, fillfactor);
    }

    public String selectAllSql() {
        return "SELECT " + source.columns().stream().map(TextSelect::expression).collect(Collectors.joining(", "))
                + " FROM " + MysqlNames.qualified(source.name());
    }

    public String copySql() {
        return "COPY " + loadTableSql() + " (" + source.columns().stream().map(c -> Sql.ident(c.name()))
                .collect(Collectors.joining(", ")) + ") FROM STDIN";
    }

    /** The key's column positions (0-based) in the column list, empty without a key. */
    public int[] keyPositions() {
        if (replicaKey.isEmpty()) {
            return new int[0];
        }
        List<String> names = replicaKey.get().columnNames();
        int[] pos = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            for (int j = 0; j < source.columns().size(); j++) {
                if (source.columns().get(j).name().equalsIgnoreCase(n)) {
                    pos[i] = j;
                }
            }
        }
        return pos;
    }

    /**
     * The single integer primary-key column ranges are cut on (quoted for MySQL), or null when the
     * table cannot be split that way.
     */
    public String rangeColumn() {
        return source.primaryKey()
                .filter(pk -> pk.parts().size() == 1 && pk.plainColumns())
                .flatMap(pk -> source.column(pk.parts().get(0).column()))
                .filter(TablePlan::isInteger)
                .map(c -> MysqlNames.ident(c.name()))
                .orElse(null);
    }

    private static boolean isInteger(ColumnDef c) {
        return switch (c.dataType()) {
            // bigint unsigned too: the planner splits it only while its values fit in a long
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint" -> true;
            default -> false;
        };
    }
}
