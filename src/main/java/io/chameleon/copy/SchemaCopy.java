package io.chameleon.copy;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.MysqlConnector;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.pg.PgConnector;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.TableDef;
import io.chameleon.types.DefaultTranslator;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * copy_schema: the source's tables built in PostgreSQL as init_replica builds them (types,
 * defaults, keys, indexes, identities starting at MySQL's AUTO_INCREMENT counters), without their
 * rows, plus MySQL's foreign keys; the destination schemas are replaced in one transaction. The
 * catalogue is not touched: nothing is replicated.
 */
public final class SchemaCopy {
    /** What was built: the tables, the foreign keys created, and what could not be carried over. */
    public record Result(int tables, int foreignKeys, List<String> warnings) {}

    private final ChameleonConfig config;
    private final SourceConfig source;

    public SchemaCopy(ChameleonConfig config, SourceConfig source) {
        this.config = config;
        this.source = source;
    }

    public Result run() throws Exception {
        List<TableDef> tables;
        Map<String, Map<String, Long>> autoIncrements = new HashMap<>();
        List<ForeignKeyDef> keys = new ArrayList<>();
        try (Connection c = new MysqlConnector(source.dbConn(), source.netReadTimeout()).open()) {
            SchemaReader reader = new SchemaReader(c, ServerInfo.read(c));
            tables = reader.read(source);
            for (String schema : source.schemaMappings().keySet()) {
                autoIncrements.put(schema, reader.autoIncrements(schema));
                keys.addAll(reader.foreignKeys(schema));
            }
        }
        PgConnector pg = new PgConnector(config.pgConn());
        boolean postgis;
        try (Connection c = pg.open()) {
            postgis = InitialLoad.hasPostgis(c);
        }
        List<TablePlan> plans = new TablePlanner(config, source, postgis).plan(tables, autoIncrements);
        List<String> warnings = new CopyOnWriteArrayList<>();
        TargetBuilder builder = new TargetBuilder(pg, source, new TargetDdl(postgis,
                new DefaultTranslator(source.zeroDates())), warnings, LoadScope.ALL);
        builder.prepare(plans);
        builder.finish(plans, source.copyWorkers());
        ForeignKeys foreignKeys = new ForeignKeys(source, warnings::add);
        builder.swap(plans, tx -> foreignKeys.create(tx, keys, false));
        return new Result(plans.size(), foreignKeys.created(), List.copyOf(warnings));
    }
}
