package io.chameleon.cli;

import io.chameleon.config.ConfigLoader;
import io.chameleon.mysql.CheckResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** check warns of a configuration file with passwords that others can read, as ssh and libpq do. */
class ConfigFilePermissionsTest {
    @TempDir
    Path home;

    private CheckResult check(String password, String mode) throws Exception {
        Path file = Files.writeString(home.resolve("test.yml"), "pg_conn:\n  host: pg.example\n  port: 5432\n"
                + "  user: replicator\n" + password + "  database: target\n"
                + "sources:\n  mysql:\n    type: mysql\n    db_conn:\n      host: my.example\n      port: 3306\n"
                + "      user: reader\n    schema_mappings:\n      inventory: copy\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return ConfigFilePermissions.check(ConfigLoader.load(file, home));
    }

    @Test
    void readableByOthersWithAPasswordWarnsWithTheFix() throws Exception {
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw----r--"}) {
            CheckResult r = check("  password: secret\n", mode);
            assertThat(r.status()).as(mode).isEqualTo(CheckResult.Status.WARNING);
            assertThat(r.found()).contains("holds passwords", mode).doesNotContain("secret\n");
            assertThat(r.fix()).isEqualTo("chmod 600 " + home.resolve("test.yml"));
        }
    }

    @Test
    void ownerOnlyOrNoPasswordIsFine() throws Exception {
        assertThat(check("  password: secret\n", "rw-------").status()).isEqualTo(CheckResult.Status.OK);
        assertThat(check("  password: secret\n", "r--------").status()).isEqualTo(CheckResult.Status.OK);
        assertThat(check("", "rw-r--r--").status()).isEqualTo(CheckResult.Status.OK);
    }
}
