package io.chameleon.pg;

import io.chameleon.config.PgConn;
import io.chameleon.mysql.CheckResult;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The target side of {@code chameleon check}: connects as the pg_conn user and reads the server
 * version, the user's CREATE right on the database, PostGIS and the catalogue schema.
 */
public final class TargetPreflight {
    static final String CONNECT = "postgresql connect";

    private TargetPreflight() {}

    public static List<CheckResult> check(PgConn conn) {
        List<CheckResult> out = new ArrayList<>();
        try (Connection c = new PgConnector(conn).open()) {
            out.add(CheckResult.ok(CONNECT, conn.describe() + " as " + conn.user()));
            try {
                out.add(TargetPreflightChecks.version(Integer.parseInt(one(c, "SHOW server_version_num")),
                        one(c, "SHOW server_version"), conn));
                out.add(TargetPreflightChecks.create(
                        Boolean.parseBoolean(one(c,
                                "SELECT has_database_privilege(current_database(), 'CREATE')::text")), conn));
                out.add(TargetPreflightChecks.postgis(
                        one(c, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'"),
                        one(c, "SELECT default_version FROM pg_available_extensions WHERE name = 'postgis'"), conn));
                out.add(TargetPreflightChecks.catalogue(
                        one(c, "SELECT nspname FROM pg_namespace WHERE nspname = 'sch_chameleon'") != null, conn));
            } catch (SQLException e) {
                out.add(CheckResult.failed("postgresql read", "reading from " + conn.describe() + " failed: "
                        + CheckResult.redact(e.getMessage(), conn.password(), conn.user()),
                        "check the connection to " + conn.describe() + " and run chameleon check again"));
            }
        } catch (SQLException e) {
            out.add(TargetPreflightChecks.connectFailure(e.getSQLState(),
                    CheckResult.redact(e.getMessage(), conn.password(), conn.user()), conn));
        }
        return out;
    }

    /** The first column of the first row, or null when there is no row. */
    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
