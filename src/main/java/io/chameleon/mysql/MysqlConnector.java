package io.chameleon.mysql;

import io.chameleon.config.DbConn;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections to a mysql source. Sessions read in UTC and utf8mb4 so that timestamps and
 * text arrive unchanged whatever the server's defaults are.
 */
public final class MysqlConnector {
    private final DbConn conn;

    public MysqlConnector(DbConn conn) {
        this.conn = conn;
    }

    public DbConn conn() {
        return conn;
    }

    public Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", conn.user());
        p.setProperty("password", conn.password() == null ? "" : conn.password());
        p.setProperty("connectTimeout", Integer.toString(conn.connectTimeoutSeconds() * 1000));
        p.setProperty("sslMode", "disable");
        p.setProperty("allowPublicKeyRetrieval", "true");
        // utf8mb4 on the wire: the server converts every column charset to it, emoji included.
        p.setProperty("sessionVariables", "time_zone='+00:00',sql_mode='',net_read_timeout=600,"
                + "net_write_timeout=600,character_set_results=utf8mb4,character_set_client=utf8mb4,"
                + "character_set_connection=utf8mb4");
        String url = "jdbc:mariadb://" + conn.host() + ":" + conn.port() + "/";
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to MySQL at " + conn.describe() + " as " + conn.user() + ": "
                    + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
    }
}
