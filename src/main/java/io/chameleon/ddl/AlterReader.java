package io.chameleon.ddl;

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
import io.chameleon.ddl.AlterAction.Position;
import io.chameleon.ddl.AlterAction.RenameColumn;
import io.chameleon.ddl.AlterAction.RenameIndex;
import io.chameleon.ddl.AlterAction.RenameTo;
import io.chameleon.ddl.AlterAction.TableOptions;
import io.chameleon.mysql.SchemaReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the clauses of an ALTER TABLE, in order. */
final class AlterReader {
    private final ColumnReader columns;
    private final ForeignKeyReader foreignKeys;

    AlterReader(ColumnReader columns, ForeignKeyReader foreignKeys) {
        this.columns = columns;
        this.foreignKeys = foreignKeys;
    }

    List<AlterAction> read(Node alterTable) {
        List<AlterAction> actions = new ArrayList<>();
        for (Node c : alterTable.children()) {
            if (c.kind().startsWith("AlterBy")) {
                actions.addAll(clause(c));
            }
        }
        return actions;
    }

    private List<AlterAction> clause(Node c) {
        List<String> uids = c.children("Uid").stream().map(MysqlText::name).toList();
        boolean ifExists = c.has("IfExists");
        return switch (c.kind()) {
            case "AlterByAddColumn" -> addColumn(c, uids);
            case "AlterByAddColumns" -> addColumns(c);
            case "AlterByDropColumn" -> List.of(new DropColumn(uids.get(0), ifExists));
            case "AlterByChangeColumn" -> List.of(new ChangeColumn(uids.get(0), columns.read(uids.get(1), definition(c)),
                    position(c, uids, 2), ifExists));
            case "AlterByModifyColumn" -> List.of(new ChangeColumn(uids.get(0), columns.read(uids.get(0), definition(c)),
                    position(c, uids, 1), ifExists));
            case "AlterByRenameColumn" -> List.of(new RenameColumn(uids.get(0), uids.get(1)));
            case "AlterByChangeDefault", "AlterByAlterColumnDefault" -> changeDefault(c, uids);
            case "AlterByAddIndex", "AlterByAddPrimaryKey", "AlterByAddUniqueKey", "AlterByAddSpecialIndex" ->
                    List.of(new AddIndex(IndexReader.read(c), c.has("IfNotExists")));
            case "AlterByAddForeignKey" -> List.of(new AddForeignKey(foreignKeys.read(c), c.has("IfNotExists")));
            case "AlterByDropForeignKey" -> List.of(new DropForeignKey(uids.get(0), ifExists));
            // a CHECK constraint's name too: one no foreign key has is not stale
            case "AlterByDropConstraintCheck" -> List.of(new DropForeignKey(uids.get(0), true));
            case "AlterByDropIndex" -> List.of(new DropIndex(uids.get(0), ifExists));
            case "AlterByDropPrimaryKey" -> List.of(new DropIndex("PRIMARY", false));
            case "AlterByRenameIndex" -> List.of(new RenameIndex(uids.get(0), uids.get(1)));
            case "AlterByRename" -> List.of(new RenameTo(StatementReader.table(c.child("FullId").or(() -> c.child("Uid"))
                    .orElseThrow())));
            case "AlterByConvertCharacterset", "AlterByConvertCharset" -> List.of(new ConvertCharset(charset(c)));
            case "AlterByDefaultCharset" -> List.of(new TableOptions(null, charset(c)));
            case "AlterByTableOption" -> List.of(tableOptions(c));
            case "AlterByDropPartition", "AlterByTruncatePartition", "AlterByExchangePartition" -> List.of(new Ignored(
                    c.text(), "removes or moves rows in MySQL without logging them row by row; PostgreSQL keeps them:"
                    + " run sync_tables for the table"));
            default -> List.of(new Ignored(c.text(), null));
        };
    }

    private List<AlterAction> addColumn(Node c, List<String> uids) {
        List<AlterAction> added = new ArrayList<>();
        added.add(new AddColumn(columns.read(uids.get(0), definition(c)), position(c, uids, 1), c.has("IfNotExists")));
        foreignKeys.inline(uids.get(0), definition(c)).ifPresent(k -> added.add(new AddForeignKey(k, false)));
        return added;
    }

    private List<AlterAction> addColumns(Node c) {
        List<AlterAction> added = new ArrayList<>();
        List<Node> names = c.children("Uid");
        List<Node> definitions = c.children("ColumnDefinition");
        for (int i = 0; i < definitions.size(); i++) {
            added.add(new AddColumn(columns.read(MysqlText.name(names.get(i)), definitions.get(i)), null, false));
        }
        // ADD (..., INDEX ...) may declare indexes too
        for (Node d : c.findAll("IndexDeclaration")) {
            added.add(new AddIndex(IndexReader.read(d.children().get(0)), false));
        }
        return added;
    }

    private static List<AlterAction> changeDefault(Node c, List<String> uids) {
        if (!c.has("DEFAULT")) {
            return List.of(new Ignored(c.text(), null));
        }
        DefaultSpec value = c.has("DROP") ? null : ColumnReader.defaultOf(c.child("DefaultValue").orElseThrow());
        return List.of(new ChangeDefault(uids.get(0), value));
    }

    private static AlterAction tableOptions(Node c) {
        Node option = c.children().get(0);
        return switch (option.kind()) {
            case "TableOptionEngine" -> new TableOptions(option.find("EngineName").map(Node::text).orElse(null), null);
            case "TableOptionCharset", "TableOptionCollate" -> new TableOptions(null, charset(option));
            default -> new Ignored(c.text(), null);
        };
    }

    private static String charset(Node c) {
        return c.find("CharsetName").map(n -> n.text().toLowerCase(Locale.ROOT))
                .or(() -> c.find("CollationName").map(n -> SchemaReader.charsetOf(MysqlText.identifier(n.text()))))
                .orElseThrow(() -> new DdlSkip("no character set in " + c.text()));
    }

    private static Node definition(Node c) {
        return c.child("ColumnDefinition").orElseThrow();
    }

    /** FIRST, or AFTER the Uid at {@code afterIndex}. */
    private static Position position(Node c, List<String> uids, int afterIndex) {
        if (c.has("FIRST")) {
            return new Position(true, null);
        }
        return c.has("AFTER") && uids.size() > afterIndex ? new Position(false, uids.get(afterIndex)) : null;
    }
}
