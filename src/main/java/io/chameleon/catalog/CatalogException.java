package io.chameleon.catalog;

/**
 * The catalogue refuses a request: one line for the user saying what was found and what to do.
 * Database failures stay {@link java.sql.SQLException}s with their SQLSTATE.
 */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }
}
