package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the log and the terminal: the library's java.util.logging lines, secrets masked, stack traces. */
class LogSetupTest {
    private static final String PG = "Pg-S3cret";
    private static final String MY = "replica";

    @TempDir
    Path home;

    @AfterEach
    void quiet() {
        LogSetup.quiet();
    }

    private ChameleonConfig config() throws Exception {
        Path file = Files.writeString(home.resolve("test.yml"), "log_dir: '" + home.resolve("logs") + "'\n"
                + "pg_conn:\n  host: pg.example\n  port: 5432\n  user: replicator\n  password: " + PG + "\n"
                + "  database: target\n"
                + "sources:\n  mysql:\n    type: mysql\n    db_conn:\n      host: my.example\n      port: 3306\n"
                + "      user: usr_replica\n      password: " + MY + "\n    schema_mappings:\n      inventory: copy\n");
        ChameleonConfig config = ConfigLoader.load(file, home);
        LogSetup.configured(config);
        return config;
    }

    @Test
    void theBinlogLibrarysJavaUtilLoggingGoesToOurLogMasked() throws Exception {
        ChameleonConfig config = config();
        Path log = LogSetup.file(config.global(), "jul");

        java.util.logging.Logger.getLogger("com.github.shyiko.mysql.binlog.BinaryLogClient")
                .info("Connected to my.example:3306 as usr_replica with " + MY + " and " + PG);
        java.util.logging.Logger.getLogger("com.github.shyiko.mysql.binlog.BinaryLogClient").fine("not at info level");

        assertThat(Files.readString(log)).contains("INFO  [", "BinaryLogClient: Connected to my.example:3306 as"
                + " usr_replica with *** and ***").doesNotContain(PG, " " + MY + " ", "not at info level");
    }

    @Test
    void anUnexpectedFailureGoesToTheLogWithItsStackTraceAndTheTerminalSaysWhere() throws Exception {
        config();
        LogSetup.quiet();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.handle(new IllegalStateException("the thing broke near " + PG), new PrintStream(err, true,
                StandardCharsets.UTF_8));

        Path failures = home.resolve("logs").resolve("chameleon-failures.log");
        String line = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(ExitCode.FAILED.code);
        assertThat(line).isEqualTo("chameleon: the thing broke near *** (IllegalStateException; stack trace in "
                + failures + ")" + System.lineSeparator());
        assertThat(Files.readString(failures)).contains("ERROR", "command failed: the thing broke near ***",
                "java.lang.IllegalStateException", "at io.chameleon.cli.LogSetupTest").doesNotContain(PG);
    }

    @Test
    void anExpectedFailureIsOneLineWithoutAStackTrace() throws Exception {
        config();
        LogSetup.quiet();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        Main.handle(new CommandFailure(ExitCode.REFUSED, "no"), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("chameleon: no" + System.lineSeparator());
        assertThat(home.resolve("logs").resolve("chameleon-failures.log")).doesNotExist();
    }
}
