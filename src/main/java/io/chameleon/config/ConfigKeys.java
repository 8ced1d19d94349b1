package io.chameleon.config;

import io.chameleon.config.ConfigKey.Need;
import io.chameleon.config.GlobalSettings.LogDest;
import io.chameleon.config.GlobalSettings.LogLevel;
import io.chameleon.config.SourceConfig.CopyMode;
import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.OnError;
import io.chameleon.config.SourceConfig.SourceType;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.config.ValueType.Named;
import io.chameleon.config.ValueType.Section;
import io.chameleon.schema.TableName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.chameleon.config.ValueTypes.bool;
import static io.chameleon.config.ValueTypes.byteSize;
import static io.chameleon.config.ValueTypes.httpUrl;
import static io.chameleon.config.ValueTypes.charset;
import static io.chameleon.config.ValueTypes.integer;
import static io.chameleon.config.ValueTypes.integerName;
import static io.chameleon.config.ValueTypes.interval;
import static io.chameleon.config.ValueTypes.intervalOrDisabled;
import static io.chameleon.config.ValueTypes.listOf;
import static io.chameleon.config.ValueTypes.oneOf;
import static io.chameleon.config.ValueTypes.optionalText;
import static io.chameleon.config.ValueTypes.path;
import static io.chameleon.config.ValueTypes.pgDuration;
import static io.chameleon.config.ValueTypes.port;
import static io.chameleon.config.ValueTypes.readableFile;
import static io.chameleon.config.ValueTypes.schemaMappings;
import static io.chameleon.config.ValueTypes.schemaOrTable;
import static io.chameleon.config.ValueTypes.secret;
import static io.chameleon.config.ValueTypes.sourceName;
import static io.chameleon.config.ValueTypes.sslMode;
import static io.chameleon.config.ValueTypes.tableName;
import static io.chameleon.config.ValueTypes.tableOrAll;
import static io.chameleon.config.ValueTypes.text;

/**
 * Every key of the configuration file, in the order of the reference and of the example. The
 * loader validates against this table, and docs/configuration.md is generated from it.
 */
final class ConfigKeys {
    // Filled by add() in declaration order, so it must come first.
    private static final List<ConfigKey<?>> KEYS = new ArrayList<>();

    private static final String HOST = "a host name or IP address";
    private static final String USER = "a user name";
    private static final String PASSWORD = "any text; empty or absent for none";
    private static final String SSLROOTCERT = "The CA certificates (PEM) the server's certificate must be signed "
            + "by; required by verify-ca and verify-full, not used by the other modes.";
    private static final String SSLCERT = "A client certificate (PEM, with its chain) for servers that ask for one; "
            + "needs sslkey.";
    private static final String SSLKEY = "The client certificate's private key: PEM, unencrypted, PKCS#8 (BEGIN "
            + "PRIVATE KEY) or PKCS#1 RSA (BEGIN RSA PRIVATE KEY). Keep it readable by this user only.";

    // --- global settings
    static final ConfigKey<Path> PID_DIR = optional("pid_dir", path(), "~/.pg_chameleon/pid/",
            "Directory of the pid files of running replicas.");
    static final ConfigKey<Path> LOG_DIR = optional("log_dir", path(), "~/.pg_chameleon/logs/",
            "Directory of the log files when log_dest is file.");
    static final ConfigKey<LogDest> LOG_DEST = optional("log_dest", oneOf(LogDest.class), "file",
            "Where log lines go: daily files under log_dir, or the standard output.");
    static final ConfigKey<LogLevel> LOG_LEVEL = optional("log_level", oneOf(LogLevel.class), "info",
            "The least severe level that is logged.");
    static final ConfigKey<Integer> LOG_DAYS_KEEP = optional("log_days_keep", integer(1, Integer.MAX_VALUE), "10",
            "How many days of daily log files are kept before the oldest are deleted.");
    static final ConfigKey<String> ROLLBAR_KEY = optional("rollbar_key", secret("a Rollbar access token"), "",
            "Rollbar access token (a post_server_item token). When it and rollbar_env are both set, the events of "
                    + "docs/rollbar.md are sent to Rollbar: loads finished or failed, the replica stopped by an error, "
                    + "tables left out of replay, maintenance failures. --rollbar-level sets the least important level "
                    + "sent. Never shown.");
    static final ConfigKey<String> ROLLBAR_ENV = optional("rollbar_env", optionalText("a Rollbar environment name"),
            "", "The Rollbar environment the events are reported under (production, staging, ...).");
    static final ConfigKey<java.net.URI> ROLLBAR_ENDPOINT = extension("rollbar_endpoint", httpUrl(),
            "https://api.rollbar.com/api/1/item/", "Where the events are posted: Rollbar's item API, or a "
                    + "self-hosted service that accepts the same JSON items.");

