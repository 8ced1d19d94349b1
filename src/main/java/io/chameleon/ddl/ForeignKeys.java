package io.chameleon.ddl;

import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tracked foreign keys as InnoDB keeps them through DDL: named as the server names them, their
 * parents resolved, and following renames of tables and columns (checked on MySQL 9.7 and MariaDB 10.11).
 */
final class ForeignKeys {
    private final boolean mariadb;

    ForeignKeys(ServerInfo server) {
        this.mariadb = server.isMariaDb();
    }

    /** Generated names: {@code <table>_ibfk_<n>}, n after the highest the table had before the statement. */
    static final class Naming {
        private int last;

        Naming(TableName table, List<ForeignKeyDef> before) {
            for (ForeignKeyDef k : before) {
                number(k.name(), table).ifPresent(n -> last = Math.max(last, n));
            }
        }

        String next(TableName table) {
            return generated(table, ++last);
        }
    }

    /**
     * The key a clause adds to {@code table}; empty, with a warning, when it names no parent columns
     * (MySQL 9: the parent's primary key) and the parent's primary key is unknown.
     *
     * @param ownIndexes the table's indexes, for a key on its own primary key
     */
    Optional<ForeignKeyDef> resolve(Workspace w, ParsedForeignKey k, TableName table, List<IndexDef> ownIndexes,
            Naming naming) {
        // an unqualified parent is in the child's schema, whatever the default database
        TableName parent = k.referenced().resolve(table.schema());
        List<String> parentColumns = k.referencedColumns();
        if (parentColumns.isEmpty()) {
            Optional<IndexDef> key = parent.equals(table)
                    ? ownIndexes.stream().filter(IndexDef::primary).findFirst()
                    : Optional.ofNullable(w.tables.get(parent)).flatMap(t -> t.definition().primaryKey());
            if (key.isEmpty()) {
                w.warn("a foreign key of " + table + " references the primary key of " + parent
                        + ", which the replica does not know: its referential actions are not reproduced");
                return Optional.empty();
            }
            parentColumns = key.get().columnNames();
        }
        String name = k.symbol() != null ? k.symbol()
                : mariadb && k.indexName() != null ? k.indexName() : naming.next(table);
        return Optional.of(new ForeignKeyDef(name, table, k.columns(), parent, parentColumns, k.onDelete(), k.onUpdate()));
    }

    /** A key of a table renamed: InnoDB renames the generated names with it. */
    static ForeignKeyDef moved(ForeignKeyDef k, TableName to) {
        String name = number(k.name(), k.table()).map(n -> generated(to, n)).orElse(k.name());
        TableName parent = k.referenced().equals(k.table()) ? to : k.referenced();
        return new ForeignKeyDef(name, to, k.columns(), parent, k.referencedColumns(), k.onDelete(), k.onUpdate());
    }

    /** Every tracked key that referenced {@code from} references {@code to}. */
    static void referencesMoved(Map<TableName, TrackedTable> tables, TableName from, TableName to) {
        tables.replaceAll((name, t) -> t.definition().foreignKeys().stream().noneMatch(k -> k.referenced().equals(from))
                ? t : withKeys(t, t.definition().foreignKeys().stream().map(k -> !k.referenced().equals(from) ? k
                        : new ForeignKeyDef(k.name(), k.table(), k.columns(), to, k.referencedColumns(), k.onDelete(),
                                k.onUpdate())).toList()));
    }

    /** A column of {@code table} renamed: in the keys it holds and in the keys referencing it. */
    static ForeignKeyDef columnRenamed(ForeignKeyDef k, TableName table, String from, String to) {
        List<String> columns = k.table().equals(table) ? renamed(k.columns(), from, to) : k.columns();
        List<String> parent = k.referenced().equals(table) ? renamed(k.referencedColumns(), from, to)
                : k.referencedColumns();
        return new ForeignKeyDef(k.name(), k.table(), columns, k.referenced(), parent, k.onDelete(), k.onUpdate());
    }

    /** The same in the other tracked tables' keys. */
    static void columnRenamed(Map<TableName, TrackedTable> tables, TableName table, String from, String to) {
        tables.replaceAll((name, t) -> name.equals(table) ? t : withKeys(t, t.definition().foreignKeys().stream()
                .map(k -> columnRenamed(k, table, from, to)).toList()));
    }

    private static TrackedTable withKeys(TrackedTable t, List<ForeignKeyDef> keys) {
        TableDef d = t.definition().withForeignKeys(keys);
        return d.equals(t.definition()) ? t : new TrackedTable(d, t.defaultCharset(), t.pgIndexNames());
    }

    private static List<String> renamed(List<String> columns, String from, String to) {
        return columns.stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList();
    }

    private static String generated(TableName table, int n) {
        return table.table() + "_ibfk_" + n;
    }

    private static Optional<Integer> number(String name, TableName table) {
        Matcher m = Pattern.compile(Pattern.quote(table.table()) + "_ibfk_(\\d+)").matcher(name);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
