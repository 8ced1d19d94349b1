package io.chameleon.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration files for tests, written into a temporary directory that stands for the home directory. */
final class Fixtures {
    private Fixtures() {
    }

    /** Text of a file in src/test/resources/config. */
    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The minimal valid file: only the required keys. */
    static String minimal() {
        return resource("minimal.yml");
    }

    /** The minimal file with more keys in its source {@code mysql}, each line indented by 4. */
    static String minimalWith(String... sourceLines) {
        return minimal().replace("    type: mysql\n", "    type: mysql\n" + String.join("\n", sourceLines) + "\n");
    }

    static Path write(Path dir, String fileName, String yaml) {
        try {
            return Files.writeString(dir.resolve(fileName), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChameleonConfig load(Path home, String yaml) {
        return ConfigLoader.load(write(home, "test.yml", yaml), home);
    }

    static ChameleonConfig loadResource(Path home, String name) {
        return ConfigLoader.load(write(home, name, resource(name)), home);
    }

    /** The exception a file is refused with; fails the test when it is accepted. */
    static ConfigException refused(Path home, String yaml) {
        try {
            load(home, yaml);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("accepted, but should have been refused:\n" + yaml);
    }
}
