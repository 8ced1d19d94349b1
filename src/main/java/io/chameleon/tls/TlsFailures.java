package io.chameleon.tls;

import java.util.Optional;
import javax.net.ssl.SSLException;

/** Finds, among a failure and its causes, why TLS failed, in words for one line. */
public final class TlsFailures {
    private TlsFailures() {
    }

    /** Our own reason (a refused certificate, an unusable file), else the TLS layer's; empty when TLS did not fail. */
    public static Optional<String> reason(Throwable failure) {
        SSLException ssl = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TlsRefusal || t instanceof TlsProblem) {
                return Optional.of(t.getMessage());
            }
            if (ssl == null && t instanceof SSLException e) {
                ssl = e;
            }
        }
        return Optional.ofNullable(ssl).map(e -> "the TLS handshake failed: " + e.getMessage());
    }
}
