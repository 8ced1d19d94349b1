package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The advisory lock that serialises changes to the catalogue's shape and its source list
 * (create, upgrade, drop, add and drop source) across processes. Held until the transaction ends.
 */
final class CatalogLock {
    /** "chameln" in ASCII: a key no other tool is likely to pick. */
    private static final long KEY = 0x0063_6861_6d65_6c6eL;

    private CatalogLock() {}

    static void acquire(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, KEY);
            s.execute();
        }
    }
}
