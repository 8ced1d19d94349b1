package io.chameleon.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords and the Rollbar key never appear in messages, toString or printed output. */
class SecretsTest {
    private static final String PG = "Pg-S3cret!";
    private static final String MY = "My-S3cret!";
    private static final String ROLLBAR = "rollbar-T0ken";

    @TempDir
    Path home;

    private String withSecrets() {
        return "rollbar_key: " + ROLLBAR + "\nrollbar_env: prod\n" + Fixtures.minimal()
                .replace("  user: replicator\n", "  user: replicator\n  password: " + PG + "\n")
                .replace("    user: reader\n", "    user: reader\n      password: " + MY + "\n");
    }

    @Test
    void theLoadedValuesAreThere() {
        ChameleonConfig config = Fixtures.load(home, withSecrets());

        assertThat(config.pgConn().password()).isEqualTo(PG);
        assertThat(config.source("mysql").dbConn().password()).isEqualTo(MY);
        assertThat(config.global().rollbarKey()).isEqualTo(ROLLBAR);
    }

    @Test
    void notInToString() {
        assertHidden(Fixtures.load(home, withSecrets()).toString());
    }

    @Test
    void notInPrintedOutput() {
        ChameleonConfig config = Fixtures.load(home, withSecrets());

        for (String out : List.of(ConfigPrinter.configText(config), ConfigPrinter.configJson(config),
                ConfigPrinter.sourcesText(config.sources().values()),
                ConfigPrinter.sourcesJson(config.sources().values()))) {
            assertHidden(out);
        }
        assertThat(ConfigPrinter.configText(config)).contains("pg_conn.password", "***");
    }

    @Test
    void notInMessagesAboutTheSecretKeys() {
        List<String> broken = List.of(
                withSecrets().replace("password: " + PG, "password: [" + PG + "]"),
                withSecrets().replace("password: " + MY, "password: {" + MY + ": x}"),
                withSecrets().replace("rollbar_key: " + ROLLBAR, "rollbar_key:\n  - " + ROLLBAR),
                withSecrets().replace("password: " + PG, "pasword: " + PG),
                withSecrets().replace("      password: " + MY, "    password: " + MY));
        for (String yaml : broken) {
            assertHidden(Fixtures.refused(home, yaml).getMessage());
        }
    }

    @Test
    void notInYamlSyntaxErrors() {
        List<String> broken = List.of(
                withSecrets().replace("password: " + PG, "password: " + PG + ": x"),
                withSecrets().replace("password: " + MY, "password: \"" + MY),
                withSecrets().replace("  password: " + PG, "\tpassword: " + PG),
                withSecrets().replace("password: " + PG, "password: *" + PG),
                withSecrets().replace("password: " + PG, "password: &" + PG + " x\n  user: &" + PG + " y"),
                withSecrets().replace("password: " + PG, "password: \"\\q" + PG + "\""),
                withSecrets().replace("password: " + PG, "password: !" + PG + " x"));
        for (String yaml : broken) {
            String message = Fixtures.refused(home, yaml).getMessage();
            assertThat(message).contains("not valid YAML");
            assertHidden(message);
        }
    }

    private static void assertHidden(String text) {
        assertThat(text).doesNotContain(PG, MY, ROLLBAR);
    }
}
