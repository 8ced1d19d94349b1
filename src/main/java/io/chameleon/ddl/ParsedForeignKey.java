package io.chameleon.ddl;

import java.util.List;

/**
 * A FOREIGN KEY clause (or a column's inline REFERENCES) as the statement writes it.
 *
 * @param symbol the CONSTRAINT symbol, null when not given
 * @param indexName the FOREIGN KEY's own index name, null when not given
 * @param referencedColumns empty when the statement leaves them out (MySQL 9: the parent's primary key)
 * @param onDelete the action as information_schema names it, the server's default when not given
 */
record ParsedForeignKey(String symbol, String indexName, List<String> columns, TableRef referenced,
        List<String> referencedColumns, String onDelete, String onUpdate) {

    ParsedForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** The name of the index InnoDB adds for it (MySQL and MariaDB alike): the symbol, else the index name. */
    String innodbIndexName() {
        return symbol != null ? symbol : indexName;
    }
}
