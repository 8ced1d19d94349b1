package io.chameleon.ddl;

import io.chameleon.copy.TargetDdl;
import io.chameleon.copy.TargetTable;
import io.chameleon.ddl.AlterAction.AddColumn;
import io.chameleon.ddl.AlterAction.AddForeignKey;
import io.chameleon.ddl.AlterAction.AddIndex;
import io.chameleon.ddl.AlterAction.ChangeColumn;
import io.chameleon.ddl.AlterAction.ChangeDefault;
import io.chameleon.ddl.AlterAction.ConvertCharset;
import io.chameleon.ddl.AlterAction.DropColumn;
import io.chameleon.ddl.AlterAction.DropForeignKey;
import io.chameleon.ddl.AlterAction.DropIndex;
import io.chameleon.ddl.AlterAction.Ignored;
import io.chameleon.ddl.AlterAction.RenameColumn;
import io.chameleon.ddl.AlterAction.RenameIndex;
import io.chameleon.ddl.AlterAction.RenameTo;
import io.chameleon.ddl.AlterAction.TableOptions;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.IndexDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ALTER TABLE (and CREATE/DROP INDEX) on a tracked table: each clause changes the tracked MySQL
 * definition as MySQL does and emits what PostgreSQL needs, in the statement's order. Column
 * order (FIRST/AFTER) is tracked for decoding row events; PostgreSQL keeps its own order.
 */
final class AlterTranslator {
    private final DdlTarget target;
    private final ColumnFactory columns;
    private final ColumnChanges columnChanges;
    private final ServerInfo server;
    private final ForeignKeys foreignKeys;

    AlterTranslator(DdlTarget target, ColumnFactory columns, ServerInfo server, ForeignKeys foreignKeys) {
        this.foreignKeys = foreignKeys;
        this.target = target;
        this.columns = columns;
        this.columnChanges = new ColumnChanges(target.ddl());
        this.server = server;
    }

    /** Applies the clauses but RENAME TO, which the caller applies last; returns those renames. */
    List<RenameTo> apply(Workspace w, TableEdit e, List<AlterAction> actions) {
        // MySQL drops the foreign keys first: a column they held may go, a key of the same name come back
        actions.stream().filter(a -> a instanceof DropForeignKey).forEach(a -> dropForeignKey(e, (DropForeignKey) a));
        List<RenameTo> renames = new ArrayList<>();
        for (AlterAction a : actions) {
            if (a instanceof RenameTo rename) {
                renames.add(rename);
            } else if (!(a instanceof DropForeignKey)) {
                apply(w, e, a);
            }
        }
        return renames;
    }

    // Java 17: no pattern matching in switch yet
    private void apply(Workspace w, TableEdit e, AlterAction a) {
        if (a instanceof AddColumn add) {
            addColumn(w, e, add);
        } else if (a instanceof DropColumn drop) {
            dropColumn(w, e, drop);
        } else if (a instanceof ChangeColumn change) {
            changeColumn(w, e, change);
        } else if (a instanceof RenameColumn rename) {
            renameColumn(w, e, rename);
        } else if (a instanceof ChangeDefault d) {
            changeDefault(w, e, d);
        } else if (a instanceof AddIndex add) {
            addIndex(w, e, add);
        } else if (a instanceof AddForeignKey fk) {
            foreignKey(w, e, fk);
        } else if (a instanceof DropIndex drop) {
            dropIndex(w, e, drop);
        } else if (a instanceof RenameIndex rename) {
            renameIndex(w, e, rename);
        } else if (a instanceof ConvertCharset convert) {
            convert(e, convert.charset());
        } else if (a instanceof TableOptions options) {
            options(e, options);
        } else if (a instanceof Ignored ignored && ignored.warning() != null) {
            w.warn(e.name + ": " + ignored.clause() + " " + ignored.warning());
        }
    }

    private TargetTable current(TableEdit e) {
        return target.table(e.definition());
    }

    private static DdlSkip stale(TableEdit e, String what) {
        return new DdlSkip(what + ", which MySQL would have refused: the tracked definition of " + e.name
                + " no longer matches MySQL's");
    }

    private void addColumn(Workspace w, TableEdit e, AddColumn a) {
        if (e.column(a.column().name()).isPresent()) {
            if (a.ifNotExists()) {
                return;
            }
            throw stale(e, "ADD COLUMN " + a.column().name() + " when " + e.name + " already has it");
        }
        ColumnDef c = columns.column(a.column(), e.charset, 0);
        e.place(c, a.position(), -1);
        columnChanges.add(w, current(e), e.indexOf(c.name()));
        implicitKeys(w, e, a.column());
    }

