package io.chameleon.catalog;

import io.chameleon.testing.TestServers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Databases, sources and queries the catalogue tests share. */
final class CatalogFixtures {
    private CatalogFixtures() {}

    /** A connection to a new, empty database of its own. */
    static Connection freshDatabase() throws SQLException {
        return TestServers.pgConnection(TestServers.createPgDatabase("catalog"));
    }

    static List<String> strings(Connection c, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
