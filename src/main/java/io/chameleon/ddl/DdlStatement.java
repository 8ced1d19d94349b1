package io.chameleon.ddl;

import java.util.List;

/** A statement read from the parse tree, before it is resolved against the tracked tables. */
sealed interface DdlStatement {

    /**
     * CREATE TABLE with its columns.
     *
     * @param foreignKeys its FOREIGN KEY clauses and the inline REFERENCES the server honours, in statement order
     * @param autoIncrement the AUTO_INCREMENT table option, null when not given
     * @param charset the DEFAULT CHARSET table option, null when not given
     */
    record CreateTable(TableRef table, boolean ifNotExists, boolean orReplace, List<ParsedColumn> columns,
            List<ParsedIndex> indexes, List<ParsedForeignKey> foreignKeys, String engine, String charset,
            Long autoIncrement) implements DdlStatement {
        public CreateTable {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }
    }

    /** CREATE TABLE ... LIKE. */
    record CreateTableLike(TableRef table, TableRef like, boolean ifNotExists, boolean orReplace) implements DdlStatement {}

    record DropTables(List<TableRef> tables) implements DdlStatement {
        public DropTables {
            tables = List.copyOf(tables);
        }
    }

    /** RENAME TABLE a TO b, c TO d (also ALTER TABLE a RENAME TO b): applied in order. */
    record RenameTables(List<TableRef> from, List<TableRef> to) implements DdlStatement {
        public RenameTables {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }
    }

    record TruncateTable(TableRef table) implements DdlStatement {}

    /** ALTER TABLE (also CREATE INDEX and DROP INDEX): its clauses in order. */
    record AlterTable(TableRef table, List<AlterAction> actions) implements DdlStatement {
        public AlterTable {
            actions = List.copyOf(actions);
        }
    }

    /** CREATE DATABASE or ALTER DATABASE with a character set: the default of tables created later. */
    record DatabaseCharset(String database, String charset) implements DdlStatement {}

    /** A statement outside what is followed, with the reason. */
    record Unsupported(String reason) implements DdlStatement {}
}
