package io.chameleon.apply;

import io.chameleon.apply.ForeignKeyActions.Action;
import io.chameleon.apply.ForeignKeyActions.Edge;
import io.chameleon.binlog.RowChange;
import io.chameleon.pg.Sql;
import io.chameleon.schema.TableName;
import io.chameleon.types.BadValueException;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.ConversionReport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs InnoDB's referential actions in PostgreSQL, set-based and inside the caller's transaction.
 * The parent rows a step deleted, or whose keys it changed, are copied into a temporary table
 * (their referenced columns' old values, and new ones for an update); each acting key then deletes
 * or updates its children with one statement joined to it. The children it deleted or changed are
 * collected the same way when they are parents in turn, level after level, as InnoDB recurses.
 * Values go through the parent's converters, so they equal the stored ones.
 */
final class ReferentialCascade {
    /** InnoDB refuses a statement whose cascade goes deeper (FK_MAX_CASCADE_DEL), so none arrives. */
    static final int MAX_DEPTH = 15;

    private final Connection connection;
    private final ConversionReport report;
    private int tempTables;
    private String statement;
    private TableName writing;

    ReferentialCascade(Connection connection, ConversionReport report) {
        this.connection = connection;
        this.report = report;
    }

    /** The statement last sent (the one that failed when {@link #run} throws), or null. */
    String lastStatement() {
        return statement;
    }

    /** The child table the failing statement wrote to (null when loading the parent rows failed). */
    TableName failedChild() {
        return writing;
    }

    /** Rows the actions deleted, and rows whose key columns they set (to NULL or the new key). */
    record Counts(long deleted, long updated) {
        Counts plus(Counts o) {
            return new Counts(deleted + o.deleted, updated + o.updated);
        }
    }

    /**
     * A set of changed rows of one table, held in a temporary table: columns {@code o0..} the old
     * values of {@code columns}, and for updates {@code n0..} the new ones.
     */
    private record ChangeSet(TableName table, RowChange.Kind kind, String temp, int[] columns, int depth) {
        int slot(int position) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] == position) {
                    return i;
                }
            }
            throw new IllegalArgumentException("column " + position + " is not held");
        }
    }

    /**
     * @param actedOn deletes, or updates, of one table, in binlog order (the end of one reduced step)
     * @param applied the target of a table still applied, null for one not replicated or disabled
     */
    Counts run(List<RowChange> actedOn, ForeignKeyActions actions, Function<TableName, ApplyTarget> applied)
            throws SQLException, BadValueException {
        statement = null;
        writing = null;
        RowChange first = actedOn.get(0);
        ApplyTarget parent = applied.apply(first.table());
        int[] columns = heldColumns(first.table(), actions, applied);
        if (parent == null || columns.length == 0) {
            return new Counts(0, 0);
        }
        Deque<ChangeSet> queue = new ArrayDeque<>();
        queue.add(load(parent, first.kind(), columns, actedOn));
        Counts counts = new Counts(0, 0);
        while (!queue.isEmpty()) {
            ChangeSet changed = queue.poll();
            for (Edge edge : actions.from(changed.table())) {
                ApplyTarget child = applied.apply(edge.child());
                Action action = edge.action(changed.kind());
                if (child != null && action != Action.NONE) {
                    counts = counts.plus(act(changed, edge, action, child, actions, applied, queue));
                }
            }
            try (Statement s = connection.createStatement()) {
                s.execute(statement = "DROP TABLE " + changed.temp());
            }
        }
        return counts;
    }

    /** The parent's columns some applied child's key references: the values its actions match on. */
    private static int[] heldColumns(TableName table, ForeignKeyActions actions, Function<TableName, ApplyTarget> applied) {
        TreeSet<Integer> held = new TreeSet<>();
        for (Edge e : actions.from(table)) {
            if (applied.apply(e.child()) != null) {
                IntStream.of(e.parentColumns()).forEach(held::add);
            }
        }
        return held.stream().mapToInt(Integer::intValue).toArray();
    }

    private ChangeSet load(ApplyTarget parent, RowChange.Kind kind, int[] columns, List<RowChange> rows)
            throws SQLException, BadValueException {
        ChangeSet set = create(parent, kind, columns, 0);
        boolean update = kind == RowChange.Kind.UPDATE;
        List<ColumnConverter> converters = new ArrayList<>();
        for (int copy = 0; copy < (update ? 2 : 1); copy++) {
            IntStream.of(columns).mapToObj(parent.converters()::get).forEach(converters::add);
        }
        int[] all = IntStream.range(0, converters.size()).toArray();
        try (CopyStream copy = new CopyStream(connection, statement = "COPY " + set.temp() + " FROM STDIN", report)) {
            for (RowChange row : rows) {
                byte[][] values = new byte[all.length][];
                for (int i = 0; i < columns.length; i++) {
                    values[i] = row.before()[columns[i]];
                    if (update) {
                        values[columns.length + i] = row.after()[columns[i]];
                    }
                }
                copy.write(values, all, converters);
            }
            copy.finish();
        }
        return set;
    }

    /** An empty temporary table for a change set of {@code table}, typed like its columns. */
    private ChangeSet create(ApplyTarget table, RowChange.Kind kind, int[] columns, int depth) throws SQLException {
        String temp = Sql.ident("chameleon_fk_" + ++tempTables);
        List<String> select = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            select.add("t." + Sql.ident(table.columns().get(columns[i])) + " AS o" + i);
        }
        if (kind == RowChange.Kind.UPDATE) {
            for (int i = 0; i < columns.length; i++) {
                select.add("t." + Sql.ident(table.columns().get(columns[i])) + " AS n" + i);
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute(statement = "CREATE TEMP TABLE " + temp + " AS SELECT " + String.join(", ", select) + " FROM "
                    + table.qualifiedName() + " t WITH NO DATA");
        }
        return new ChangeSet(table.mysqlName(), kind, temp, columns, depth);
    }

    /**
     * One key's action on its children. Children that are parents in turn have what changed
     * collected into a new change set, queued for the next level.
     */
    private Counts act(ChangeSet changed, Edge edge, Action action, ApplyTarget child, ForeignKeyActions actions,
            Function<TableName, ApplyTarget> applied, Deque<ChangeSet> queue) throws SQLException {
        writing = child.mysqlName();
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < edge.childColumns().length; i++) {
            match.append(i == 0 ? "" : " AND ").append("t.").append(column(child, edge.childColumns()[i]))
                    .append(" = s.o").append(changed.slot(edge.parentColumns()[i]));
        }
        if (changed.kind() == RowChange.Kind.UPDATE) { // only rows whose referenced columns changed
            String old = IntStream.of(edge.parentColumns()).mapToObj(p -> "s.o" + changed.slot(p)).collect(Collectors.joining(", "));
            String now = IntStream.of(edge.parentColumns()).mapToObj(p -> "s.n" + changed.slot(p)).collect(Collectors.joining(", "));
            match.append(" AND ROW(").append(old).append(") IS DISTINCT FROM ROW(").append(now).append(')');
        }
        boolean delete = changed.kind() == RowChange.Kind.DELETE && action == Action.CASCADE;
        String write;
        if (delete) {
            write = "DELETE FROM " + child.qualifiedName() + " t USING " + changed.temp() + " s WHERE " + match;
        } else {
            List<String> sets = new ArrayList<>();
            for (int i = 0; i < edge.childColumns().length; i++) {
                sets.add(column(child, edge.childColumns()[i]) + " = "
                        + (action == Action.SET_NULL ? "NULL" : "s.n" + changed.slot(edge.parentColumns()[i])));
            }
            write = "UPDATE " + child.qualifiedName() + " t SET " + String.join(", ", sets) + " FROM " + changed.temp()
                    + " s WHERE " + match;
        }
        int[] held = heldColumns(child.mysqlName(), actions, applied);
        long rows;
        try (Statement s = connection.createStatement()) {
            if (held.length == 0) {
                rows = s.executeLargeUpdate(statement = write);
            } else {
                ChangeSet next = create(child, delete ? RowChange.Kind.DELETE : RowChange.Kind.UPDATE, held,
                        changed.depth() + 1);
                rows = s.executeLargeUpdate(statement = "WITH w AS (" + write + " RETURNING "
                        + returning(changed, edge, child, held, delete) + ") INSERT INTO " + next.temp() + " SELECT * FROM w");
                if (rows > 0) {
                    queue.add(next);
                } else {
                    s.execute(statement = "DROP TABLE " + next.temp());
                }
            }
        }
        if (rows > 0 && changed.depth() >= MAX_DEPTH) {
            throw new IllegalStateException("foreign key " + edge.name() + " of " + edge.child() + ": the cascade from "
                    + changed.table() + " goes deeper than InnoDB's " + MAX_DEPTH + " levels, which MySQL refuses;"
                    + " the tables may already differ from MySQL: run sync_tables for them");
        }
        writing = null;
        return delete ? new Counts(rows, 0) : new Counts(0, rows);
    }

    /**
     * The held columns' old values (and new ones after an update) of the rows written: a column the
     * action set had the matched parent value before; the others are as they are.
     */
    private static String returning(ChangeSet changed, Edge edge, ApplyTarget child, int[] held, boolean delete) {
        List<String> old = new ArrayList<>();
        List<String> now = new ArrayList<>();
        for (int position : held) {
            int k = IntStream.range(0, edge.childColumns().length).filter(i -> edge.childColumns()[i] == position)
                    .findFirst().orElse(-1);
            String current = "t." + column(child, position);
            old.add(k < 0 || delete ? current : "s.o" + changed.slot(edge.parentColumns()[k]));
            now.add(current);
        }
        if (!delete) {
            old.addAll(now);
        }
        return String.join(", ", old);
    }

    private static String column(ApplyTarget table, int position) {
        return Sql.ident(table.columns().get(position));
    }
}
