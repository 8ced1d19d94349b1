package io.chameleon.ddl;

/** One clause of an ALTER TABLE. */
sealed interface AlterAction {

    /** FIRST, or AFTER a column; null for neither (the end for an added column, in place for a changed one). */
    record Position(boolean first, String after) {}

    record AddColumn(ParsedColumn column, Position position, boolean ifNotExists) implements AlterAction {}

    record DropColumn(String name, boolean ifExists) implements AlterAction {}

    /** CHANGE old new ... and MODIFY (where {@code oldName} is the column's own name). */
    record ChangeColumn(String oldName, ParsedColumn column, Position position, boolean ifExists) implements AlterAction {}

    record RenameColumn(String from, String to) implements AlterAction {}

    /** ALTER COLUMN SET DEFAULT, or DROP DEFAULT when {@code value} is null. */
    record ChangeDefault(String column, DefaultSpec value) implements AlterAction {}

    record AddIndex(ParsedIndex index, boolean ifNotExists) implements AlterAction {}

    /** A FOREIGN KEY: InnoDB adds an index for its columns unless one already starts with them. */
    record AddForeignKey(ParsedForeignKey key, boolean ifNotExists) implements AlterAction {}

    /** DROP FOREIGN KEY, or DROP CONSTRAINT (which may name a CHECK: then {@code ifExists}). */
    record DropForeignKey(String name, boolean ifExists) implements AlterAction {}

    /** DROP INDEX, or DROP PRIMARY KEY (named PRIMARY). */
    record DropIndex(String name, boolean ifExists) implements AlterAction {}

    record RenameIndex(String from, String to) implements AlterAction {}

    record RenameTo(TableRef to) implements AlterAction {}

    /** CONVERT TO CHARACTER SET: every text column takes the character set. */
    record ConvertCharset(String charset) implements AlterAction {}

    /** Table options that matter to the tracked definition; null where not given. */
    record TableOptions(String engine, String charset) implements AlterAction {}

    /**
     * A clause PostgreSQL has no use for (ALGORITHM, LOCK, FORCE, partitioning, checks...); {@code warning}
     * says what the replica misses when the clause changes rows without logging them, else null.
     */
    record Ignored(String clause, String warning) implements AlterAction {}
}
