package io.chameleon.mysql;

import io.chameleon.config.DbConn;
import io.chameleon.config.SourceConfig;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightConnectFailureTest {
    private static final SourceConfig SOURCE = PreflightTestSources.mysql("example",
            new DbConn("db1", 3306, "usr_replica", "s3cret-pw", "utf8", 10, null), java.util.Map.of(), 100);

    @Test
    void accessDeniedPointsAtTheCredentialsAndTheAccountHost() {
        CheckResult r = PreflightConnectFailure.of(new SQLException("cannot connect to MySQL at db1:3306 as usr_replica:"
                + " Access denied for user 'usr_replica'@'10.1.2.3' (using password: YES)", "28000", 1045), SOURCE);
        assertThat(r.name()).isEqualTo("mysql connect");
        assertThat(r.found()).contains("db1:3306").contains("usr_replica");
        assertThat(r.fix()).contains("db_conn of source 'example'").contains("on db1:3306")
                .contains("SELECT user, host FROM mysql.user WHERE user = 'usr_replica';");
    }

    @Test
    void hostNotAllowedSuggestsCreatingTheAccount() {
        CheckResult r = PreflightConnectFailure.of(new SQLException("Host '10.1.2.3' is not allowed", "HY000", 1130),
                SOURCE);
        assertThat(r.fix()).contains("CREATE USER 'usr_replica'@'%'");
    }

    @Test
    void refusedConnectionPointsAtHostAndPort() {
        CheckResult r = PreflightConnectFailure.of(new SQLException("Connection refused", "08000", 0), SOURCE);
        assertThat(r.fix()).contains("listens on db1:3306");
    }

    @Test
    void thePasswordNeverShows() {
        CheckResult r = PreflightConnectFailure.of(new SQLException("echoed s3cret-pw by a driver", "08000", 0), SOURCE);
        assertThat(r.found() + r.fix()).doesNotContain("s3cret-pw");
    }
}
