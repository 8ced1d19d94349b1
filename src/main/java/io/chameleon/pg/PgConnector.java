package io.chameleon.pg;

import io.chameleon.config.PgConn;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections to the target database named by {@code pg_conn}. */
public final class PgConnector {
    private final PgConn conn;

    public PgConnector(PgConn conn) {
        this.conn = conn;
    }

    public PgConn conn() {
        return conn;
    }

    public Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", conn.user());
        p.setProperty("password", conn.password() == null ? "" : conn.password());
        p.setProperty("ApplicationName", "chameleon");
        p.setProperty("connectTimeout", "10");
        p.setProperty("reWriteBatchedInserts", "true");
        try {
            Connection c = DriverManager.getConnection(conn.jdbcUrl(), p);
            try (var s = c.createStatement()) {
                s.execute("SET TIME ZONE 'UTC'");
            }
            return c;
        } catch (SQLException e) {
            throw new SQLException("cannot connect to PostgreSQL at " + conn.describe() + " as " + conn.user() + ": "
                    + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
    }
}
