package io.chameleon.testing;

import io.chameleon.testing.TestServers.Endpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private source of the run's flavour and a private PostgreSQL, both with a certificate of
 * {@link TestCertificates}. Plain connections work until {@link #requireTls()}; after it, the source has
 * require_secure_transport=ON and PostgreSQL a pg_hba.conf of hostssl lines only, and each has a
 * user that must also show the client certificate: {@link #mysqlReader()} (REQUIRE X509, MySQL's default
 * caching_sha2_password on MySQL) and {@link #pgReplicator()} (clientcert=verify-full).
 */
public final class TlsServers implements AutoCloseable {
    public static final String READER_PASSWORD = "tls-reader-secret";
    public final TestCertificates certs;
    private final RestartableSource source;
    private final EmbeddedPostgres pg;
    private final Endpoint pgAdmin;

    private TlsServers(TestCertificates certs, RestartableSource source, EmbeddedPostgres pg) throws SQLException {
        this.certs = certs;
        this.source = source;
        this.pg = pg;
        this.pgAdmin = TestServers.setPassword(pg);
    }

    public static TlsServers start() throws Exception {
        boolean mysql = TestServers.flavour() == SourceFlavour.MYSQL;
        // mysqld runs in a chroot: its files must be inside it
        Path dir = mysql ? Files.createTempDirectory(MysqlServer.root().resolve("tmp"), "chameleon-tls")
                : Files.createTempDirectory("chameleon-tls");
        String seen = mysql ? "/tmp/" + dir.getFileName() : dir.toString();
        TestCertificates certs = TestCertificates.create(dir);
        String[] ssl = {"--ssl-ca=" + seen + "/ca.pem", "--ssl-cert=" + seen + "/server.pem",
                "--ssl-key=" + seen + "/server-key.pem"};
        RestartableSource source = mysql ? MysqlServer.start(1, ssl) : RestartableMariaDb.start(ssl);
        EmbeddedPostgres pg = TestServers.postgresConfig().setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certs.serverCert().toString())
                .setServerConfig("ssl_key_file", certs.serverKey().toString())
                .setServerConfig("ssl_ca_file", certs.ca().toString()).start();
        return new TlsServers(certs, source, pg);
    }

    /** The source's administrator; plain connections only until {@link #requireTls()}. */
    public Endpoint mysqlAdmin() {
        return source.endpoint();
    }

    public Endpoint pgAdmin() {
        return pgAdmin;
    }

    /** The source user Chameleon reads as: TLS and the client certificate required. */
    public Endpoint mysqlReader() {
        return new Endpoint("127.0.0.1", source.endpoint().port(), TestCertificates.CLIENT_NAME, READER_PASSWORD);
    }

    /** The PostgreSQL role Chameleon writes as: TLS and the client certificate (CN = role) required. */
    public Endpoint pgReplicator() {
        return new Endpoint("127.0.0.1", pg.getPort(), TestCertificates.CLIENT_NAME, "");
    }

    public void requireTls() throws Exception {
        try (Connection c = TestServers.mysqlConnection(source.endpoint(), null); Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + TestCertificates.CLIENT_NAME + "'@'%' IDENTIFIED BY '" + READER_PASSWORD
                    + "' REQUIRE X509");
            s.execute("GRANT ALL ON *.* TO '" + TestCertificates.CLIENT_NAME + "'@'%'");
            s.execute("SET GLOBAL require_secure_transport = ON");
        }
        try (Connection c = TestServers.pgConnection(pgAdmin, "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + TestCertificates.CLIENT_NAME + " LOGIN SUPERUSER");
            Path hba;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            StringBuilder lines = new StringBuilder("local all all trust\n");
            for (String net : new String[] {"127.0.0.1/32", "::1/128"}) {
                lines.append("hostssl all ").append(TestCertificates.CLIENT_NAME).append(' ').append(net)
                        .append(" trust clientcert=verify-full\n");
                lines.append("hostssl all all ").append(net).append(" trust\n");
            }
            Files.writeString(hba, lines);
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** An administrator's connection to the source over TLS (the certificate not checked). */
    public Connection mysqlConnection(String database) throws SQLException {
        Endpoint e = source.endpoint();
        return DriverManager.getConnection("jdbc:mariadb://" + e.host() + ":" + e.port() + "/" + database
                + "?sslMode=trust&allowPublicKeyRetrieval=true", e.user(), e.password());
    }

    /** An administrator's connection to PostgreSQL: pgjdbc's default sslmode prefer takes TLS when offered. */
    public Connection pgConnection(String database) throws SQLException {
        return TestServers.pgConnection(pgAdmin, database);
    }

    @Override
    public void close() throws Exception {
        source.close();
        pg.close();
        try (Stream<Path> files = Files.walk(certs.dir())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
