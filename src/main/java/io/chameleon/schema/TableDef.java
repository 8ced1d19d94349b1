package io.chameleon.schema;

import java.util.List;
import java.util.Optional;

/**
 * A MySQL table: its columns in ordinal order, its indexes (the primary key first when there is
 * one), its foreign keys (those it holds, pointing at its parents) and the statistics
 * information_schema keeps for planning the copy.
 */
public record TableDef(
        TableName name,
        String engine,
        List<ColumnDef> columns,
        List<IndexDef> indexes,
        List<ForeignKeyDef> foreignKeys,
        long estimatedRows,
        long averageRowLength,
        long dataLength) {

    public TableDef {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** A table without foreign keys. */
    public TableDef(TableName name, String engine, List<ColumnDef> columns, List<IndexDef> indexes, long estimatedRows,
            long averageRowLength, long dataLength) {
        this(name, engine, columns, indexes, List.of(), estimatedRows, averageRowLength, dataLength);
    }

    public TableDef withForeignKeys(List<ForeignKeyDef> keys) {
        return new TableDef(name, engine, columns, indexes, keys, estimatedRows, averageRowLength, dataLength);
    }

    public Optional<ColumnDef> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<IndexDef> primaryKey() {
        return indexes.stream().filter(IndexDef::primary).findFirst();
    }

    /**
     * The key the replica identifies rows by: the primary key, else the first unique index whose
     * columns are all NOT NULL and whole (no prefix). Empty when the table has neither.
     */
    public Optional<IndexDef> replicaKey() {
        Optional<IndexDef> pk = primaryKey();
        if (pk.isPresent()) {
            return pk;
        }
        return indexes.stream()
                .filter(i -> i.unique() && i.plainColumns())
                .filter(i -> i.columnNames().stream().allMatch(n -> column(n).map(c -> !c.nullable()).orElse(false)))
                .findFirst();
    }

    /** InnoDB and other engines with MVCC snapshots; MyISAM, MEMORY, ARCHIVE... are not. */
    public boolean transactional() {
        return engine == null || engine.equalsIgnoreCase("InnoDB") || engine.equalsIgnoreCase("XtraDB")
                || engine.equalsIgnoreCase("TokuDB") || engine.equalsIgnoreCase("RocksDB");
    }
}
