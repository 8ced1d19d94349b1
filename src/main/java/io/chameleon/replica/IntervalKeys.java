package io.chameleon.replica;

import io.chameleon.catalog.MaintenanceTimes;
import io.chameleon.config.ConfigException;
import io.chameleon.config.SourceConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * batch_retention and auto_maintenance are PostgreSQL intervals that PostgreSQL itself computes
 * with. The configuration checks their form; this asks PostgreSQL before they are used, so a value
 * it refuses stops the command with the key's name rather than failing later, every minute.
 */
final class IntervalKeys {
    private IntervalKeys() {}

    static void check(Connection c, SourceConfig source) throws SQLException {
        check(c, source, "batch_retention", source.batchRetention());
        if (!MaintenanceTimes.DISABLED.equals(source.autoMaintenance())) {
            check(c, source, "auto_maintenance", source.autoMaintenance());
        }
    }

    private static void check(Connection c, SourceConfig source, String key, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ?::interval")) {
            s.setString(1, value);
            s.execute();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("22")) { // not a data exception
                throw e;
            }
            throw new ConfigException("sources." + source.name() + "." + key, "'" + value + "'",
                    "an interval PostgreSQL accepts, such as '1 day' (PostgreSQL said: " + e.getMessage() + ")");
        }
    }
}
