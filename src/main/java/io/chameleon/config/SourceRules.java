package io.chameleon.config;

import io.chameleon.config.SourceConfig.EventKind;
import io.chameleon.config.SourceConfig.SourceType;
import io.chameleon.schema.TableName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rules that involve several keys or several sources, checked once every value is valid on its own. */
final class SourceRules {
    private final List<ConfigException> problems = new ArrayList<>();

    private SourceRules() {
    }

    /** Throws a {@link ConfigException} with every broken rule. */
    static void check(Map<String, SourceConfig> sources) {
        SourceRules rules = new SourceRules();
        rules.oneSourcePerTargetSchema(sources);
        rules.serverIdsDiffer(sources);
        rules.metricsPortsDiffer(sources);
        for (SourceConfig source : sources.values()) {
            rules.pgsqlNamesDatabase(source);
            rules.tablesInMappedSchemas(source, "limit_tables", source.limitTables());
            rules.tablesInMappedSchemas(source, "skip_tables", source.skipTables());
            for (EventKind kind : EventKind.values()) {
                rules.skippedInMappedSchemas(source, kind);
            }
        }
        if (!rules.problems.isEmpty()) {
            throw ConfigException.of(rules.problems);
        }
    }

    /** Two sources writing into one schema would overwrite each other's tables. */
    private void oneSourcePerTargetSchema(Map<String, SourceConfig> sources) {
        Map<String, String> firstMapping = new HashMap<>();
        for (SourceConfig source : sources.values()) {
            source.schemaMappings().forEach((from, to) -> {
                String here = path(source, "schema_mappings." + from);
                String earlier = firstMapping.putIfAbsent(to, here);
                if (earlier != null) {
                    problem(here, "'" + to + "', already the target of " + earlier,
                            "a PostgreSQL schema that no other source maps to");
                }
            });
        }
    }

    /** The MySQL server drops one of two replicas that connect with the same server id. */
    private void serverIdsDiffer(Map<String, SourceConfig> sources) {
        Map<String, String> firstUser = new HashMap<>();
        for (SourceConfig source : sources.values()) {
            if (source.type() != SourceType.MYSQL) {
                continue;
            }
            String server = source.dbConn().host().toLowerCase(Locale.ROOT) + ":" + source.dbConn().port();
            String earlier = firstUser.putIfAbsent(server + "#" + source.myServerId(), source.name());
            if (earlier != null) {
                problem(path(source, "my_server_id"), source.myServerId() + ", also used by source " + earlier
                        + " reading the same server " + server, "a server id no other source of that server uses");
            }
        }
    }

    /** The replica started second could not listen on the port and would not start. */
    private void metricsPortsDiffer(Map<String, SourceConfig> sources) {
        Map<Integer, String> firstUser = new HashMap<>();
        for (SourceConfig source : sources.values()) {
            if (source.metricsPort() == null) {
                continue;
            }
            String earlier = firstUser.putIfAbsent(source.metricsPort(), source.name());
            if (earlier != null) {
                problem(path(source, "metrics_port"), source.metricsPort() + ", also used by source " + earlier,
                        "a port no other source uses");
            }
        }
    }

    private void pgsqlNamesDatabase(SourceConfig source) {
        if (source.type() == SourceType.PGSQL && source.dbConn().database() == null) {
            problem(path(source, "db_conn.database"), "nothing", "a database name (required for pgsql sources)");
        }
    }

    private void tablesInMappedSchemas(SourceConfig source, String key, List<TableName> tables) {
        for (int i = 0; i < tables.size(); i++) {
            TableName table = tables.get(i);
            if (!source.schemaMappings().containsKey(table.schema())) {
                unmapped(source, key + "[" + i + "]", table.toString(), table.schema());
            }
        }
    }

    private void skippedInMappedSchemas(SourceConfig source, EventKind kind) {
        for (String entry : source.skipEvents().get(kind)) {
            String schema = entry.contains(".") ? entry.substring(0, entry.indexOf('.')) : entry;
            if (!source.schemaMappings().containsKey(schema)) {
                unmapped(source, "skip_events." + kind.name().toLowerCase(Locale.ROOT), entry, schema);
            }
        }
    }

    /** An entry for a schema that is not replicated is most likely a typo: it would silently do nothing. */
    private void unmapped(SourceConfig source, String key, String entry, String schema) {
        Set<String> mapped = source.schemaMappings().keySet();
        problem(path(source, key), "'" + entry + "', but schema " + schema + " is not in schema_mappings",
                "an entry of a mapped schema: " + String.join(", ", mapped));
    }

    private static String path(SourceConfig source, String key) {
        return "sources." + source.name() + "." + key;
    }

    private void problem(String path, String found, String allowed) {
        problems.add(new ConfigException(path, found, allowed));
    }
}
