package io.chameleon.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files the ssl keys name. Private keys: unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC,
 * Ed25519, Ed448) and PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}); encrypted keys and SEC1 EC keys are refused
 * with the openssl command that converts them.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R?(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA"};
    /** DER of the AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemFiles() {
    }

    /** Every certificate in the file, in order. */
    static List<X509Certificate> certificates(Path file, String key) throws TlsProblem {
        try (var in = Files.newInputStream(file)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new TlsProblem(file + " (" + key + ") holds no PEM certificate", null);
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsProblem(file + " (" + key + ") is not a readable PEM certificate file: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file) throws TlsProblem {
        String where = file + " (sslkey)";
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TlsProblem(where + " cannot be read: " + e.getMessage(), e);
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String label = m.group(1);
            String body = m.group(2);
            switch (label) {
                case "PRIVATE KEY":
                    return pkcs8(decode(body, where), where);
                case "RSA PRIVATE KEY":
                    if (body.contains("ENCRYPTED")) {
                        throw encrypted(file);
                    }
                    return pkcs8(rsaPkcs1ToPkcs8(decode(body, where)), where);
                case "ENCRYPTED PRIVATE KEY":
                    throw encrypted(file);
                case "EC PRIVATE KEY":
                    throw new TlsProblem(where + " is a SEC1 EC key, which is not read; convert it to PKCS#8 with: "
                            + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out " + file + ".pk8.pem", null);
                default:
                    // a certificate or parameters block next to the key: look further
            }
        }
        throw new TlsProblem(where + " holds no PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)", null);
    }

    private static TlsProblem encrypted(Path file) {
        return new TlsProblem(file + " (sslkey) is encrypted, and there is no key for its passphrase; write it "
                + "unencrypted, readable by this user only, with: openssl pkey -in " + file + " -out KEYFILE", null);
    }

    private static byte[] decode(String body, String where) throws TlsProblem {
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw new TlsProblem(where + " is not valid PEM: " + e.getMessage(), e);
        }
    }

    private static PrivateKey pkcs8(byte[] der, String where) throws TlsProblem {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new TlsProblem(where + " is not an RSA, EC, EdDSA or DSA private key this JVM can read", null);
    }

    /** A PKCS#1 RSAPrivateKey wrapped as PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key as octets. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(derLength(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(derLength(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        byte[] out = new byte[bytes + 1];
        out[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            out[bytes - i] = (byte) (length >>> (8 * i));
        }
        return out;
    }
}
