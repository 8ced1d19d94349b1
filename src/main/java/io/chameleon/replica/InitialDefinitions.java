package io.chameleon.replica;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.LoadResult;
import io.chameleon.copy.LoadedDefinitions;
import io.chameleon.copy.LoadedTable;
import io.chameleon.copy.SourceContext;
import io.chameleon.ddl.DdlTranslator;
import io.chameleon.ddl.TrackedTable;
import io.chameleon.ddl.TrackedTableJson;
import io.chameleon.ddl.TrackedTables;
import io.chameleon.schema.TableName;

import java.util.HashMap;
import java.util.Map;

/**
 * The definitions DDL replay starts from, as init_replica (or sync_tables, refresh_schema) read and
 * built the tables: the index names the load gave, types through the same map and type_override.
 */
public final class InitialDefinitions implements LoadedDefinitions {
    private final ChameleonConfig config;
    private final SourceConfig source;

    public InitialDefinitions(ChameleonConfig config, SourceConfig source) {
        this.config = config;
        this.source = source;
    }

    @Override
    public Map<TableName, String> of(LoadResult result) {
        SourceContext context = result.context();
        DdlTranslator translator = new DdlTranslator(source, config.typeOverrides(), config.fillfactor(),
                context.postgis(), context.server());
        TrackedTables built = translator.afterInitReplica(
                result.tables().stream().map(LoadedTable::plan).map(p -> p.source()).toList(),
                context.tableCharsets(), context.schemaCharsets());
        Map<TableName, String> json = new HashMap<>();
        for (LoadedTable loaded : result.tables()) {
            TrackedTable t = built.get(loaded.plan().source().name()).orElseThrow();
            // the names the load gave, which avoid the other tables' indexes when only some tables were copied
            Map<String, String> names = loaded.pgIndexNames().isEmpty() ? t.pgIndexNames() : loaded.pgIndexNames();
            json.put(t.definition().name(), TrackedTableJson.write(new TrackedTable(t.definition(), t.defaultCharset(), names)));
        }
        return json;
    }
}
