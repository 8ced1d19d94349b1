package io.chameleon.mysql;

import io.chameleon.mysql.CheckResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightVersionCheckTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "5.7.44-log,                    OK",
        "8.0.36,                        OK",
        "8.0.36-0ubuntu0.22.04.1,       OK",
        "8.4.3,                         OK",
        "9.1.0,                         OK",
        "9.7.4-2,                       OK",
        "10.0.1,                        WARNING",
        "5.6.51-log,                    WARNING",
        "5.5.5-10.11.6-MariaDB,         WARNING",
        "10.3.39-MariaDB-0+deb10u1,     OK",
        "10.11.6-MariaDB-0+deb12u1-log, OK",
        "11.4.5-MariaDB-log,            OK",
        "12.0.1-MariaDB,                WARNING",
        "5.5.68-MariaDB,                WARNING",
    })
    void supportedVersions(String version, Status expected) {
        assertThat(PreflightVersionCheck.evaluate(ServerInfo.parse(version), null).status()).isEqualTo(expected);
    }

    @Test
    void foundTextNamesFlavourVersionAndAurora() {
        CheckResult r = PreflightVersionCheck.evaluate(ServerInfo.parse("8.0.28"), "3.04.0");
        assertThat(r.found()).isEqualTo("MySQL 8.0.28 (Aurora MySQL 3.04.0), reported as '8.0.28'");
    }

    @Test
    void unsupportedVersionSaysWhatIsSupported() {
        CheckResult r = PreflightVersionCheck.evaluate(ServerInfo.parse("5.6.51"), null);
        assertThat(r.found()).endsWith("not a supported version");
        assertThat(r.fix()).contains("MySQL 5.7, 8.0, 8.4 and 9.x, MariaDB 10.x and 11.x");
    }
}
