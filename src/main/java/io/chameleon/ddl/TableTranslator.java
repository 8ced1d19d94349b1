package io.chameleon.ddl;

import io.chameleon.copy.IndexNamer;
import io.chameleon.copy.TargetDdl;
import io.chameleon.copy.TargetTable;
import io.chameleon.ddl.DdlStatement.CreateTable;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.PgEnumType;
import io.chameleon.types.PgType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CREATE, DROP, RENAME and TRUNCATE TABLE, built in PostgreSQL exactly as init_replica builds tables. */
final class TableTranslator {
    private final DdlTarget target;
    private final ColumnFactory columns;
    private final ForeignKeys foreignKeys;

    TableTranslator(DdlTarget target, ColumnFactory columns, ForeignKeys foreignKeys) {
        this.target = target;
        this.columns = columns;
        this.foreignKeys = foreignKeys;
    }

    /** The MySQL definition a CREATE TABLE gives: keys named and their columns made NOT NULL as MySQL does. */
    TableDef define(Workspace w, TableName name, CreateTable s, String charset) {
        List<ColumnDef> cols = new ArrayList<>();
        List<IndexDef> indexes = new ArrayList<>();
        for (ParsedColumn pc : s.columns()) {
            cols.add(columns.column(pc, charset, cols.size() + 1));
            if (pc.primaryKey()) {
                indexes.add(new IndexDef("PRIMARY", true, true, "BTREE", List.of(new IndexDef.Part(pc.name(), null, null))));
            }
            if (pc.unique()) {
                indexes.add(new IndexDef(IndexNames.unnamed(pc.name(), indexes), false, true, "BTREE",
                        List.of(new IndexDef.Part(pc.name(), null, null))));
            }
        }
        for (ParsedIndex pi : s.indexes()) {
            indexes.add(named(pi, indexes));
        }
        List<ForeignKeyDef> keys = new ArrayList<>();
        ForeignKeys.Naming naming = new ForeignKeys.Naming(name, List.of());
        for (ParsedForeignKey fk : s.foreignKeys()) {
            foreignKeyIndex(fk.innodbIndexName(), fk.columns(), indexes);
            foreignKeys.resolve(w, fk, name, indexes, naming).ifPresent(keys::add);
        }
        return new TableDef(name, s.engine() != null ? s.engine() : "InnoDB", keyColumnsNotNull(cols, indexes),
                IndexNames.sorted(indexes), keys, 0, 0, 0);
    }

    /** The index with MySQL's name for it when the statement gave none. */
    static IndexDef named(ParsedIndex pi, List<IndexDef> existing) {
        String name = pi.name() != null ? pi.name() : IndexNames.unnamed(
                pi.parts().get(0).column() != null ? pi.parts().get(0).column() : "functional_index", existing);
        return new IndexDef(name, pi.primary(), pi.unique(), pi.type(), pi.parts());
    }

    /** InnoDB gives a foreign key its own index unless an index already starts with its columns. */
    static void foreignKeyIndex(String name, List<String> fkColumns, List<IndexDef> indexes) {
        boolean covered = indexes.stream().anyMatch(i -> i.columnNames().size() >= fkColumns.size()
                && i.columnNames().subList(0, fkColumns.size()).stream().map(String::toLowerCase).toList()
                        .equals(fkColumns.stream().map(String::toLowerCase).toList()));
        if (!covered) {
            String n = name != null && !IndexNames.taken(name, indexes) ? name
                    : IndexNames.unnamed(fkColumns.get(0), indexes);
            indexes.add(new IndexDef(n, false, false, "BTREE", fkColumns.stream()
                    .map(c -> new IndexDef.Part(c, null, null)).toList()));
        }
    }

    /** A primary key's columns are NOT NULL in MySQL. */
    static List<ColumnDef> keyColumnsNotNull(List<ColumnDef> cols, List<IndexDef> indexes) {
        List<String> key = indexes.stream().filter(IndexDef::primary).flatMap(i -> i.columnNames().stream())
                .map(String::toLowerCase).toList();
        return cols.stream().map(c -> key.contains(c.name().toLowerCase()) ? ColumnDefs.notNull(c) : c).toList();
    }

