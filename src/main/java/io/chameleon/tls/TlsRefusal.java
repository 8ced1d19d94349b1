package io.chameleon.tls;

import java.security.cert.CertificateException;

/** The server's certificate refused by our check, with the reason in words: the CA, the host name, the dates. */
public final class TlsRefusal extends CertificateException {
    TlsRefusal(String reason, Throwable cause) {
        super(reason, cause);
    }
}
