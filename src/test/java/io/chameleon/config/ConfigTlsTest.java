package io.chameleon.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigTlsTest {
    @TempDir
    Path home;

    @Test
    void defaultsArePreferForPostgresqlAndDisableForTheSource() {
        ChameleonConfig c = Fixtures.load(home, Fixtures.minimal());

        assertThat(c.pgConn().tls()).isEqualTo(new Tls(Tls.Mode.PREFER, null, null, null));
        assertThat(c.source("mysql").dbConn().tls()).isEqualTo(Tls.DISABLED);
    }

    @Test
    void theFilesAreReadFromTheHomeDirectory() throws IOException {
        Path dir = Files.createDirectories(home.resolve("tls"));
        for (String f : new String[] {"ca.pem", "client.pem", "client-key.pem"}) {
            Files.writeString(dir.resolve(f), "x");
        }
        ChameleonConfig c = Fixtures.load(home, Fixtures.minimal().replace("      port: 3306\n", "      port: 3306\n"
                + "      sslmode: verify-full\n      sslrootcert: ~/tls/ca.pem\n      sslcert: ~/tls/client.pem\n"
                + "      sslkey: ~/tls/client-key.pem\n"));

        assertThat(c.source("mysql").dbConn().tls()).isEqualTo(new Tls(Tls.Mode.VERIFY_FULL, dir.resolve("ca.pem"),
                dir.resolve("client.pem"), dir.resolve("client-key.pem")));
    }

    @Test
    void anUnknownModeIsRefusedWithTheModes() {
        assertThat(refusedUnderPgConn("  sslmode: verify_full\n")).isEqualTo("pg_conn.sslmode: found 'verify_full'; "
                + "allowed: one of disable, prefer, require, verify-ca, verify-full");
    }

    @Test
    void aMissingFileIsRefusedNamingTheKeyAndTheFile() {
        assertThat(refusedUnderPgConn("  sslmode: verify-ca\n  sslrootcert: /nowhere/ca.pem\n"))
                .isEqualTo("pg_conn.sslrootcert: found '/nowhere/ca.pem' (no such file); allowed: the path of a "
                        + "readable file (a leading ~/ is the home directory)");
    }

    @Test
    void verifyingNeedsTheCaAndACertificateNeedsItsKey() throws IOException {
        Path cert = Files.writeString(home.resolve("client.pem"), "x");

        assertThat(refusedUnderPgConn("  sslmode: verify-full\n  sslcert: " + cert + "\n").lines()).containsExactly(
                "pg_conn.sslrootcert: found nothing; allowed: the CA file the server's certificate is checked "
                        + "against (required by sslmode verify-full)",
                "pg_conn.sslkey: found nothing; allowed: a file: sslcert and sslkey are given together");
    }

    @Test
    void showConfigPrintsTheModeAsWritten() {
        assertThat(EffectiveSettings.of(Fixtures.load(home, Fixtures.minimal())).stream()
                .filter(s -> s.key().endsWith("sslmode")).map(s -> s.key() + "=" + s.value()).toList())
                .containsExactly("pg_conn.sslmode=prefer", "sources.mysql.db_conn.sslmode=disable");
    }

    private String refusedUnderPgConn(String lines) {
        return Fixtures.refused(home, Fixtures.minimal().replace("  database: target\n", "  database: target\n" + lines))
                .getMessage();
    }
}