    // --- type_override
    static final ConfigKey<Void> TYPE_OVERRIDE = optional("type_override",
            new Named(text("a MySQL column type exactly as declared, e.g. tinyint(1)"), false), null,
            "Replaces the PostgreSQL type Chameleon would choose for a MySQL column type. Each key is the MySQL "
                    + "type exactly as declared, dimensions included (e.g. tinyint(1)). Applied by init_replica, "
                    + "refresh_schema, sync_tables and to replicated CREATE/ALTER TABLE.");
    static final ConfigKey<Void> TYPE_OVERRIDE_ENTRY = required("type_override.<type>",
            new Section("override_to and override_tables"), "One overridden MySQL type.");
    static final ConfigKey<String> OVERRIDE_TO = required("type_override.<type>.override_to",
            text("a PostgreSQL type"),
            "The PostgreSQL type to use instead. A cast from the default type to it must exist.");
    static final ConfigKey<List<String>> OVERRIDE_TABLES = optional("type_override.<type>.override_tables",
            listOf(tableOrAll()), List.of("*"),
            "The MySQL tables the override applies to; * applies it to every replicated table.");

    // --- fillfactor
    static final ConfigKey<Void> FILLFACTOR = optional("fillfactor", new Named(integerName(10, 100), false), null,
            "Creates tables with a fillfactor below 100, leaving room for updates. Each key is a level from 10 to "
                    + "100. When a table is listed under several levels, the last one in the file wins.");
    static final ConfigKey<Void> FILLFACTOR_ENTRY = required("fillfactor.<level>", new Section("tables"),
            "One fillfactor level.");
    static final ConfigKey<List<String>> FILLFACTOR_TABLES = required("fillfactor.<level>.tables",
            listOf(tableOrAll()), "The MySQL tables created with this fillfactor; * for every table.");

    // --- pg_conn
    static final ConfigKey<Void> PG_CONN = required("pg_conn", new Section("host, port, user, password, "
            + "database, charset and the ssl keys"), "The target PostgreSQL database, shared by every source of the file.");
    static final ConfigKey<String> PG_HOST = required("pg_conn.host", text(HOST), "The PostgreSQL server.");
    static final ConfigKey<Integer> PG_PORT = required("pg_conn.port", port(),
            "Its TCP port; a number, quoted or not.");
    static final ConfigKey<String> PG_USER = required("pg_conn.user", text(USER),
            "The role Chameleon connects as; it owns the replicated schemas and the catalogue sch_chameleon.");
    static final ConfigKey<String> PG_PASSWORD = optional("pg_conn.password", secret(PASSWORD), null,
            "Its password. Without one, the server must not ask for it or ~/.pgpass must hold it. Never shown.");
    static final ConfigKey<String> PG_DATABASE = required("pg_conn.database", text("a database name"),
            "The database the replica writes to.");
    static final ConfigKey<String> PG_CHARSET = optional("pg_conn.charset", charset(), "utf8",
            "Kept for compatibility with pg_chameleon: the connection always uses UTF-8.");
    static final ConfigKey<Tls.Mode> PG_SSLMODE = extension("pg_conn.sslmode", sslMode(), "prefer",
            "TLS to PostgreSQL, as libpq's sslmode: disable never encrypts; prefer encrypts when the server offers "
                    + "it; require always encrypts; neither checks the server's certificate. verify-ca also checks that "
                    + "the certificate is signed by sslrootcert; verify-full also that it names host (a DNS name or IP "
                    + "address in its subject alternative names). See docs/tls.md.");
    static final ConfigKey<Path> PG_SSLROOTCERT = extension("pg_conn.sslrootcert", readableFile(), null,
            SSLROOTCERT);
    static final ConfigKey<Path> PG_SSLCERT = extension("pg_conn.sslcert", readableFile(), null, SSLCERT);
    static final ConfigKey<Path> PG_SSLKEY = extension("pg_conn.sslkey", readableFile(), null, SSLKEY);

    // --- sources
    static final ConfigKey<Void> SOURCES = required("sources", new Named(sourceName(), true),
            "The databases replicated into pg_conn, by a name of your choice. Commands pick one with --source.");
    static final ConfigKey<Void> SOURCE = required("sources.<name>", new Section("the source keys below"),
            "One source.");
    static final ConfigKey<SourceType> TYPE = required("sources.<name>.type", oneOf(SourceType.class),
            "What the source is: mysql (MySQL or MariaDB), or pgsql (PostgreSQL; pg_chameleon's experimental "
                    + "copy-only source).");

