package io.chameleon.tls;

import io.chameleon.config.Tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The trust and key managers of one connection's TLS, from its ssl keys: the same for PostgreSQL, the MySQL
 * queries and the binlog stream, so a setting means one thing everywhere. Built per connection: the files are
 * read again, so a renewed certificate is used without a restart.
 */
public final class TlsContexts {
    /** prefer and require: encrypted, not authenticated, as libpq does without verify-*. */
    private static final X509TrustManager ANY_SERVER = new X509TrustManager() {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private TlsContexts() {
    }

    /** @param host the host connected to, which verify-full requires the certificate to name */
    public static TrustManager[] trustManagers(Tls tls, String host) throws TlsProblem {
        if (!tls.mode().verifiesCa()) {
            return new TrustManager[] {ANY_SERVER};
        }
        return new TrustManager[] {new ServerTrust(tls.rootCert(), tls.mode() == Tls.Mode.VERIFY_FULL ? host : null)};
    }

    /** The client certificate and key, or null when none is configured. */
    public static KeyManager[] keyManagers(Tls tls) throws TlsProblem {
        if (tls.cert() == null) {
            return null;
        }
        List<X509Certificate> chain = PemFiles.certificates(tls.cert(), "sslcert");
        PrivateKey key = PemFiles.privateKey(tls.key());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("client", key, none, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, none);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsProblem(tls.key() + " (sslkey) does not go with the certificate in " + tls.cert()
                    + " (sslcert): " + e.getMessage(), e);
        }
    }

    public static SSLContext context(Tls tls, String host) throws TlsProblem {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(tls), trustManagers(tls, host), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsProblem("TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /** TLS over a connected socket, in client mode; closing it closes {@code plain}. */
    public static SSLSocket layer(Tls tls, String host, Socket plain) throws IOException {
        SSLSocket socket = (SSLSocket) context(tls, host).getSocketFactory()
                .createSocket(plain, host, plain.getPort(), true);
        socket.setUseClientMode(true);
        return socket;
    }
}
