package io.chameleon.catalog;

/**
 * This process no longer holds the lease of its source: it was stopped past the lease's lapse and
 * another process took the source over. It must stop without writing anything more.
 */
public final class LeaseLost extends RuntimeException {
    public LeaseLost(String message) {
        super(message);
    }
}