    static final ConfigKey<Void> DB_CONN = required("sources.<name>.db_conn", new Section("host, port, user, "
            + "password, charset, connect_timeout, database and the ssl keys"), "How to connect to the source database.");
    static final ConfigKey<String> DB_HOST = required("sources.<name>.db_conn.host", text(HOST),
            "The source server.");
    static final ConfigKey<Integer> DB_PORT = required("sources.<name>.db_conn.port", port(),
            "Its TCP port; a number, quoted or not.");
    static final ConfigKey<String> DB_USER = required("sources.<name>.db_conn.user", text(USER),
            "The user Chameleon reads as; for mysql it needs REPLICATION CLIENT, REPLICATION SLAVE and SELECT.");
    static final ConfigKey<String> DB_PASSWORD = optional("sources.<name>.db_conn.password", secret(PASSWORD),
            null, "Its password. Never shown.");
    static final ConfigKey<String> DB_CHARSET = optional("sources.<name>.db_conn.charset", charset(), "utf8",
            "Kept for compatibility with pg_chameleon: Chameleon always reads text as utf8mb4, so every "
                    + "character arrives intact whatever this says.");
    static final ConfigKey<Integer> DB_CONNECT_TIMEOUT = optional("sources.<name>.db_conn.connect_timeout",
            integer(1, 3600), "10",
            "Seconds to wait for a connection. Raise it on slow networks.");
    static final ConfigKey<String> DB_DATABASE = key("sources.<name>.db_conn.database", text("a database name"),
            Need.REQUIRED_FOR_PGSQL, null,
            "The database to read from. Required for pgsql sources; a mysql source reads the schemas of "
                    + "schema_mappings and ignores it.", false);
    static final ConfigKey<Tls.Mode> DB_SSLMODE = extension("sources.<name>.db_conn.sslmode", sslMode(), "disable",
            "TLS to the source, with pg_conn.sslmode's meanings, for every connection to it: queries, the copy and "
                    + "the binlog stream. disable by default, as pg_chameleon connects; a server with "
                    + "require_secure_transport=ON (RDS, Aurora and Cloud SQL can demand it) needs require or stronger. "
                    + "See docs/tls.md.");
    static final ConfigKey<Path> DB_SSLROOTCERT = extension("sources.<name>.db_conn.sslrootcert", readableFile(),
            null, SSLROOTCERT);
    static final ConfigKey<Path> DB_SSLCERT = extension("sources.<name>.db_conn.sslcert", readableFile(), null,
            SSLCERT);
    static final ConfigKey<Path> DB_SSLKEY = extension("sources.<name>.db_conn.sslkey", readableFile(), null,
            SSLKEY);

