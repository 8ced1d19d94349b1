package io.chameleon.mysql;

import io.chameleon.config.Tls;
import io.chameleon.tls.TlsContexts;
import io.chameleon.tls.TlsProblem;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.HostAddress;
import org.mariadb.jdbc.export.ExceptionFactory;
import org.mariadb.jdbc.export.SslMode;
import org.mariadb.jdbc.plugin.TlsSocketPlugin;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;

/**
 * MariaDB Connector/J's TLS from our {@link TlsContexts} ({@code tlsSocketType=chameleon}, found through
 * META-INF/services): the connector reads no PEM client key, and this way the queries and the binlog stream
 * check a certificate with the same code and refuse it in the same words.
 */
public final class MariadbTlsPlugin implements TlsSocketPlugin {
    static final String TYPE = "chameleon";
    private static final String ROOT_CERT = "chameleonSslRootCert";
    private static final String CERT = "chameleonSslCert";
    private static final String KEY = "chameleonSslKey";

    /** The connection properties that make the connector use this plugin with these settings. */
    static void configure(Tls tls, Properties p) {
        p.setProperty("sslMode", switch (tls.mode()) {
            case DISABLE -> "disable";
            case PREFER -> "allow"; // TLS when the server offers it
            case REQUIRE -> "trust";
            case VERIFY_CA -> "verify-ca";
            case VERIFY_FULL -> "verify-full";
        });
        if (tls.enabled()) {
            p.setProperty("tlsSocketType", TYPE);
            set(p, ROOT_CERT, tls.rootCert());
            set(p, CERT, tls.cert());
            set(p, KEY, tls.key());
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public TrustManager[] getTrustManager(Configuration conf, ExceptionFactory exceptionFactory, HostAddress hostAddress)
            throws SQLException {
        try {
            return TlsContexts.trustManagers(settings(conf, hostAddress.sslMode), hostAddress.host);
        } catch (TlsProblem e) {
            throw new SQLException(e.getMessage(), "08000", e);
        }
    }

    @Override
    public KeyManager[] getKeyManager(Configuration conf, ExceptionFactory exceptionFactory) throws SQLException {
        try {
            return TlsContexts.keyManagers(settings(conf, null));
        } catch (TlsProblem e) {
            throw new SQLException(e.getMessage(), "08000", e);
        }
    }

    /** Nothing left to check: with verify-full the trust manager matched the host name during the handshake. */
    @Override
    public void verify(String host, SSLSession session, long serverThreadId) {
    }

    private static Tls settings(Configuration conf, SslMode hostMode) {
        SslMode mode = hostMode != null ? hostMode : conf.sslMode();
        Properties extra = conf.nonMappedOptions();
        return new Tls(switch (mode) {
            case DISABLE -> Tls.Mode.DISABLE;
            case ALLOW -> Tls.Mode.PREFER;
            case TRUST -> Tls.Mode.REQUIRE;
            case VERIFY_CA -> Tls.Mode.VERIFY_CA;
            case VERIFY_FULL -> Tls.Mode.VERIFY_FULL;
        }, path(extra, ROOT_CERT), path(extra, CERT), path(extra, KEY));
    }

    private static Path path(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null ? null : Path.of(value);
    }

    private static void set(Properties p, String key, Path value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }
}
