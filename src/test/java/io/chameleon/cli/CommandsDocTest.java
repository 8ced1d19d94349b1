package io.chameleon.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/commands.md is written by hand: this keeps it in step with the commands, options and exit codes the code has. */
class CommandsDocTest {
    private static final Path DOC = Path.of("docs", "commands.md");

    @Test
    void everyCommandHasASection() throws Exception {
        String doc = Files.readString(DOC);
        List<String> commands = commands();
        assertThat(commands).hasSizeGreaterThan(10);
        for (String command : commands) {
            assertThat(doc).as("a section for " + command).containsPattern("(?m)^## " + command + "$");
        }
    }

    /** pg_chameleon 2.0's commands, as its documentation lists them: a script written for it finds each one. */
    @Test
    void everyPgChameleonCommandIsACommand() {
        assertThat(commands()).contains("set_configuration_files", "show_config", "show_sources", "show_status",
                "show_errors", "create_replica_schema", "drop_replica_schema", "upgrade_replica_schema", "add_source",
                "drop_source", "init_replica", "copy_schema", "update_schema_mappings", "refresh_schema", "sync_tables",
                "start_replica", "stop_replica", "detach_replica", "enable_replica", "run_maintenance",
                "stop_all_replicas");
    }

    @Test
    void everyOptionIsInTheOptionTable() throws Exception {
        String doc = Files.readString(DOC);
        String table = doc.substring(doc.indexOf("## Options"), doc.indexOf("## set_configuration_files"));
        for (Field f : CommonOptions.class.getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) {
                for (String name : o.names()) {
                    assertThat(table).as("option " + name).contains("`" + name);
                }
            }
        }
    }

    @Test
    void everyExitCodeIsInTheTable() throws Exception {
        String doc = Files.readString(DOC);
        for (ExitCode code : ExitCode.values()) {
            assertThat(doc).as("exit code " + code).containsPattern("(?m)^\\| " + code.code + " \\| `" + code.name() + "` \\|");
        }
    }

    /** The commands as {@code chameleon --help} lists them. */
    private static List<String> commands() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        return help.substring(help.indexOf("Commands:")).lines().skip(1)
                .map(l -> l.matches("^  [a-z_]+ .*|^  [a-z_]+$") ? l.trim().split("\\s+")[0] : null)
                .filter(java.util.Objects::nonNull).toList();
    }
}
