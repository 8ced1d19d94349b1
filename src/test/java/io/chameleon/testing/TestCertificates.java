package io.chameleon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PKI made with the openssl command: a CA, a server certificate for IP 127.0.0.1 only (so
 * connecting by "localhost" is a wrong host name), a client certificate with CN {@code chameleon_tls} and its
 * key (PKCS#8, and the same key as PKCS#1), and a second CA that signed none of them.
 */
public record TestCertificates(Path dir) {
    public static final String CLIENT_NAME = "chameleon_tls";

    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        TestCertificates c = new TestCertificates(dir);
        c.selfSignedCa("ca");
        c.selfSignedCa("other-ca");
        c.signed("server", "127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        c.signed("client", CLIENT_NAME, "extendedKeyUsage=clientAuth\n");
        c.openssl("rsa", "-in", "client-key.pem", "-traditional", "-out", "client-key-pkcs1.pem");
        for (String key : new String[] {"server-key.pem", "client-key.pem", "client-key-pkcs1.pem"}) {
            // PostgreSQL refuses a server key others can read
            Files.setPosixFilePermissions(dir.resolve(key), PosixFilePermissions.fromString("rw-------"));
        }
        return c;
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path otherCa() {
        return dir.resolve("other-ca.pem");
    }

    public Path serverCert() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server-key.pem");
    }

    public Path clientCert() {
        return dir.resolve("client.pem");
    }

    /** PKCS#8: BEGIN PRIVATE KEY. */
    public Path clientKey() {
        return dir.resolve("client-key.pem");
    }

    /** PKCS#1: BEGIN RSA PRIVATE KEY. */
    public Path clientKeyPkcs1() {
        return dir.resolve("client-key-pkcs1.pem");
    }

    private void selfSignedCa(String name) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + "-key.pem", "-out", name + ".pem",
                "-days", "2", "-subj", "/CN=Chameleon test " + name, "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void signed(String name, String commonName, String extensions) throws IOException, InterruptedException {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + "-key.pem", "-out", name + ".csr",
                "-subj", "/CN=" + commonName);
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
