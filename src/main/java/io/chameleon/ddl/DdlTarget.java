package io.chameleon.ddl;

import io.chameleon.config.Fillfactor;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.TargetDdl;
import io.chameleon.copy.TargetTable;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.PgType;
import io.chameleon.types.TypeMapper;
import io.chameleon.types.UnsupportedTypeException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where and how a source's tables live in PostgreSQL: the schema mapping, limit/skip tables, and
 * the type map, type_override and fillfactor that init_replica uses.
 */
final class DdlTarget {
    private final SourceConfig source;
    private final TypeMapper mapper;
    private final TargetDdl ddl;
    private final Fillfactor fillfactor;

    DdlTarget(SourceConfig source, TypeMapper mapper, TargetDdl ddl, Fillfactor fillfactor) {
        this.source = source;
        this.mapper = mapper;
        this.ddl = ddl;
        this.fillfactor = fillfactor;
    }

    TargetDdl ddl() {
        return ddl;
    }

    boolean mapped(String mysqlSchema) {
        return source.targetSchema(mysqlSchema) != null;
    }

    /** In a mapped schema and kept by limit_tables / skip_tables. */
    boolean included(TableName table) {
        return source.includes(table);
    }

    String pgSchema(TableName table) {
        return source.targetSchema(table.schema());
    }

    PgType type(TableName table, ColumnDef column) {
        try {
            return mapper.map(table, column);
        } catch (UnsupportedTypeException e) {
            throw new DdlSkip(e.getMessage());
        }
    }

    /** The table as PostgreSQL builds it. */
    TargetTable table(TableDef def) {
        List<PgType> types = new ArrayList<>();
        for (ColumnDef c : def.columns()) {
            types.add(type(def.name(), c));
        }
        OptionalInt ff = fillfactor.levelFor(def.name());
        return new TargetTable(def, pgSchema(def.name()), types, ff.isPresent() ? ff.getAsInt() : null);
    }
}
