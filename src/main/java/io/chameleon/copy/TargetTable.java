package io.chameleon.copy;

import io.chameleon.pg.Sql;
import io.chameleon.schema.TableDef;
import io.chameleon.types.PgType;

import java.util.List;

/**
 * A MySQL table as PostgreSQL builds it: the schema it is built in, each column's type and the
 * fillfactor. The initial load and DDL replay describe tables this way, so both build them alike.
 *
 * @param schema the PostgreSQL schema the table is built in
 * @param pgTypes one per column, in column order
 * @param fillfactor the table's fillfactor, null for PostgreSQL's default
 */
public record TargetTable(TableDef source, String schema, List<PgType> pgTypes, Integer fillfactor) {

    public TargetTable {
        pgTypes = List.copyOf(pgTypes);
    }

    /** The PostgreSQL table keeps the MySQL table's name. */
    public String pgTable() {
        return source.name().table();
    }

    public String tableSql() {
        return Sql.qualified(schema, pgTable());
    }
}