    /** PRIMARY KEY and UNIQUE declared on the column itself. */
    private void implicitKeys(Workspace w, TableEdit e, ParsedColumn pc) {
        List<IndexDef.Part> part = List.of(new IndexDef.Part(pc.name(), null, null));
        if (pc.primaryKey()) {
            addIndex(w, e, new AddIndex(new ParsedIndex("PRIMARY", true, true, "BTREE", part), false));
        }
        if (pc.unique()) {
            addIndex(w, e, new AddIndex(new ParsedIndex(null, false, true, "BTREE", part), false));
        }
    }

    private void dropColumn(Workspace w, TableEdit e, DropColumn a) {
        int i = e.indexOf(a.name());
        if (i < 0) {
            if (a.ifExists()) {
                return;
            }
            throw stale(e, "DROP COLUMN " + a.name() + " when " + e.name + " has no such column");
        }
        columnChanges.drop(w, current(e), i);
        e.columns.remove(i);
        // MySQL refuses it while a foreign key holds the column: the statement dropped that key too
        e.foreignKeys.removeIf(k -> k.columns().stream().anyMatch(c -> c.equalsIgnoreCase(a.name())));
        // MySQL takes the column out of its indexes; PostgreSQL drops every index that had it
        for (IndexDef idx : List.copyOf(e.indexes)) {
            List<IndexDef.Part> rest = idx.parts().stream()
                    .filter(p -> p.column() == null || !p.column().equalsIgnoreCase(a.name())).toList();
            if (rest.size() != idx.parts().size()) {
                e.pgIndexNames.remove(idx.name());
                e.replaceIndex(idx, rest.isEmpty() ? null : new IndexDef(idx.name(), idx.primary(), idx.unique(),
                        idx.type(), rest));
                if (!rest.isEmpty()) {
                    build(w, e, e.index(idx.name()).orElseThrow());
                }
            }
        }
    }

    private void changeColumn(Workspace w, TableEdit e, ChangeColumn a) {
        int oi = e.indexOf(a.oldName());
        if (oi < 0) {
            if (a.ifExists()) {
                return;
            }
            throw stale(e, "CHANGE COLUMN " + a.oldName() + " when " + e.name + " has no such column");
        }
        TargetTable before = current(e);
        String oldName = e.columns.get(oi).name();
        ColumnDef now = columns.column(a.column(), e.charset, 0);
        e.columns.remove(oi);
        e.place(now, a.position(), oi);
        renameInIndexes(w, e, oldName, now.name());
        TargetTable after = current(e);
        columnChanges.change(w, before, oi, after, e.indexOf(now.name()));
        implicitKeys(w, e, a.column());
    }

    private void renameColumn(Workspace w, TableEdit e, RenameColumn a) {
        int i = e.indexOf(a.from());
        if (i < 0) {
            throw stale(e, "RENAME COLUMN " + a.from() + " when " + e.name + " has no such column");
        }
        TargetTable before = current(e);
        String oldName = e.columns.get(i).name();
        e.columns.set(i, ColumnDefs.renamed(e.columns.get(i), a.to()));
        renameInIndexes(w, e, oldName, a.to());
        columnChanges.change(w, before, i, current(e), i);
    }

    private static void renameInIndexes(Workspace w, TableEdit e, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        e.foreignKeys.replaceAll(k -> ForeignKeys.columnRenamed(k, e.name, from, to));
        ForeignKeys.columnRenamed(w.tables, e.name, from, to);
        for (IndexDef idx : List.copyOf(e.indexes)) {
            List<IndexDef.Part> parts = idx.parts().stream().map(p -> p.column() != null && p.column().equalsIgnoreCase(from)
                    ? new IndexDef.Part(to, p.prefixLength(), p.expression()) : p).toList();
            e.replaceIndex(idx, new IndexDef(idx.name(), idx.primary(), idx.unique(), idx.type(), parts));
        }
    }

    private void changeDefault(Workspace w, TableEdit e, ChangeDefault a) {
        int i = e.indexOf(a.column());
        if (i < 0) {
            throw stale(e, "ALTER COLUMN " + a.column() + " when " + e.name + " has no such column");
        }
        ColumnDef c = e.columns.get(i);
        DefaultNormaliser.Normalised d = a.value() == null
                ? new DefaultNormaliser.Normalised(null, ColumnDef.DefaultKind.NONE) : DefaultNormaliser.of(a.value(), c);
        e.columns.set(i, ColumnDefs.withDefault(c, d.value(), d.kind()));
        columnChanges.setDefault(w, current(e), i);
    }