    static final ConfigKey<Map<String, String>> SCHEMA_MAPPINGS = required("sources.<name>.schema_mappings",
            schemaMappings(), "Which source schemas are replicated, and into which PostgreSQL schema each goes. "
                    + "A PostgreSQL schema can receive one source schema only, across all sources of the file.");
    static final ConfigKey<List<TableName>> LIMIT_TABLES = optional("sources.<name>.limit_tables",
            listOf(tableName()), List.of(),
            "Replicate only these tables of their schema; a mapped schema with no entry here is replicated "
                    + "whole. The schema must be in schema_mappings.");
    static final ConfigKey<List<TableName>> SKIP_TABLES = optional("sources.<name>.skip_tables",
            listOf(tableName()), List.of(),
            "Tables never replicated. The schema must be in schema_mappings.");
    static final ConfigKey<List<String>> GRANT_SELECT_TO = optional("sources.<name>.grant_select_to",
            listOf(text("a role name")), List.of(),
            "PostgreSQL roles given SELECT on the replicated tables. Ignored when keep_existing_schema is Yes.");
    static final ConfigKey<String> LOCK_TIMEOUT = optional("sources.<name>.lock_timeout", pgDuration(), "120s",
            "How long init_replica, refresh_schema and sync_tables wait for the locks that swap the loaded "
                    + "tables into place, run_maintenance for each table's lock, and the replica for a lock another "
                    + "session holds on a replicated table or row (it then rolls back and tries again, see "
                    + "docs/failures.md). A bare number is refused: PostgreSQL would read it as milliseconds.");
    static final ConfigKey<Integer> MY_SERVER_ID = optional("sources.<name>.my_server_id",
            integer(1, Integer.MAX_VALUE), "100",
            "The server id the replica uses to read the binlog; it must differ from every other server and "
                    + "replica of the MySQL server, and between sources reading the same server.");
    static final ConfigKey<Integer> REPLICA_BATCH_SIZE = optional("sources.<name>.replica_batch_size",
            integer(1, Integer.MAX_VALUE), "10000",
            "The most rows read from the binlog before they are written to PostgreSQL. Batches of whole "
                    + "transactions close at the lower of this and replay_max_rows; a larger transaction is applied in "
                    + "parts of that size inside one PostgreSQL transaction, committed with its last part.");
    static final ConfigKey<Integer> REPLAY_MAX_ROWS = optional("sources.<name>.replay_max_rows",
            integer(1, Integer.MAX_VALUE), "10000",
            "The most rows applied to PostgreSQL in one step of the replay: a batch, or a part of a transaction "
                    + "larger than a batch. The lower of this and replica_batch_size bounds both.");
    static final ConfigKey<String> BATCH_RETENTION = optional("sources.<name>.batch_retention", interval(),
            "1 day", "How long the catalogue keeps the replay history (batches, transactions, row changes and lag, "
                    + "by the minute) that show_status --source sums; the running replica and run_maintenance delete "
                    + "what is older.");
    static final ConfigKey<Long> COPY_MAX_MEMORY = optional("sources.<name>.copy_max_memory", byteSize(), "300M",
            "The most memory the copy of one slice of a table may use; larger tables are copied in several "
                    + "slices.");
    static final ConfigKey<CopyMode> COPY_MODE = optional("sources.<name>.copy_mode", oneOf(CopyMode.class),
            "file", "How init_replica moves the data: direct streams each slice straight into COPY; file "
                    + "writes it to a CSV file under out_dir first.");
    static final ConfigKey<Path> OUT_DIR = optional("sources.<name>.out_dir", path(), "/tmp",
            "Directory of the CSV files when copy_mode is file.");
    static final ConfigKey<Integer> SLEEP_LOOP = optional("sources.<name>.sleep_loop",
            integer(0, Integer.MAX_VALUE), "1", "The longest, in seconds, the replica collects transactions into a batch before applying it (at "
                    + "least 1): a batch is applied as soon as the queue runs dry, at the batch bounds, or after "
                    + "sleep_loop, whichever comes first.");
    static final ConfigKey<OnError> ON_ERROR_REPLAY = optional("sources.<name>.on_error_replay",
            oneOf(OnError.class), "continue", "When a table's changes cannot be applied: continue leaves that "
                    + "table out of the replica, with the error recorded; exit stops the replica. A transient failure "
                    + "(a deadlock, a lock not granted within lock_timeout, a busy server) is first tried again, 10 "
                    + "attempts over about three minutes (docs/failures.md); a failure every table would meet (a full "
                    + "disk) stops the replica under either.");
    static final ConfigKey<OnError> ON_ERROR_READ = optional("sources.<name>.on_error_read", oneOf(OnError.class),
            "exit", "When either server goes away while replicating (the MySQL source: its binlog connection "
                    + "refused, dropped or silent for 15 s; or PostgreSQL: a connection lost or refused): continue "
                    + "logs a warning and starts the replica again from its applied position, after 1 s, then twice "
                    + "as long each time up to 60 s, for as long as it takes; exit stops the replica with status error "
                    + "(start_replica exits 1). pg_chameleon's covers the source only.");
    static final ConfigKey<String> AUTO_MAINTENANCE = optional("sources.<name>.auto_maintenance",
            intervalOrDisabled(), "disabled",
            "How often the running replica runs run_maintenance's plain VACUUM (ANALYZE) of the source's "
                    + "replicated tables and the catalogue, on a connection of its own; disabled never does. A source "
                    + "never maintained is due as soon as its replica starts.");
    static final ConfigKey<Boolean> GTID_ENABLE = optional("sources.<name>.gtid_enable", bool(), "No",
            "Resume the binlog by GTID rather than by file and position: MariaDB's GTID position, or MySQL's GTID"
                    + " set (several server UUIDs, gaps, the tagged GTIDs of 8.3+). The GTID state is stored with every"
                    + " applied batch either way; with Yes the replica finds its place after the binlog files holding"
                    + " the stored file and position are purged, and after db_conn is moved to another server of the"
                    + " source's replication topology (a failover). Needs GTIDs on (MySQL: gtid_mode = ON). When the"
                    + " server has purged GTIDs the replica has not applied, start_replica refuses and names them:"
                    + " init_replica is needed.");

