package io.chameleon.testing;

import java.util.Locale;

/**
 * Which MySQL server the replication tests run against: the system property
 * {@code chameleon.test.source} ({@code mariadb}, the default, or {@code mysql}), which each of
 * the build's integration-test runs sets.
 */
public enum SourceFlavour {
    MARIADB, MYSQL;

    static SourceFlavour ofRun() {
        String value = System.getProperty("chameleon.test.source", "mariadb").strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("chameleon.test.source must be mariadb or mysql, not " + value);
        }
    }
}
