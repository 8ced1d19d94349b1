package io.chameleon.ddl;

import io.chameleon.ddl.AlterAction.Position;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tracked table being changed, clause by clause: columns in MySQL order, indexes, PostgreSQL index names. */
final class TableEdit {
    final TableName name;
    String engine;
    String charset;
    final List<ColumnDef> columns;
    final List<IndexDef> indexes;
    final Map<String, String> pgIndexNames;
    final List<ForeignKeyDef> foreignKeys;
    /** Names the statement's unnamed foreign keys. */
    final ForeignKeys.Naming foreignKeyNames;
    private final TableDef original;

    TableEdit(TrackedTable t) {
        this.original = t.definition();
        this.name = original.name();
        this.engine = original.engine();
        this.charset = t.defaultCharset();
        this.columns = new ArrayList<>(original.columns());
        this.indexes = new ArrayList<>(original.indexes());
        this.pgIndexNames = new HashMap<>(t.pgIndexNames());
        this.foreignKeys = new ArrayList<>(original.foreignKeys());
        this.foreignKeyNames = new ForeignKeys.Naming(name, foreignKeys);
    }

    TableDef definition() {
        List<ColumnDef> numbered = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            numbered.add(ColumnDefs.at(columns.get(i), i + 1));
        }
        return new TableDef(name, engine, TableTranslator.keyColumnsNotNull(numbered, indexes), IndexNames.sorted(indexes),
                foreignKeys, original.estimatedRows(), original.averageRowLength(), original.dataLength());
    }

    TrackedTable tracked() {
        return new TrackedTable(definition(), charset, pgIndexNames);
    }

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    Optional<ColumnDef> column(String column) {
        int i = indexOf(column);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
    }

    Optional<IndexDef> index(String index) {
        return indexes.stream().filter(i -> i.name().equalsIgnoreCase(index)).findFirst();
    }

    /** Puts {@code c} FIRST, AFTER a column, or at {@code otherwise} (-1: the end). */
    void place(ColumnDef c, Position position, int otherwise) {
        int at = otherwise < 0 ? columns.size() : otherwise;
        if (position != null && position.first()) {
            at = 0;
        } else if (position != null && position.after() != null) {
            int after = indexOf(position.after());
            if (after < 0) {
                throw new DdlSkip("AFTER " + position.after() + ": " + name + " has no such column");
            }
            at = after + 1;
        }
        columns.add(at, c);
    }

    /** The index renamed or shrunk; null removes it. */
    void replaceIndex(IndexDef old, IndexDef now) {
        indexes.remove(old);
        if (now != null) {
            indexes.add(now);
        }
    }
}
