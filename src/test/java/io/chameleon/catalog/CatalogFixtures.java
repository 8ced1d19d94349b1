package io.chameleon.catalog;

import io.chameleon.config.DbConn;
import io.chameleon.config.SourceConfig;
import io.chameleon.schema.TableName;
import io.chameleon.testing.TestServers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Databases, sources and queries the catalogue tests share. */
final class CatalogFixtures {
    private CatalogFixtures() {}

    /** A connection to a new, empty database of its own. */
    static Connection freshDatabase() throws SQLException {
        return TestServers.pgConnection(TestServers.createPgDatabase("catalog"));
    }

    /** A connection to a new database holding this build's catalogue. */
    static Catalog freshCatalog(Connection c) throws SQLException {
        new CatalogMigrations(c).create();
        return Catalog.open(c);
    }

    /** A source with pg_chameleon's defaults and the given schema mappings. */
    static SourceConfig source(String name, Map<String, String> schemaMappings) {
        return new SourceConfig(name, SourceConfig.SourceType.MYSQL,
                new DbConn("127.0.0.1", 3306, "usr_replica", "never_used", "utf8", 10, null),
                schemaMappings, List.<TableName>of(), List.<TableName>of(), List.of(), "120s", 100, 10000, 10000,
                "1 day", 64L * 1024 * 1024, SourceConfig.CopyMode.DIRECT, Path.of("/tmp"), 1,
                SourceConfig.OnError.CONTINUE, SourceConfig.OnError.EXIT, "disabled", false, Map.of(), false,
                600, 4, SourceConfig.ZeroDatePolicy.NULL, SourceConfig.NulCharPolicy.STRIP, null, "127.0.0.1");
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

    /** Sets a status as a fixture, outside {@link SourceLifecycle}'s transitions. */
    static void setStatus(Connection c, int sourceId, SourceStatus status) throws SQLException {
        execute(c, "UPDATE sch_chameleon.sources SET status = '" + status.label() + "' WHERE source_id = " + sourceId);
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
