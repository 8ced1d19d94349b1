package io.chameleon.replica;

import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TableComparator;
import io.chameleon.testing.TestCertificates;
import io.chameleon.testing.TlsServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS required on both servers: the source with require_secure_transport=ON, PostgreSQL with hostssl lines
 * only, and on each a user that must show the client certificate (REQUIRE X509; clientcert=verify-full). With
 * sslmode verify-full, the CA and a PEM client key (PKCS#8 on one side, PKCS#1 on the other), init_replica and
 * start_replica stream changes that compare equal value by value: the queries, the copy and the binlog stream
 * all went over TLS with the client certificate. A wrong CA, a host name the certificate does not have, and
 * sslmode disable each fail with one line that says so.
 */
class TlsIT {
    private static TlsServers servers;
    private static ReplicaFixture streamed;
    private static ReplicaFixture refused;
    private static boolean refusedAdded;
    /** Each fixture's configuration as written, with the administrators as users and no ssl keys. */
    private static final Map<ReplicaFixture, String> ORIGINAL = new HashMap<>();

    @BeforeAll
    static void startServersThatRequireTls() throws Exception {
        servers = TlsServers.start();
        streamed = ReplicaFixture.create("tls_stream", "", servers.mysqlAdmin(), servers.pgAdmin());
        refused = ReplicaFixture.create("tls_refused", "", servers.mysqlAdmin(), servers.pgAdmin());
        for (ReplicaFixture fx : new ReplicaFixture[] {streamed, refused}) {
            ORIGINAL.put(fx, fx.config());
        }
        servers.requireTls();
    }

    @AfterAll
    static void stopServers() throws Exception {
        servers.close();
    }

    @Test
    void initAndStartReplicaStreamOverVerifiedTlsWithClientCertificates() throws Exception {
        ReplicaFixture fx = streamed;
        fx.useConfig(config(fx, keys("verify-full", servers.certs.ca(), servers.certs.clientKey()),
                keys("verify-full", servers.certs.ca(), servers.certs.clientKeyPkcs1())));
        mysql(fx, "CREATE TABLE t (id int PRIMARY KEY, name varchar(40), amount decimal(12,2), at datetime(6), "
                        + "data blob) CHARACTER SET utf8mb4",
                "INSERT INTO t VALUES (1, 'één 🐘', 12.50, '2026-12-05 21:00:00.123456', x'00ff'),"
                        + " (2, 'two', -0.01, '1999-01-01 00:00:00', NULL), (3, NULL, NULL, NULL, '')");
        fx.initReplica();
        RunningReplica replica = RunningReplica.start(fx);
        try {
            mysql(fx, "INSERT INTO t VALUES (4, 'streamed', 99.99, '2026-12-05 21:30:00.000001', x'0102')",
                    "UPDATE t SET name = 'updated ✓', amount = amount * 2 WHERE id = 1",
                    "DELETE FROM t WHERE id = 2",
                    "INSERT INTO t VALUES (5, 'five', 5, NOW(6), x'05')");
            try (Connection my = servers.mysqlConnection(fx.mysqlSchema)) {
                replica.awaitApplied(ReplicaCatchUp.sourcePosition(my), Duration.ofSeconds(90));
            }
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        try (Connection my = servers.mysqlConnection(fx.mysqlSchema); Connection pg = fx.pg()) {
            assertThat(TableComparator.compare(my, fx.mysqlSchema, "t", pg, fx.pgSchema, 20)).isEmpty();
        }
        assertThat(fx.pgStrings("SELECT count(*) FROM " + fx.pgSchema + ".t")).containsExactly("4");
    }

    @Test
    void aWrongCaFailsWithOneLineForEachServer() throws Exception {
        ReplicaFixture fx = added();
        String good = keys("verify-full", servers.certs.ca(), servers.certs.clientKey());
        String otherCa = keys("verify-full", servers.certs.otherCa(), servers.certs.clientKey());

        fx.useConfig(config(fx, good, otherCa));
        assertOneLine(fx.run("init_replica", "--source", "mysql"), "TLS to MySQL 127.0.0.1:" + servers.mysqlAdmin().port()
                + " failed: the server certificate is not signed by the CA in " + servers.certs.otherCa()
                + " (sslrootcert)");

        fx.useConfig(config(fx, otherCa, good));
        assertOneLine(fx.run("init_replica", "--source", "mysql"), "TLS to PostgreSQL 127.0.0.1:"
                + servers.pgAdmin().port() + " failed: the server certificate is not signed by the CA in "
                + servers.certs.otherCa() + " (sslrootcert)");
    }

    @Test
    void aHostNameTheCertificateDoesNotHaveFailsVerifyFull() throws Exception {
        ReplicaFixture fx = added();
        String good = keys("verify-full", servers.certs.ca(), servers.certs.clientKey());

        fx.useConfig(config(fx, good, good).replace("      host: \"127.0.0.1\"", "      host: \"localhost\""));
        assertOneLine(fx.run("init_replica", "--source", "mysql"), "TLS to MySQL localhost:"
                + servers.mysqlAdmin().port() + " failed: the server certificate is for [127.0.0.1], not for localhost"
                + " (sslmode verify-full checks the host name; connect by a name the certificate has)");

        fx.useConfig(config(fx, good, good).replace("  host: \"127.0.0.1\"\n  port: \"" + servers.pgAdmin().port(),
                "  host: \"localhost\"\n  port: \"" + servers.pgAdmin().port()));
        assertOneLine(fx.run("init_replica", "--source", "mysql"), "TLS to PostgreSQL localhost:"
                + servers.pgAdmin().port() + " failed: the server certificate is for [127.0.0.1], not for localhost");
    }

    @Test
    void sslmodeDisableAgainstAServerThatRequiresTlsSaysWhatToSet() throws Exception {
        ReplicaFixture fx = added();
        String good = keys("verify-full", servers.certs.ca(), servers.certs.clientKey());

        // as the administrator: MySQL refuses a REQUIRE X509 user without TLS as "access denied" before it says why
        String myUser = "      user: \"" + TestCertificates.CLIENT_NAME + "\"\n      password: \""
                + TlsServers.READER_PASSWORD + "\"\n";
        fx.useConfig(config(fx, good, "      sslmode: disable\n").replace(myUser, "      user: \""
                + servers.mysqlAdmin().user() + "\"\n      password: \"" + servers.mysqlAdmin().password() + "\"\n"));
        assertOneLine(fx.run("init_replica", "--source", "mysql"), "insecure transport",
                "the server requires TLS: set db_conn.sslmode to require or stronger");

        fx.useConfig(config(fx, "  sslmode: disable\n", good));
        assertOneLine(fx.run("init_replica", "--source", "mysql"), "no encryption",
                "the server accepts only TLS connections: set pg_conn.sslmode to require or stronger");
    }

    /** The refusals' fixture with its catalogue and source in place, so init_replica gets as far as connecting. */
    private static synchronized ReplicaFixture added() throws Exception {
        if (!refusedAdded) {
            String good = keys("verify-full", servers.certs.ca(), servers.certs.clientKey());
            refused.useConfig(config(refused, good, good));
            refused.ok("create_replica_schema");
            refused.ok("add_source", "--source", "mysql");
            refusedAdded = true;
        }
        return refused;
    }

    /** The command fails, and one line of its output (a preflight report's, or the error) says why: no stack trace. */
    private static void assertOneLine(ReplicaFixture.Run run, String... parts) {
        assertThat(run.exitCode()).as(run.all()).isNotZero();
        assertThat(run.all().lines().filter(line -> line.contains(parts[0]))).as(run.all()).singleElement()
                .satisfies(line -> assertThat(line).contains(parts));
        assertThat(run.all()).doesNotContain("Exception", "\tat ");
    }

    /** The ssl keys, indented for db_conn; {@link #config} indents them for pg_conn. */
    private static String keys(String mode, Path ca, Path key) {
        return "      sslmode: " + mode + "\n      sslrootcert: '" + ca + "'\n      sslcert: '"
                + servers.certs.clientCert() + "'\n      sslkey: '" + key + "'\n";
    }

    /** The fixture's configuration as the TLS users, with these ssl keys under pg_conn and db_conn. */
    private static String config(ReplicaFixture fx, String pgKeys, String dbKeys) {
        String yaml = ORIGINAL.get(fx);
        String pgUser = "  user: \"" + servers.pgAdmin().user() + "\"\n  password: \"" + servers.pgAdmin().password()
                + "\"\n";
        String myUser = "      user: \"" + servers.mysqlAdmin().user() + "\"\n      password: \""
                + servers.mysqlAdmin().password() + "\"\n";
        assertThat(yaml).contains(pgUser, myUser);
        return yaml.replace(pgUser, "  user: \"" + TestCertificates.CLIENT_NAME + "\"\n"
                        + pgKeys.replace("      ", "  "))
                .replace(myUser, "      user: \"" + TestCertificates.CLIENT_NAME + "\"\n      password: \""
                        + TlsServers.READER_PASSWORD + "\"\n" + dbKeys);
    }

    private static void mysql(ReplicaFixture fx, String... statements) throws SQLException {
        try (Connection c = servers.mysqlConnection(fx.mysqlSchema); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
