package io.chameleon.copy;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.ColumnConverters;
import io.chameleon.types.ValuePolicies;
import io.chameleon.types.PgType;
import io.chameleon.types.TypeMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Decides, for each table, its PostgreSQL column types and converters, key, fillfactor and loading schema. */
final class TablePlanner {
    private final ChameleonConfig config;
    private final SourceConfig source;
    private final TypeMapper mapper;

    TablePlanner(ChameleonConfig config, SourceConfig source, boolean postgis) {
        this.config = config;
        this.source = source;
        this.mapper = new TypeMapper(config.typeOverrides(), postgis);
    }

    List<TablePlan> plan(List<TableDef> tables, Map<String, Map<String, Long>> autoIncrements) {
        List<TablePlan> plans = new ArrayList<>();
        ValuePolicies policies = ValuePolicies.of(source);
        for (TableDef t : tables) {
            List<PgType> types = new ArrayList<>();
            List<ColumnConverter> converters = new ArrayList<>();
            for (ColumnDef c : t.columns()) {
                PgType type = mapper.map(t.name(), c);
                types.add(type);
                converters.add(ColumnConverters.of(t.name(), c, type, policies));
            }
            String target = source.targetSchema(t.name().schema());
            OptionalInt ff = config.fillfactor().levelFor(t.name());
            Long next = autoIncrements.getOrDefault(t.name().schema(), Map.of()).get(t.name().table());
            plans.add(new TablePlan(t, target, loadSchema(target), types, converters, t.replicaKey(),
                    ff.isPresent() ? ff.getAsInt() : null, next));
        }
        return plans;
    }

    /** pg_chameleon's loading schema name, {@code _<destination>_tmp}; the destination itself when tables are kept. */
    String loadSchema(String target) {
        return source.keepExistingSchema() ? target : IndexNamer.fit("_" + target + "_tmp");
    }
}
