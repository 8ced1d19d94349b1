package io.chameleon.ddl;

import io.chameleon.ddl.DdlStatement.AlterTable;
import io.chameleon.ddl.DdlStatement.CreateTable;
import io.chameleon.ddl.DdlStatement.CreateTableLike;
import io.chameleon.ddl.DdlStatement.DatabaseCharset;
import io.chameleon.ddl.DdlStatement.DropTables;
import io.chameleon.ddl.DdlStatement.RenameTables;
import io.chameleon.ddl.DdlStatement.TruncateTable;
import io.chameleon.ddl.DdlStatement.Unsupported;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a parsed statement ({@code SqlStatement} node) into a {@link DdlStatement}. */
final class StatementReader {
    private final ColumnReader columns;
    private final AlterReader alters;
    private final ForeignKeyReader foreignKeys;

    StatementReader(ServerInfo server) {
        this.columns = new ColumnReader(new TypeReader(server));
        this.foreignKeys = new ForeignKeyReader(server);
        this.alters = new AlterReader(columns, foreignKeys);
    }

    DdlStatement read(Node sqlStatement) {
        Node kindNode = sqlStatement.children().get(0);
        if (!kindNode.is("DdlStatement")) {
            return new Unsupported("not a DDL statement (" + words(kindNode.children().get(0).kind())
                    .replaceAll("^DETAIL | STATEMENT$| MYSQL V\\d+$", "") + ")");
        }
        Node s = kindNode.children().get(0);
        return switch (s.kind()) {
            case "ColumnCreateTable" -> s.has("TEMPORARY") ? temporary() : createTable(s);
            case "CopyCreateTable" -> s.has("TEMPORARY") ? temporary()
                    : new CreateTableLike(table(s.children("TableName").get(0)), table(s.children("TableName").get(1)),
                            s.has("IfNotExists"), s.has("OrReplace"));
            case "QueryCreateTable" -> new Unsupported("CREATE TABLE ... SELECT: with binlog_format ROW the server logs"
                    + " it as a plain CREATE TABLE and rows; this statement form itself cannot be followed");
            case "DropTable" -> s.has("TEMPORARY") ? temporary()
                    : new DropTables(s.child("Tables").orElseThrow().children("TableName").stream()
                            .map(StatementReader::table).toList());
            case "RenameTable" -> renameTables(s);
            case "TruncateTable" -> new TruncateTable(table(s.child("TableName").orElseThrow()));
            case "AlterTable" -> new AlterTable(table(s.child("TableName").orElseThrow()), alters.read(s));
            case "CreateIndex" -> new AlterTable(table(s.child("TableName").orElseThrow()),
                    List.of(new AlterAction.AddIndex(IndexReader.read(s), s.has("IfNotExists"))));
            case "DropIndex" -> new AlterTable(table(s.child("TableName").orElseThrow()),
                    List.of(new AlterAction.DropIndex(MysqlText.name(s.child("Uid").orElseThrow()), s.has("IfExists"))));
            case "CreateDatabase", "AlterSimpleDatabase" -> databaseCharset(s);
            default -> new Unsupported(words(s.kind()) + " is not replicated");
        };
    }

    private static Unsupported temporary() {
        return new Unsupported("temporary tables are not replicated");
    }

    private CreateTable createTable(Node s) {
        List<ParsedColumn> cols = new ArrayList<>();
        List<ParsedIndex> indexes = new ArrayList<>();
        List<ParsedForeignKey> keys = new ArrayList<>();
        Node defs = s.child("CreateDefinitions").orElseThrow();
        for (Node d : defs.children()) {
            Node inner = d.children().isEmpty() ? d : d.children().get(0);
            switch (d.kind()) {
                case "ColumnDeclaration" -> {
                    String name = MysqlText.name(d.child("Uid").or(() -> d.child("FullColumnName")).orElseThrow());
                    Node definition = d.child("ColumnDefinition").orElseThrow();
                    cols.add(columns.read(name, definition));
                    foreignKeys.inline(name, definition).ifPresent(keys::add);
                }
                case "IndexDeclaration" -> indexes.add(IndexReader.read(inner));
                case "ConstraintDeclaration" -> {
                    switch (inner.kind()) {
                        case "PrimaryKeyTableConstraint", "UniqueKeyTableConstraint" -> indexes.add(IndexReader.read(inner));
                        case "ForeignKeyTableConstraint" -> keys.add(foreignKeys.read(inner));
                        default -> { }
                    }
                }
                default -> { }
            }
        }
        String engine = s.find("TableOptionEngine").flatMap(o -> o.find("EngineName")).map(Node::text).orElse(null);
        String charset = s.find("TableOptionCharset").flatMap(o -> o.find("CharsetName"))
                .map(n -> n.text().toLowerCase(Locale.ROOT))
                .or(() -> s.find("TableOptionCollate").flatMap(o -> o.find("CollationName"))
                        .map(n -> SchemaReader.charsetOf(MysqlText.identifier(n.text()))))
                .orElse(null);
        Long autoIncrement = s.find("TableOptionAutoIncrement").flatMap(o -> o.find("DecimalLiteral"))
                .map(n -> Long.parseLong(n.text().strip())).orElse(null);
        return new CreateTable(table(s.child("TableName").orElseThrow()), s.has("IfNotExists"), s.has("OrReplace"), cols,
                indexes, keys, engine, charset, autoIncrement);
    }

    private static RenameTables renameTables(Node s) {
        List<TableRef> from = new ArrayList<>();
        List<TableRef> to = new ArrayList<>();
        for (Node clause : s.children("RenameTableClause")) {
            List<Node> names = clause.children("TableName");
            from.add(table(names.get(0)));
            to.add(table(names.get(1)));
        }
        return new RenameTables(from, to);
    }

    private static DdlStatement databaseCharset(Node s) {
        Node name = s.child("Uid").orElse(null);
        String charset = s.find("CharsetName").map(n -> n.text().toLowerCase(Locale.ROOT))
                .or(() -> s.find("CollationName").map(n -> SchemaReader.charsetOf(MysqlText.identifier(n.text()))))
                .orElse(null);
        if (charset == null) {
            return new Unsupported(words(s.kind()) + " without a character set changes nothing replicated");
        }
        // ALTER DATABASE without a name (MariaDB's grammar reads DEFAULT as the name) is the default database
        String db = name == null || name.text().equalsIgnoreCase("default") ? null : MysqlText.name(name);
        return new DatabaseCharset(db, charset);
    }

    /** A table name node ({@code TableName}, {@code FullId}): {@code db.t}, {@code `db`.`t`} or {@code t}. */
    static TableRef table(Node tableName) {
        Node full = tableName.is("FullId") ? tableName : tableName.find("FullId").orElse(tableName);
        List<Node> uids = full.children("Uid");
        if (full.has("DOT_ID")) {
            String table = full.child("DOT_ID").orElseThrow().text().substring(1);
            return new TableRef(MysqlText.name(uids.get(0)), MysqlText.identifier(table));
        }
        if (uids.size() == 2) {
            return new TableRef(MysqlText.name(uids.get(0)), MysqlText.name(uids.get(1)));
        }
        return new TableRef(null, MysqlText.name(uids.isEmpty() ? full : uids.get(0)));
    }

    /** {@code CreateView} → {@code CREATE VIEW}. */
    static String words(String kind) {
        return kind.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
