package io.chameleon.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Checks a server's certificate for verify-ca (signed by the CA in sslrootcert, and valid today) and
 * verify-full (and naming the host), and says which of these failed in a {@link TlsRefusal}.
 */
final class ServerTrust implements X509TrustManager {
    private final X509TrustManager pkix;
    private final List<X509Certificate> cas;
    private final Path rootCert;
    /** The host the certificate must name, or null for verify-ca. */
    private final String host;

    ServerTrust(Path rootCert, String host) throws TlsProblem {
        this.rootCert = rootCert;
        this.host = host;
        this.cas = PemFiles.certificates(rootCert, "sslrootcert");
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            this.pkix = (X509TrustManager) factory.getTrustManagers()[0];
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsProblem(rootCert + " (sslrootcert) cannot be used as a CA: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new TlsRefusal(why(e), e);
        }
        if (host != null && !HostNames.matches(chain[0], host)) {
            throw new TlsRefusal("the server certificate is for " + HostNames.names(chain[0]) + ", not for "
                    + host + " (sslmode verify-full checks the host name; connect by a name the certificate has)",
                    null);
        }
    }

    private String why(CertificateException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return "a certificate of the server's chain is outside its validity dates (" + t.getMessage() + ")";
            }
        }
        return "the server certificate is not signed by the CA in " + rootCert + " (sslrootcert)";
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not check clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return cas.toArray(X509Certificate[]::new);
    }
}
