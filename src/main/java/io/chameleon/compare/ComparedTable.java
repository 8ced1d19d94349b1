package io.chameleon.compare;

import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;

import java.util.List;
import java.util.Optional;

/**
 * A replicated table as compare reads it: its MySQL definition, its PostgreSQL name and the key
 * rows are matched by (empty: compared as a multiset of whole rows).
 */
public record ComparedTable(TableDef def, String pgSchema, String pgTable, List<String> key) {
    public ComparedTable {
        key = List.copyOf(key);
    }

    public TableName name() {
        return def.name();
    }

    public String mysqlFrom() {
        return "`" + def.name().schema().replace("`", "``") + "`.`" + def.name().table().replace("`", "``") + "`";
    }

    public String pgFrom() {
        return quotePg(pgSchema) + "." + quotePg(pgTable);
    }

    /** The key's column when it is one signed integer column: the table is then cut into key ranges. */
    public Optional<ColumnDef> rangeColumn() {
        if (key.size() != 1) {
            return Optional.empty();
        }
        return def.column(key.get(0)).filter(c -> switch (c.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer" -> true;
            case "bigint" -> !c.unsigned(); // unsigned bigint goes past a long
            default -> false;
        });
    }

    static String quotePg(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String quoteMysql(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
