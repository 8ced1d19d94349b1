package io.chameleon.config;

import io.chameleon.config.SourceConfig.EventKind;
import io.chameleon.config.SourceConfig.SourceType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.chameleon.config.ConfigKeys.*;

/** Turns validated values into the configuration records. */
final class ConfigAssembler {
    private final ConfigValues v;

    private ConfigAssembler(ConfigValues values) {
        this.v = values;
    }

    static ChameleonConfig assemble(Path file, String name, ConfigValues values) {
        ConfigAssembler a = new ConfigAssembler(values);
        Map<String, SourceConfig> sources = new LinkedHashMap<>();
        for (String source : values.names(SOURCES)) {
            sources.put(source, a.source(source));
        }
        return new ChameleonConfig(file, name, a.global(), a.typeOverrides(), a.fillfactor(), a.pgConn(), sources);
    }

    private GlobalSettings global() {
        return new GlobalSettings(v.get(PID_DIR), v.get(LOG_DIR), v.get(LOG_DEST), v.get(LOG_LEVEL),
                v.get(LOG_DAYS_KEEP), v.get(ROLLBAR_KEY), v.get(ROLLBAR_ENV),
                v.get(ROLLBAR_ENDPOINT));
    }

    private TypeOverride.Rules typeOverrides() {
        List<TypeOverride> overrides = new ArrayList<>();
        for (String type : v.names(TYPE_OVERRIDE)) {
            overrides.add(new TypeOverride(type, v.get(OVERRIDE_TO, type), v.get(OVERRIDE_TABLES, type)));
        }
        return new TypeOverride.Rules(overrides);
    }

    private Fillfactor fillfactor() {
        List<Fillfactor.Rule> rules = new ArrayList<>();
        for (String level : v.names(FILLFACTOR)) {
            rules.add(new Fillfactor.Rule(Integer.parseInt(level), v.get(FILLFACTOR_TABLES, level)));
        }
        return new Fillfactor(rules);
    }

    private PgConn pgConn() {
        return new PgConn(v.get(PG_HOST), v.get(PG_PORT), v.get(PG_USER), v.get(PG_PASSWORD), v.get(PG_DATABASE),
                v.get(PG_CHARSET), new Tls(v.get(PG_SSLMODE), v.get(PG_SSLROOTCERT), v.get(PG_SSLCERT), v.get(PG_SSLKEY)));
    }

    private SourceConfig source(String s) {
        SourceType type = v.get(TYPE, s);
        // A mysql source reads the schemas of schema_mappings: a database given here is not used.
        String database = type == SourceType.PGSQL ? v.get(DB_DATABASE, s) : null;
        DbConn dbConn = new DbConn(v.get(DB_HOST, s), v.get(DB_PORT, s), v.get(DB_USER, s), v.get(DB_PASSWORD, s),
                v.get(DB_CHARSET, s), v.get(DB_CONNECT_TIMEOUT, s), database,
                new Tls(v.get(DB_SSLMODE, s), v.get(DB_SSLROOTCERT, s), v.get(DB_SSLCERT, s), v.get(DB_SSLKEY, s)));
        return new SourceConfig(s, type, dbConn, v.get(SCHEMA_MAPPINGS, s), v.get(LIMIT_TABLES, s),
                v.get(SKIP_TABLES, s), v.get(GRANT_SELECT_TO, s), v.get(LOCK_TIMEOUT, s), v.get(MY_SERVER_ID, s),
                v.get(REPLICA_BATCH_SIZE, s), v.get(REPLAY_MAX_ROWS, s), v.get(BATCH_RETENTION, s),
                v.get(COPY_MAX_MEMORY, s), v.get(COPY_MODE, s), v.get(OUT_DIR, s), v.get(SLEEP_LOOP, s),
                v.get(ON_ERROR_REPLAY, s), v.get(ON_ERROR_READ, s), v.get(AUTO_MAINTENANCE, s), v.get(GTID_ENABLE, s),
                skipEvents(s), v.get(KEEP_EXISTING_SCHEMA, s), v.get(NET_READ_TIMEOUT, s), v.get(COPY_WORKERS, s),
                v.get(ZERO_DATES, s), v.get(NUL_CHARS, s), v.get(METRICS_PORT, s), v.get(METRICS_ADDRESS, s));
    }

    /** Every event kind is present, with an empty set when nothing is skipped. */
    private Map<EventKind, Set<String>> skipEvents(String s) {
        Map<EventKind, Set<String>> skip = new EnumMap<>(EventKind.class);
        skip.put(EventKind.INSERT, entries(v.get(SKIP_INSERT, s)));
        skip.put(EventKind.UPDATE, entries(v.get(SKIP_UPDATE, s)));
        skip.put(EventKind.DELETE, entries(v.get(SKIP_DELETE, s)));
        return skip;
    }

    private static Set<String> entries(List<String> list) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(list));
    }
}
