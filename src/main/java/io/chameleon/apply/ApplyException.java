package io.chameleon.apply;

/**
 * A batch could not be applied; its PostgreSQL transaction was rolled back, so neither its rows nor
 * its position are in the target. The message names the source, the table and the batch's binlog
 * range end, and the cause PostgreSQL or the converter gave.
 */
public final class ApplyException extends Exception {
    public ApplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
