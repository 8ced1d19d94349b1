package io.chameleon.pg;

import io.chameleon.config.Tls;
import io.chameleon.tls.TlsContexts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * pgjdbc's {@code sslfactory}: TLS from our {@link TlsContexts}, so pg_conn reads PEM keys (pgjdbc's own
 * factory wants PKCS#8 DER) and refuses a certificate in the same words as the MySQL side. pgjdbc creates it
 * with the connection's properties and only ever layers it over its own socket.
 */
public final class PgTlsSocketFactory extends SSLSocketFactory {
    private final Tls tls;

    public PgTlsSocketFactory(Properties info) {
        this.tls = new Tls(mode(info.getProperty("sslmode")), path(info, "sslrootcert"), path(info, "sslcert"),
                path(info, "sslkey"));
    }

    /** The properties that make pgjdbc use this factory with these settings. */
    static void configure(Tls tls, Properties p) {
        p.setProperty("sslmode", tls.mode().keyword());
        if (tls.enabled()) {
            p.setProperty("sslfactory", PgTlsSocketFactory.class.getName());
            set(p, "sslrootcert", tls.rootCert());
            set(p, "sslcert", tls.cert());
            set(p, "sslkey", tls.key());
        }
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
        return TlsContexts.layer(tls, host, plain);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return ((SSLSocketFactory) SSLSocketFactory.getDefault()).getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return ((SSLSocketFactory) SSLSocketFactory.getDefault()).getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw notLayered();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw notLayered();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw notLayered();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw notLayered();
    }

    private static UnsupportedOperationException notLayered() {
        return new UnsupportedOperationException("pgjdbc layers TLS over its own socket");
    }

    private static Tls.Mode mode(String keyword) {
        for (Tls.Mode m : Tls.Mode.values()) {
            if (m.keyword().equals(keyword)) {
                return m;
            }
        }
        throw new IllegalArgumentException("sslmode " + keyword);
    }

    private static Path path(Properties info, String key) {
        String value = info.getProperty(key);
        return value == null ? null : Path.of(value);
    }

    private static void set(Properties p, String key, Path value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }
}
