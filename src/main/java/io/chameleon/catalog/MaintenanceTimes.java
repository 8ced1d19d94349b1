package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * When a source's tables were last vacuumed (run_maintenance or auto_maintenance) and when
 * auto_maintenance is due next. Times come from PostgreSQL's clock, so the replica's host clock
 * does not matter.
 */
public final class MaintenanceTimes {
    /** auto_maintenance's value for never. */
    public static final String DISABLED = "disabled";

    private final Connection connection;

    MaintenanceTimes(Connection connection) {
        this.connection = connection;
    }

    public void recordDone(int sourceId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.sources"
                + " SET last_maintenance_at = clock_timestamp() WHERE source_id = ?")) {
            s.setInt(1, sourceId);
            s.executeUpdate();
        }
    }

    /**
     * @param autoMaintenance {@value #DISABLED} or a PostgreSQL interval; a source never maintained
     *     is due at once, as in pg_chameleon 2.0.9 and later
     */
    public MaintenanceSchedule schedule(int sourceId, String autoMaintenance) throws SQLException {
        boolean disabled = DISABLED.equals(autoMaintenance);
        try (PreparedStatement s = connection.prepareStatement("SELECT last_maintenance_at, n.next,"
                + " round(extract(epoch FROM n.next - clock_timestamp()) * 1000) AS until_ms"
                + " FROM sch_chameleon.sources,"
                + " LATERAL (SELECT coalesce(last_maintenance_at + ?::interval, clock_timestamp()) AS next) n"
                + " WHERE source_id = ?")) {
            s.setString(1, disabled ? null : autoMaintenance);
            s.setInt(2, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new CatalogException("no source with id " + sourceId + " in the replica catalogue");
                }
                return disabled ? new MaintenanceSchedule(Jdbc.instant(rs, "last_maintenance_at"), null, null)
                        : new MaintenanceSchedule(Jdbc.instant(rs, "last_maintenance_at"), Jdbc.instant(rs, "next"),
                                Duration.ofMillis(rs.getLong("until_ms")));
            }
        }
    }
}
