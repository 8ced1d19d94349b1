package io.chameleon.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class TestServersIT {
    @Test
    void bothServersAnswer() throws Exception {
        try (Connection c = TestServers.mysqlConnection(null); ResultSet rs = c.createStatement().executeQuery(
                "SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@version")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.getString(2)).isEqualTo("ROW");
            assertThat(rs.getString(3)).isEqualTo("FULL");
            // the run's flavour is the server it really got
            assertThat(rs.getString(4).contains("MariaDB")).isEqualTo(!TestServers.sourceIsMysql());
        }
        String db = TestServers.createPgDatabase("smoke");
        try (Connection c = TestServers.pgConnection(db);
                ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db);
        }
    }
}
