package io.chameleon.ddl;

import io.chameleon.ddl.AlterAction.AddColumn;
import io.chameleon.ddl.AlterAction.ChangeColumn;
import io.chameleon.ddl.AlterAction.DropColumn;
import io.chameleon.ddl.AlterAction.RenameColumn;
import io.chameleon.ddl.DdlStatement.CreateTable;
import io.chameleon.schema.ColumnDef;

import java.util.ArrayList;
import java.util.List;

/**
 * TIMESTAMP declarations as a session with explicit_defaults_for_timestamp = OFF (MariaDB before
 * 10.10) has them read, following MariaDB's promote_first_timestamp_column and checked against
 * information_schema on MariaDB 11.4: a TIMESTAMP not declared NULL is NOT NULL and its DEFAULT
 * NULL is ignored; the table's first TIMESTAMP column (in column order, after the statement), when
 * NOT NULL without a default or ON UPDATE, gets DEFAULT CURRENT_TIMESTAMP; any other NOT NULL
 * TIMESTAMP without a default gets the zero timestamp. Only the columns the statement declares
 * are read so: the others keep their tracked definitions.
 */
final class ImplicitTimestamps {
    private static final DefaultSpec ZERO = new DefaultSpec(DefaultSpec.Kind.STRING, "0000-00-00 00:00:00");

    private final ColumnFactory columns;

    ImplicitTimestamps(ColumnFactory columns) {
        this.columns = columns;
    }

    CreateTable inCreate(CreateTable c) {
        ParsedColumn first = c.columns().stream().filter(ImplicitTimestamps::timestamp).findFirst().orElse(null);
        List<ParsedColumn> read = c.columns().stream().map(pc -> read(pc, pc == first)).toList();
        return new CreateTable(c.table(), c.ifNotExists(), c.orReplace(), read, c.indexes(), c.foreignKeys(), c.engine(),
                c.charset(), c.autoIncrement());
    }

    /** The clauses, with the columns they declare read as the server reads them once all clauses are applied. */
    List<AlterAction> inAlter(TableEdit table, List<AlterAction> actions) {
        ColumnDef[] placed = columnsPlaced(new TableEdit(table.tracked()), actions);
        List<AlterAction> read = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            AlterAction a = actions.get(i);
            boolean first = placed[i] != null && placed[i] == placed[actions.size()];
            if (a instanceof AddColumn add) {
                a = new AddColumn(read(add.column(), first), add.position(), add.ifNotExists());
            } else if (a instanceof ChangeColumn change) {
                a = new ChangeColumn(change.oldName(), read(change.column(), first), change.position(), change.ifExists());
            }
            read.add(a);
        }
        return read;
    }

    /**
     * Applies the column clauses to {@code scratch} as MySQL orders columns; returns the column each
     * clause placed (by position in {@code actions}), then the table's first TIMESTAMP column after them.
     */
    private ColumnDef[] columnsPlaced(TableEdit scratch, List<AlterAction> actions) {
        ColumnDef[] placed = new ColumnDef[actions.size() + 1];
        for (int i = 0; i < actions.size(); i++) {
            AlterAction a = actions.get(i);
            if (a instanceof AddColumn add && scratch.indexOf(add.column().name()) < 0) {
                placed[i] = columns.column(add.column(), scratch.charset, 0);
                scratch.place(placed[i], add.position(), -1);
            } else if (a instanceof ChangeColumn change && scratch.indexOf(change.oldName()) >= 0) {
                int at = scratch.indexOf(change.oldName());
                scratch.columns.remove(at);
                placed[i] = columns.column(change.column(), scratch.charset, 0);
                scratch.place(placed[i], change.position(), at);
            } else if (a instanceof DropColumn drop && scratch.indexOf(drop.name()) >= 0) {
                scratch.columns.remove(scratch.indexOf(drop.name()));
            } else if (a instanceof RenameColumn rename && scratch.indexOf(rename.from()) >= 0) {
                int at = scratch.indexOf(rename.from());
                scratch.columns.set(at, ColumnDefs.renamed(scratch.columns.get(at), rename.to()));
            }
        }
        placed[actions.size()] = scratch.columns.stream().filter(c -> c.dataType().equals("timestamp")).findFirst()
                .orElse(null);
        return placed;
    }

    /** The declaration as the server reads it; {@code first}: the table's first TIMESTAMP column. */
    private static ParsedColumn read(ParsedColumn pc, boolean first) {
        if (!timestamp(pc) || pc.generated() || Boolean.TRUE.equals(pc.nullable())) {
            return pc;
        }
        DefaultSpec declared = pc.defaultValue() == null || pc.defaultValue().kind() == DefaultSpec.Kind.NULL ? null
                : pc.defaultValue();
        if (declared != null) {
            return pc.withNullability(false, declared);
        }
        Integer fraction = pc.type().fraction();
        return pc.withNullability(false, first && !pc.onUpdate() ? new DefaultSpec(DefaultSpec.Kind.EXPRESSION,
                "current_timestamp(" + (fraction == null || fraction == 0 ? "" : fraction) + ")") : ZERO);
    }

    private static boolean timestamp(ParsedColumn pc) {
        return pc.type().dataType().equals("timestamp");
    }
}
