package io.chameleon.pg;

import io.chameleon.config.PgConn;
import io.chameleon.tls.TlsFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** Opens connections to the target database named by {@code pg_conn}, with TLS as its ssl keys say. */
public final class PgConnector {
    private static final Logger LOG = LoggerFactory.getLogger(PgConnector.class);
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
        PgTlsSocketFactory.configure(conn.tls(), p);
        try {
            Connection c = DriverManager.getConnection(conn.jdbcUrl(), p);
            try (var s = c.createStatement()) {
                s.execute("SET TIME ZONE 'UTC'");
            }
            return c;
        } catch (SQLException e) {
            Optional<String> tls = TlsFailures.reason(e);
            if (tls.isPresent()) {
                // no cause and no SQLSTATE: not a connection loss to retry, and one line for the user
                LOG.debug("TLS to PostgreSQL {} failed", conn.describe(), e);
                throw new SQLException("TLS to PostgreSQL " + conn.host() + ":" + conn.port() + " failed: " + tls.get());
            }
            String fix = !conn.tls().enabled() && e.getMessage() != null && e.getMessage().contains("no encryption")
                    ? "; the server accepts only TLS connections: set pg_conn.sslmode to require or stronger"
                    + " (docs/tls.md)" : "";
            throw new SQLException("cannot connect to PostgreSQL at " + conn.describe() + " as " + conn.user() + ": "
                    + e.getMessage() + fix, e.getSQLState(), e.getErrorCode(), e);
        }
    }
}
