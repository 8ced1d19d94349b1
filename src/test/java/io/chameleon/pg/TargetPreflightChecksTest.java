package io.chameleon.pg;

import io.chameleon.config.PgConn;
import io.chameleon.mysql.CheckResult;
import io.chameleon.mysql.CheckResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TargetPreflightChecksTest {
    private static final PgConn PG = new PgConn("pg1", 5432, "usr_replica", "pw-secret", "db_replica", "utf8");

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({"90624, 9.6.24, FAILED", "100023, 10.23, WARNING", "110022, 11.22, WARNING", "120020, 12.20, OK",
        "170011, 17.11, OK"})
    void versions(int num, String text, Status expected) {
        assertThat(TargetPreflightChecks.version(num, text, PG).status()).isEqualTo(expected);
    }

    @Test
    void missingCreateGivesTheGrant() {
        CheckResult r = TargetPreflightChecks.create(false, PG);
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.fix()).isEqualTo("on pg1:5432, as a superuser or the database owner: GRANT CREATE ON DATABASE"
                + " \"db_replica\" TO \"usr_replica\";");
    }

    @Test
    void connectFailuresByState() {
        assertThat(TargetPreflightChecks.connectFailure("28P01", "password authentication failed", PG).fix())
                .contains("pg_conn").contains("pg_hba.conf on pg1:5432");
        assertThat(TargetPreflightChecks.connectFailure("3D000", "database does not exist", PG).fix())
                .isEqualTo("on pg1:5432, as a superuser: CREATE DATABASE \"db_replica\" OWNER \"usr_replica\";");
        assertThat(TargetPreflightChecks.connectFailure(null, "refused", PG).fix()).contains("listens on pg1:5432");
    }

    @Test
    void postgisAndCatalogueAreInformation() {
        assertThat(TargetPreflightChecks.postgis("3.4.2", null, PG).found()).isEqualTo("installed, version 3.4.2");
        assertThat(TargetPreflightChecks.postgis(null, "3.4.2", PG).found()).contains("CREATE EXTENSION postgis;");
        assertThat(TargetPreflightChecks.postgis(null, null, PG).status()).isEqualTo(Status.OK);
        assertThat(TargetPreflightChecks.catalogue(false, PG).found()).contains("create_replica_schema creates it");
    }
}