    private void addIndex(Workspace w, TableEdit e, AddIndex a) {
        IndexDef idx = TableTranslator.named(a.index(), e.indexes);
        if (e.index(idx.name()).isPresent()) {
            if (a.ifNotExists()) {
                return;
            }
            throw stale(e, "ADD " + (idx.primary() ? "PRIMARY KEY" : "INDEX " + idx.name()) + " when " + e.name
                    + " already has it");
        }
        for (String col : idx.columnNames()) {
            if (col != null && e.indexOf(col) < 0) {
                throw stale(e, "an index on " + col + " when " + e.name + " has no such column");
            }
        }
        e.indexes.add(idx);
        build(w, e, idx);
    }

    private void foreignKey(Workspace w, TableEdit e, AddForeignKey a) {
        ParsedForeignKey k = a.key();
        if (a.ifNotExists() && k.symbol() != null && foreignKey(e, k.symbol()).isPresent()) {
            return;
        }
        int before = e.indexes.size();
        TableTranslator.foreignKeyIndex(k.innodbIndexName(), k.columns(), e.indexes);
        if (e.indexes.size() > before) {
            build(w, e, e.indexes.get(e.indexes.size() - 1));
        }
        foreignKeys.resolve(w, k, e.name, e.indexes, e.foreignKeyNames).ifPresent(e.foreignKeys::add);
    }

    private static void dropForeignKey(TableEdit e, DropForeignKey a) {
        Optional<ForeignKeyDef> k = foreignKey(e, a.name());
        if (k.isEmpty() && !a.ifExists()) {
            throw stale(e, "DROP FOREIGN KEY " + a.name() + " when " + e.name + " has no such foreign key");
        }
        k.ifPresent(e.foreignKeys::remove);
    }

    /** Foreign key names are case-insensitive in MySQL. */
    private static Optional<ForeignKeyDef> foreignKey(TableEdit e, String name) {
        return e.foreignKeys.stream().filter(k -> k.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Builds the index in PostgreSQL as init_replica would, and records its PostgreSQL name. */
    private void build(Workspace w, TableEdit e, IndexDef idx) {
        TargetTable t = current(e);
        TargetDdl.IndexStatement st = target.ddl().index(t, idx, w.namer(t.schema(), e));
        if (st.sql() == null) {
            w.warn("index " + idx.name() + " of " + e.name + " not built: " + st.skipReason());
            return;
        }
        w.sql(st.sql());
        e.pgIndexNames.put(idx.name(), st.name());
    }

    private void dropIndex(Workspace w, TableEdit e, DropIndex a) {
        IndexDef idx = e.index(a.name()).orElse(null);
        if (idx == null) {
            if (a.ifExists()) {
                return;
            }
            throw stale(e, "DROP INDEX " + a.name() + " when " + e.name + " has no such index");
        }
        String pg = e.pgIndexNames.remove(idx.name());
        TargetTable t = current(e);
        if (pg != null) {
            w.sql(idx.primary() && idx.plainColumns()
                    ? "ALTER TABLE " + t.tableSql() + " DROP CONSTRAINT " + Sql.ident(pg)
                    : "DROP INDEX " + Sql.qualified(t.schema(), pg));
        }
        e.replaceIndex(idx, null);
    }

    private void renameIndex(Workspace w, TableEdit e, RenameIndex a) {
        IndexDef idx = e.index(a.from()).orElseThrow(() -> stale(e, "RENAME INDEX " + a.from() + " when " + e.name
                + " has no such index"));
        e.replaceIndex(idx, new IndexDef(a.to(), idx.primary(), idx.unique(), idx.type(), idx.parts()));
        String pg = e.pgIndexNames.remove(idx.name());
        if (pg != null) {
            TargetTable t = current(e);
            String name = w.namer(t.schema(), e).name(t.pgTable(), a.to());
            w.sql("ALTER INDEX " + Sql.qualified(t.schema(), pg) + " RENAME TO " + Sql.ident(name));
            e.pgIndexNames.put(a.to(), name);
        }
    }

    /** CONVERT TO CHARACTER SET: the text columns take it (row events are decoded with it from now on). */
    private void convert(TableEdit e, String charset) {
        if (charset.equalsIgnoreCase("binary")) {
            throw new DdlSkip("CONVERT TO CHARACTER SET binary turns the text columns of " + e.name
                    + " into binary types, which is not followed");
        }
        String cs = Charsets.normalise(charset, server);
        e.columns.replaceAll(c -> ColumnDefs.textual(c) ? ColumnDefs.withCharset(c, cs) : c);
        e.charset = cs;
    }

    private void options(TableEdit e, TableOptions o) {
        if (o.engine() != null) {
            e.engine = o.engine();
        }
        if (o.charset() != null) {
            e.charset = Charsets.normalise(o.charset(), server);
        }
    }
}