    /** Creates the table in PostgreSQL (enum types, table, keys and indexes, identity) and tracks it. */
    void build(Workspace w, TableDef def, String charset, long autoIncrementStart) {
        TargetTable t = target.table(def);
        TargetDdl ddl = target.ddl();
        ddl.enumTypes(t).forEach(w::sql);
        TargetDdl.Statement create = ddl.createTable(t);
        w.sql(create.sql());
        create.warnings().forEach(w::warn);
        w.tables.put(def.name(), new TrackedTable(def, charset, Map.of()));
        Map<String, String> pgNames = new HashMap<>();
        IndexNamer namer = w.namer(t.schema());
        for (IndexDef idx : def.indexes()) {
            TargetDdl.IndexStatement st = ddl.index(t, idx, namer);
            if (st.sql() == null) {
                w.warn("index " + idx.name() + " of " + def.name() + " not built: " + st.skipReason());
            } else {
                w.sql(st.sql());
                pgNames.put(idx.name(), st.name());
            }
        }
        for (int i = 0; i < def.columns().size(); i++) {
            ColumnDef c = def.columns().get(i);
            if (c.autoIncrement()) {
                ddl.autoIncrement(t, c, t.pgTypes().get(i), autoIncrementStart).forEach(w::sql);
            }
        }
        w.tables.put(def.name(), new TrackedTable(def, charset, pgNames));
        w.created(def.name());
        w.change(TableChange.Kind.CREATED, def.name());
    }

    /** Drops the table and its enum types in PostgreSQL and stops tracking it. */
    void drop(Workspace w, TableName name) {
        TrackedTable t = w.tables.remove(name);
        TargetTable tt = target.table(t.definition());
        // CASCADE: as in MySQL, what depends on the table (views made in PostgreSQL) does not keep it alive
        w.sql("DROP TABLE IF EXISTS " + tt.tableSql() + " CASCADE");
        for (PgType type : tt.pgTypes()) {
            type.enumType().ifPresent(e -> w.sql("DROP TYPE IF EXISTS " + Sql.qualified(tt.schema(), e.name())));
        }
        w.change(TableChange.Kind.DROPPED, name);
    }

    /**
     * Renames a tracked table into an included name: the table (and its enum types, which carry the
     * table's name) move and are renamed; its indexes keep their PostgreSQL names.
     */
    void rename(Workspace w, TableName from, TableName to) {
        TrackedTable t = w.tables.remove(from);
        TargetTable old = target.table(t.definition());
        TableEdit edit = new TableEdit(t);
        TableDef renamed = new TableDef(to, edit.engine, t.definition().columns(), t.definition().indexes(),
                t.definition().foreignKeys().stream().map(k -> ForeignKeys.moved(k, to)).toList(),
                t.definition().estimatedRows(), t.definition().averageRowLength(), t.definition().dataLength());
        TargetTable now = target.table(renamed);
        String table = old.tableSql();
        if (!old.schema().equals(now.schema())) {
            w.sql("ALTER TABLE " + table + " SET SCHEMA " + Sql.ident(now.schema()));
            table = Sql.qualified(now.schema(), old.pgTable());
        }
        if (!old.pgTable().equals(now.pgTable())) {
            w.sql("ALTER TABLE " + table + " RENAME TO " + Sql.ident(now.pgTable()));
        }
        for (int i = 0; i < old.pgTypes().size(); i++) {
            ColumnDef c = renamed.columns().get(i);
            moveEnumType(w, old.pgTypes().get(i), old.schema(), now.pgTypes().get(i), now.schema());
            if (c.autoIncrement() && !TargetDdl.isIdentityType(now.pgTypes().get(i))
                    && !old.pgTable().equals(now.pgTable())) {
                w.sql("ALTER SEQUENCE " + Sql.qualified(now.schema(), TargetDdl.sequenceName(old.pgTable(), c.name()))
                        + " RENAME TO " + Sql.ident(TargetDdl.sequenceName(now.pgTable(), c.name())));
            }
        }
        w.tables.put(to, new TrackedTable(renamed, t.defaultCharset(), t.pgIndexNames()));
        w.renamed(from, to);
    }

    /** Moves and renames an enum type to follow its table or column, keeping {@code enum_<table>_<column>}. */
    static void moveEnumType(Workspace w, PgType old, String oldSchema, PgType now, String newSchema) {
        if (old.enumType().isEmpty() || now.enumType().isEmpty()) {
            return;
        }
        PgEnumType o = old.enumType().get();
        PgEnumType n = now.enumType().get();
        if (!oldSchema.equals(newSchema)) {
            w.sql("ALTER TYPE " + Sql.qualified(oldSchema, o.name()) + " SET SCHEMA " + Sql.ident(newSchema));
        }
        if (!o.name().equals(n.name())) {
            w.sql("ALTER TYPE " + Sql.qualified(newSchema, o.name()) + " RENAME TO " + Sql.ident(n.name()));
        }
    }

    void truncate(Workspace w, TableName name) {
        // RESTART IDENTITY: MySQL's TRUNCATE starts auto_increment again too
        w.sql("TRUNCATE TABLE " + target.table(w.tables.get(name).definition()).tableSql() + " RESTART IDENTITY");
        w.change(TableChange.Kind.TRUNCATED, name);
    }
}
