package io.chameleon.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigReferenceTest {
    private static final Path REFERENCE = Path.of("docs", "configuration.md");

    /** docs/configuration.md is generated; -Dchameleon.writeReference=true rewrites it. */
    @Test
    void docsConfigurationMdIsUpToDate() throws IOException {
        String generated = ConfigReference.markdown();
        if (Boolean.getBoolean("chameleon.writeReference")) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, generated);
        }
        String checkedIn = Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "";

        assertThat(checkedIn).as("docs/configuration.md differs from the key table; regenerate it with: "
                + ConfigReference.REGENERATE).isEqualTo(generated);
    }

    @Test
    void everyKeyHasASection() {
        String reference = ConfigReference.markdown();

        for (ConfigKey<?> key : ConfigKeys.all()) {
            assertThat(reference).contains("\n### `" + key.path() + "`\n");
        }
    }

    @Test
    void everyKeyIsInTheExample() {
        String example = ConfigFiles.exampleText();

        for (ConfigKey<?> key : ConfigKeys.all()) {
            if (!ConfigKey.isPlaceholder(key.name())) {
                assertThat(example).as(key.path())
                        .containsPattern(Pattern.compile("(?m)^[ #]*\"?" + Pattern.quote(key.name()) + "\"?:"));
            }
        }
    }

    @Test
    void everyDefaultIsAValidValue() {
        for (ConfigKey<?> key : ConfigKeys.all()) {
            if (key.type() instanceof ValueType.Leaf<?> leaf && key.defaultValue() != null) {
                leaf.parse(key.defaultValue(), Path.of("/home/u"));
            }
        }
    }
}
