package io.chameleon.tls;

import io.chameleon.testing.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PEM files openssl writes, read as the ssl keys name them. */
class PemFilesTest {
    @TempDir
    static Path dir;
    private static TestCertificates certs;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.create(dir);
    }

    @Test
    void pkcs8AndPkcs1GiveTheSameKey() throws Exception {
        RSAPrivateCrtKey pkcs8 = (RSAPrivateCrtKey) PemFiles.privateKey(certs.clientKey());
        RSAPrivateCrtKey pkcs1 = (RSAPrivateCrtKey) PemFiles.privateKey(certs.clientKeyPkcs1());

        assertThat(Files.readString(certs.clientKeyPkcs1())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(pkcs1.getModulus()).isEqualTo(pkcs8.getModulus());
        assertThat(pkcs1.getPrivateExponent()).isEqualTo(pkcs8.getPrivateExponent());
    }

    @Test
    void anEcKeyInPkcs8IsRead() throws Exception {
        Path key = openssl("ec.pem", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem");

        assertThat(PemFiles.privateKey(key).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void encryptedAndSec1KeysAreRefusedWithTheCommandThatConvertsThem() throws Exception {
        Path encrypted = openssl("enc.pem", "pkcs8", "-topk8", "-in", certs.clientKey().toString(), "-out", "enc.pem",
                "-passout", "pass:secret");
        Path sec1 = openssl("sec1.pem", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sec1.pem");

        assertThatThrownBy(() -> PemFiles.privateKey(encrypted)).isInstanceOf(TlsProblem.class)
                .hasMessage(encrypted + " (sslkey) is encrypted, and there is no key for its passphrase; write it "
                        + "unencrypted, readable by this user only, with: openssl pkey -in " + encrypted
                        + " -out KEYFILE");
        assertThatThrownBy(() -> PemFiles.privateKey(sec1)).hasMessageContaining("is a SEC1 EC key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in " + sec1);
    }

    @Test
    void aCertificateIsNotAKeyAndAKeyIsNotACertificate() {
        assertThatThrownBy(() -> PemFiles.privateKey(certs.clientCert()))
                .hasMessage(certs.clientCert() + " (sslkey) holds no PEM private key (BEGIN PRIVATE KEY or BEGIN RSA "
                        + "PRIVATE KEY)");
        assertThatThrownBy(() -> PemFiles.certificates(certs.clientKey(), "sslcert"))
                .hasMessageStartingWith(certs.clientKey() + " (sslcert) ");
    }

    @Test
    void theServerCertificateNamesItsIpAddressOnly() throws Exception {
        X509Certificate server = PemFiles.certificates(certs.serverCert(), "sslcert").get(0);

        assertThat(HostNames.matches(server, "127.0.0.1")).isTrue();
        assertThat(HostNames.matches(server, "127.0.0.2")).isFalse();
        assertThat(HostNames.matches(server, "localhost")).isFalse();
        assertThat(HostNames.names(server)).containsExactly("127.0.0.1");
    }

    /** Runs openssl in the test's directory; returns the file {@code out} it wrote there. */
    private static Path openssl(String out, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        return dir.resolve(out);
    }
}
