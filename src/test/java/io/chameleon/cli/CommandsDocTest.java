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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    @Test
    void commandsListedAsComingAreNotThereYet() throws Exception {
        String doc = Files.readString(DOC);
        String coming = doc.substring(doc.indexOf("## Commands not available yet"), doc.indexOf("## Exit codes"));
        Matcher m = Pattern.compile("`([a-z_]+)`").matcher(coming);
        int listed = 0;
        while (m.find()) {
            assertThat(commands()).as(m.group(1) + " is available now: give it a section").doesNotContain(m.group(1));
            listed++;
        }
        assertThat(listed).isEqualTo(1);
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
