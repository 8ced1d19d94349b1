package io.chameleon.schema;

import java.util.List;

/**
 * One MySQL foreign key, as information_schema describes it.
 *
 * @param onDelete the referential action as MySQL names it: CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION
 * @param onUpdate the same for updates
 */
public record ForeignKeyDef(String name, TableName table, List<String> columns, TableName referenced,
        List<String> referencedColumns, String onDelete, String onUpdate) {

    public ForeignKeyDef {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