    static final ConfigKey<Void> SKIP_EVENTS = optional("sources.<name>.skip_events",
            new Section("insert, update and delete"), null,
            "Changes that are not replicated, by kind: start_replica drops them as it reads them, and counts them. "
                    + "Each entry is a whole schema or one SCHEMA.TABLE; the schema must be in schema_mappings.");
    static final ConfigKey<List<String>> SKIP_INSERT = optional("sources.<name>.skip_events.insert",
            listOf(schemaOrTable()), List.of(), "Schemas and tables whose inserts are skipped.");
    static final ConfigKey<List<String>> SKIP_UPDATE = optional("sources.<name>.skip_events.update",
            listOf(schemaOrTable()), List.of(), "Schemas and tables whose updates are skipped.");
    static final ConfigKey<List<String>> SKIP_DELETE = optional("sources.<name>.skip_events.delete",
            listOf(schemaOrTable()), List.of(), "Schemas and tables whose deletes are skipped.");

    static final ConfigKey<Boolean> KEEP_EXISTING_SCHEMA = optional("sources.<name>.keep_existing_schema", bool(),
            "No", "Yes keeps the existing PostgreSQL tables on init_replica, refresh_schema and sync_tables: "
                    + "they are emptied and reloaded, and their indexes rebuilt, instead of being created anew.");
    static final ConfigKey<Integer> NET_READ_TIMEOUT = optional("sources.<name>.net_read_timeout",
            integer(1, Integer.MAX_VALUE), "600",
            "Seconds the MySQL server waits on a slow reader before it drops the connection (its "
                    + "net_read_timeout, set for Chameleon's sessions).");

    // --- Chameleon's own keys
    static final ConfigKey<Integer> COPY_WORKERS = extension("sources.<name>.copy_workers", integer(1, 64), "4",
            "How many connections copy data in parallel during init_replica, refresh_schema and sync_tables."
                    + " A table with a single integer key is cut into as many key ranges as it holds shares of the"
                    + " load's bytes, a share being the load over copy_workers (at most the machine's CPUs): tables"
                    + " of similar size are one COPY each, a table copied alone is cut once per worker.");
    // Its default must stay null: YAML reads "zero_dates: null" as a key given no value.
    static final ConfigKey<ZeroDatePolicy> ZERO_DATES = extension("sources.<name>.zero_dates",
            oneOf(ZeroDatePolicy.class), "null",
            "What a MySQL zero date (0000-00-00, or with a zero month or day) becomes, since PostgreSQL has none: "
                    + "null stores NULL (a NOT NULL column then discards the row); infinity stores -infinity; "
                    + "discard puts the row in the catalogue's discarded rows. Every case is counted.");
    static final ConfigKey<NulCharPolicy> NUL_CHARS = extension("sources.<name>.nul_chars",
            oneOf(NulCharPolicy.class), "strip",
            "What happens to a NUL character (U+0000) in text, which PostgreSQL cannot store: strip removes it; "
                    + "discard puts the row in the catalogue's discarded rows. Every case is counted.");
    static final ConfigKey<Integer> METRICS_PORT = extension("sources.<name>.metrics_port", port(), null,
            "The TCP port on which the running replica of the source serves its metrics to Prometheus "
                    + "(GET /metrics: lag, rows read and applied, batches, skipped changes, errors). Absent: no "
                    + "endpoint. Each source needs a port of its own.");
    static final ConfigKey<String> METRICS_ADDRESS = extension("sources.<name>.metrics_address", text(HOST),
            "127.0.0.1", "The address metrics_port listens on. The endpoint has no authentication: the default "
                    + "serves this machine only; 0.0.0.0 serves every interface.");

    private ConfigKeys() {
    }

    /** All keys, parents before their children. */
    static List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(KEYS);
    }

    /** The keys directly below the key with this path ("" for the top level). */
    static List<ConfigKey<?>> childrenOf(String parentPath) {
        return KEYS.stream().filter(k -> k.parentPath().equals(parentPath)).toList();
    }

    private static <T> ConfigKey<T> required(String path, ValueType<T> type, String description) {
        return key(path, type, Need.REQUIRED, null, description, false);
    }

    private static <T> ConfigKey<T> optional(String path, ValueType<T> type, Object defaultValue,
            String description) {
        return key(path, type, Need.OPTIONAL, defaultValue, description, false);
    }

    private static <T> ConfigKey<T> extension(String path, ValueType<T> type, Object defaultValue,
            String description) {
        return key(path, type, Need.OPTIONAL, defaultValue, description, true);
    }

    private static <T> ConfigKey<T> key(String path, ValueType<T> type, Need need, Object defaultValue,
            String description, boolean extension) {
        ConfigKey<T> key = new ConfigKey<>(path, type, need, defaultValue, description, extension);
        KEYS.add(key);
        return key;
    }
}
