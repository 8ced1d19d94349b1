package io.chameleon.mysql;

import io.chameleon.config.DbConn;
import io.chameleon.tls.TlsFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens connections to a mysql source. Sessions read in UTC and utf8mb4 so that timestamps and
 * text arrive unchanged whatever the server's defaults are. TLS as db_conn's ssl keys say, through
 * {@link MariadbTlsPlugin}.
 */
public final class MysqlConnector {
    private static final Logger LOG = LoggerFactory.getLogger(MysqlConnector.class);
    private static final int DEFAULT_NET_READ_TIMEOUT = 600;

    private final DbConn conn;
    private final int netReadTimeout;

    public MysqlConnector(DbConn conn) {
        this(conn, DEFAULT_NET_READ_TIMEOUT);
    }

    /** @param netReadTimeout the source's {@code net_read_timeout}, seconds the server waits on a slow reader */
    public MysqlConnector(DbConn conn, int netReadTimeout) {
        this.conn = conn;
        this.netReadTimeout = netReadTimeout;
    }

    public DbConn conn() {
        return conn;
    }

    public Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", conn.user());
        p.setProperty("password", conn.password() == null ? "" : conn.password());
        p.setProperty("connectTimeout", Integer.toString(conn.connectTimeoutSeconds() * 1000));
        MariadbTlsPlugin.configure(conn.tls(), p);
        p.setProperty("allowPublicKeyRetrieval", "true");
        // utf8mb4 on the wire: the server converts every column charset to it, emoji included.
        // net_write_timeout too: the server writes to us while we wait on PostgreSQL
        p.setProperty("sessionVariables", "time_zone='+00:00',sql_mode='',net_read_timeout=" + netReadTimeout
                + ",net_write_timeout=" + netReadTimeout + ",character_set_results=utf8mb4,character_set_client=utf8mb4,"
                + "character_set_connection=utf8mb4");
        String url = "jdbc:mariadb://" + conn.host() + ":" + conn.port() + "/";
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            Optional<String> tls = TlsFailures.reason(e);
            if (tls.isPresent()) {
                // no cause and no SQLSTATE: not an outage to retry, and one line for the user
                LOG.debug("TLS to MySQL {} failed", conn.describe(), e);
                throw new SQLException("TLS to MySQL " + conn.describe() + " failed: " + tls.get());
            }
            String fix = !conn.tls().enabled() && e.getMessage() != null && e.getMessage().contains("insecure transport")
                    ? "; the server requires TLS: set db_conn.sslmode to require or stronger (docs/tls.md)" : "";
            throw new SQLException("cannot connect to MySQL at " + conn.describe() + " as " + conn.user() + ": "
                    + e.getMessage() + fix, e.getSQLState(), e.getErrorCode(), e);
        }
    }
}
