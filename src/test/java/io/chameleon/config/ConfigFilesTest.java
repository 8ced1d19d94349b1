package io.chameleon.config;

import io.chameleon.config.ConfigFiles.Outcome;
import io.chameleon.config.ConfigFiles.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFilesTest {
    @TempDir
    Path home;

    @Test
    void createsTheDirectoriesAndTheExample() throws IOException {
        List<Step> steps = ConfigFiles.install(home);

        Path base = home.resolve(".pg_chameleon");
        Path example = base.resolve("configuration/config-example.yml");
        assertThat(steps).extracting(Step::path).containsExactly(base, base.resolve("configuration"),
                base.resolve("pid"), base.resolve("logs"), example);
        assertThat(steps).extracting(Step::outcome).containsExactly(Outcome.CREATED, Outcome.CREATED,
                Outcome.CREATED, Outcome.CREATED, Outcome.WRITTEN);
        assertThat(Files.readString(example)).isEqualTo(ConfigFiles.exampleText());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(base.resolve("configuration"))))
                .isEqualTo("rwx------");
        assertThat(steps.get(4).describe()).isEqualTo("wrote " + example);
    }

    @Test
    void aSecondRunChangesNothing() throws IOException {
        ConfigFiles.install(home);

        List<Step> steps = ConfigFiles.install(home);

        assertThat(steps).extracting(Step::outcome).containsExactly(Outcome.ALREADY_THERE, Outcome.ALREADY_THERE,
                Outcome.ALREADY_THERE, Outcome.ALREADY_THERE, Outcome.UNCHANGED);
    }

    @Test
    void aChangedExampleIsKeptUnderAnotherName() throws IOException {
        ConfigFiles.install(home);
        Path example = home.resolve(".pg_chameleon/configuration/config-example.yml");
        Files.writeString(example, "# my notes\n");
        Files.writeString(example.resolveSibling("config-example.yml.bak"), "# older notes\n");

        Step step = ConfigFiles.install(home).get(4);

        Path backup = example.resolveSibling("config-example.yml.bak2");
        assertThat(step.outcome()).isEqualTo(Outcome.REPLACED);
        assertThat(step.backup()).isEqualTo(backup);
        assertThat(Files.readString(backup)).isEqualTo("# my notes\n");
        assertThat(Files.readString(example)).isEqualTo(ConfigFiles.exampleText());
        assertThat(step.describe()).isEqualTo("replaced " + example + ", which differed from this version's example; "
                + "the previous file is saved as " + backup);
    }
}
