package io.chameleon.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.chameleon.config.ConfigKeys.*;

/**
 * A configuration as (key path, value) rows in the order of the reference, defaults included and
 * secrets masked: what show_config prints.
 */
final class EffectiveSettings {
    static final String MASK = "***";

    /**
     * One key's effective value: text, a number, a boolean, a list of text, a {@link Size}, an
     * empty map (a mapping with no entries) or null (not set).
     */
    record Setting(List<String> path, Object value) {
        String key() {
            return String.join(".", path);
        }
    }

    /** A number of bytes, shown as 300M in text and as the number in JSON. */
    record Size(long bytes) {
        @Override
        public String toString() {
            return ByteSize.format(bytes);
        }
    }

    private final List<Setting> rows = new ArrayList<>();

    private EffectiveSettings() {
    }

    static List<Setting> of(ChameleonConfig c) {
        EffectiveSettings s = new EffectiveSettings();
        GlobalSettings g = c.global();
        s.add(PID_DIR, g.pidDir());
        s.add(LOG_DIR, g.logDir());
        s.add(LOG_DEST, g.logDest());
        s.add(LOG_LEVEL, g.logLevel());
        s.add(LOG_DAYS_KEEP, g.logDaysKeep());
        s.add(ROLLBAR_KEY, g.rollbarKey());
        s.add(ROLLBAR_ENV, g.rollbarEnv());
        s.add(ROLLBAR_ENDPOINT, g.rollbarEndpoint());
        if (c.typeOverrides().overrides().isEmpty()) {
            s.add(TYPE_OVERRIDE, Map.of());
        }
        for (TypeOverride o : c.typeOverrides().overrides()) {
            s.add(OVERRIDE_TO, o.overrideTo(), o.mysqlType());
            s.add(OVERRIDE_TABLES, o.overrideTables(), o.mysqlType());
        }
        if (c.fillfactor().rules().isEmpty()) {
            s.add(FILLFACTOR, Map.of());
        }
        for (Fillfactor.Rule r : c.fillfactor().rules()) {
            s.add(FILLFACTOR_TABLES, r.tables(), Integer.toString(r.level()));
        }
        PgConn pg = c.pgConn();
        s.add(PG_HOST, pg.host());
        s.add(PG_PORT, pg.port());
        s.add(PG_USER, pg.user());
        s.add(PG_PASSWORD, pg.password());
        s.add(PG_DATABASE, pg.database());
        s.add(PG_CHARSET, pg.charset());
        s.tls(pg.tls(), PG_SSLMODE, PG_SSLROOTCERT, PG_SSLCERT, PG_SSLKEY);
        c.sources().values().forEach(s::source);
        return List.copyOf(s.rows);
    }

    private void source(SourceConfig src) {
        String n = src.name();
        DbConn db = src.dbConn();
        add(TYPE, src.type(), n);
        add(DB_HOST, db.host(), n);
        add(DB_PORT, db.port(), n);
        add(DB_USER, db.user(), n);
        add(DB_PASSWORD, db.password(), n);
        add(DB_CHARSET, db.charset(), n);
        add(DB_CONNECT_TIMEOUT, db.connectTimeoutSeconds(), n);
        add(DB_DATABASE, db.database(), n);
        tls(db.tls(), DB_SSLMODE, DB_SSLROOTCERT, DB_SSLCERT, DB_SSLKEY, n);
        src.schemaMappings().forEach((from, to) -> {
            List<String> path = new ArrayList<>(ConfigValues.concrete(SCHEMA_MAPPINGS, n));
            path.add(from);
            rows.add(new Setting(path, to));
        });
        add(LIMIT_TABLES, src.limitTables().stream().map(Object::toString).toList(), n);
        add(SKIP_TABLES, src.skipTables().stream().map(Object::toString).toList(), n);
        add(GRANT_SELECT_TO, src.grantSelectTo(), n);
        add(LOCK_TIMEOUT, src.lockTimeout(), n);
        add(MY_SERVER_ID, src.myServerId(), n);
        add(REPLICA_BATCH_SIZE, src.replicaBatchSize(), n);
        add(REPLAY_MAX_ROWS, src.replayMaxRows(), n);
        add(BATCH_RETENTION, src.batchRetention(), n);
        add(COPY_MAX_MEMORY, new Size(src.copyMaxMemory()), n);
        add(COPY_MODE, src.copyMode(), n);
        add(OUT_DIR, src.outDir(), n);
        add(SLEEP_LOOP, src.sleepLoop(), n);
        add(ON_ERROR_REPLAY, src.onErrorReplay(), n);
        add(ON_ERROR_READ, src.onErrorRead(), n);
        add(AUTO_MAINTENANCE, src.autoMaintenance(), n);
        add(GTID_ENABLE, src.gtidEnable(), n);
        add(SKIP_INSERT, List.copyOf(src.skipEvents().get(SourceConfig.EventKind.INSERT)), n);
        add(SKIP_UPDATE, List.copyOf(src.skipEvents().get(SourceConfig.EventKind.UPDATE)), n);
        add(SKIP_DELETE, List.copyOf(src.skipEvents().get(SourceConfig.EventKind.DELETE)), n);
        add(KEEP_EXISTING_SCHEMA, src.keepExistingSchema(), n);
        add(NET_READ_TIMEOUT, src.netReadTimeout(), n);
        add(COPY_WORKERS, src.copyWorkers(), n);
        add(ZERO_DATES, src.zeroDates(), n);
        add(NUL_CHARS, src.nulChars(), n);
        add(METRICS_PORT, src.metricsPort(), n);
        add(METRICS_ADDRESS, src.metricsAddress(), n);
    }

    private void tls(Tls tls, ConfigKey<?> mode, ConfigKey<?> rootCert, ConfigKey<?> cert, ConfigKey<?> key,
            String... names) {
        add(mode, tls.mode().keyword(), names);
        add(rootCert, tls.rootCert(), names);
        add(cert, tls.cert(), names);
        add(key, tls.key(), names);
    }

    /** Enums are shown as written in the file, paths as text, secrets masked. */
    private void add(ConfigKey<?> key, Object value, String... names) {
        Object shown;
        if (value == null) {
            shown = null;
        } else if (key.secret()) {
            shown = MASK;
        } else if (value instanceof Enum<?> e) {
            shown = e.name().toLowerCase(Locale.ROOT);
        } else if (value instanceof Path p) {
            shown = p.toString();
        } else {
            shown = value;
        }
        rows.add(new Setting(ConfigValues.concrete(key, names), shown));
    }
}
