package io.chameleon.tls;

import javax.net.ssl.SSLException;

/**
 * A TLS setting that cannot be used: a CA, certificate or key file that does not hold what its key says. An
 * {@link SSLException}, so the drivers pass it up as the reason their TLS failed.
 */
public final class TlsProblem extends SSLException {
    public TlsProblem(String reason, Throwable cause) {
        super(reason, cause);
    }
}
