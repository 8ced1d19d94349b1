package io.chameleon.catalog;

/**
 * The catalogue version installed in the target database (0 when there is no catalogue) and the
 * latest version this build knows.
 */
public record CatalogVersion(int installed, int latest) {
    public boolean present() {
        return installed > 0;
    }

    public boolean current() {
        return installed == latest;
    }
}
