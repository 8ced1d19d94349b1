package io.chameleon.replica;

/** Maintenance cannot run now (another one runs, the source is being loaded); the message says why and what to do. */
public final class MaintenanceRefused extends RuntimeException {
    public MaintenanceRefused(String message) {
        super(message);
    }
}
