package io.chameleon.mysql;

import io.chameleon.mysql.CheckResult.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightSchemaChecksTest {
    private static final PreflightAccount ACCOUNT = new PreflightAccount("usr_replica", "10.0.%");

    @Test
    void existingSchemaPassesAndMissingOneFailsWithBothFixes() {
        List<CheckResult> r = PreflightSchemaChecks.evaluate(List.of("sakila", "world"), List.of("sakila", "mysql"),
                ACCOUNT, "db1:3306", "example");
        assertThat(r.get(0).status()).isEqualTo(Status.OK);
        CheckResult missing = r.get(1);
        assertThat(missing.name()).isEqualTo("schema world");
        assertThat(missing.status()).isEqualTo(Status.FAILED);
        assertThat(missing.found()).isEqualTo("no schema `world` on db1:3306 visible to 'usr_replica'@'10.0.%'");
        assertThat(missing.fix()).isEqualTo("correct the key 'world' in schema_mappings of source 'example'; if the"
                + " schema exists, the account cannot see it: on db1:3306 run GRANT SELECT ON `world`.* TO"
                + " 'usr_replica'@'10.0.%';");
    }

    @Test
    void aSchemaDifferingOnlyInCaseIsPointedOut() {
        CheckResult r = PreflightSchemaChecks.evaluate(List.of("sakila"), List.of("Sakila"), ACCOUNT, "db1:3306", "s")
                .get(0);
        assertThat(r.found()).endsWith("(there is `Sakila`: names are case-sensitive here)");
    }
}
