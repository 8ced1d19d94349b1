package io.chameleon.apply;

import io.chameleon.pg.Sql;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.ColumnConverter;

import java.util.Arrays;
import java.util.List;

/**
 * Where one MySQL table's changes go and how its values become COPY text: the same converters
 * init_replica used, so a value is identical whichever path carried it.
 *
 * @param columns the PostgreSQL column names, one per tracked column, in the order of the row images
 * @param converters one per column, same order
 * @param keyPositions the replica key's column positions (0-based); empty when the table has no usable key
 * @param foreignKeys the MySQL foreign keys the table holds: their referential actions are reproduced
 */
public record ApplyTarget(TableName mysqlName, String pgSchema, String pgTable, List<String> columns,
        List<ColumnConverter> converters, int[] keyPositions, List<ForeignKeyDef> foreignKeys) {

    public ApplyTarget {
        columns = List.copyOf(columns);
        converters = List.copyOf(converters);
        keyPositions = keyPositions.clone();
        foreignKeys = List.copyOf(foreignKeys);
        if (columns.size() != converters.size()) {
            throw new IllegalArgumentException(mysqlName + ": " + columns.size() + " columns but "
                    + converters.size() + " converters");
        }
        for (int p : keyPositions) {
            if (p < 0 || p >= columns.size()) {
                throw new IllegalArgumentException(mysqlName + ": key position " + p + " outside the "
                        + columns.size() + " columns");
            }
        }
    }

    /** A table without foreign keys. */
    public ApplyTarget(TableName mysqlName, String pgSchema, String pgTable, List<String> columns,
            List<ColumnConverter> converters, int[] keyPositions) {
        this(mysqlName, pgSchema, pgTable, columns, converters, keyPositions, List.of());
    }

    @Override
    public int[] keyPositions() {
        return keyPositions.clone();
    }

    String qualifiedName() {
        return Sql.qualified(pgSchema, pgTable);
    }

    List<String> keyColumns() {
        return Arrays.stream(keyPositions).mapToObj(columns::get).toList();
    }

    /** The position of a MySQL column name (case-insensitive, as MySQL compares them), or -1. */
    int position(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }
}
