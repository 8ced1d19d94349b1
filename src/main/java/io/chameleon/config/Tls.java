package io.chameleon.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a connection is encrypted ({@code sslmode}, {@code sslrootcert}, {@code sslcert} and {@code sslkey} of
 * {@code pg_conn} or a source's {@code db_conn}), with libpq's meanings.
 *
 * @param rootCert the CA certificates (PEM) the server's certificate must chain to; null when not given
 * @param cert the client certificate chain (PEM); null for none
 * @param key the client certificate's private key (PEM); null for none
 */
public record Tls(Mode mode, Path rootCert, Path cert, Path key) {
    /** No encryption: what a source's db_conn did before these keys existed. */
    public static final Tls DISABLED = new Tls(Mode.DISABLE, null, null, null);

    public enum Mode {
        /** never encrypt */
        DISABLE,
        /** encrypt when the server offers it, without checking its certificate */
        PREFER,
        /** always encrypt, without checking the certificate */
        REQUIRE,
        /** always encrypt; the certificate must be signed by sslrootcert */
        VERIFY_CA,
        /** verify-ca, and the certificate must name the host connected to */
        VERIFY_FULL;

        /** As written in the file: verify-full. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean verifiesCa() {
            return this == VERIFY_CA || this == VERIFY_FULL;
        }
    }

    public boolean enabled() {
        return mode != Mode.DISABLE;
    }
}
