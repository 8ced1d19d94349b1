package io.chameleon.binlog;

/**
 * The source's server could not be reached, refused the connection for a passing reason, or the
 * connection to it dropped or went silent: an outage, not a defect of the stream. Whatever was read
 * after the applied position is worthless then, and reading again from that position is exact.
 */
public final class SourceUnavailable extends Exception {
    public SourceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
