package io.chameleon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where {@code --config} points. A name is a file of {@code ~/.pg_chameleon/configuration/} (the
 * {@code .yml} added), as in pg_chameleon; a value with a '/' is a path, and so is an existing
 * file whose name ends in .yml or .yaml.
 */
public final class ConfigLocation {
    public static final String DEFAULT_NAME = "default";

    private ConfigLocation() {
    }

    /** {@code <home>/.pg_chameleon}, where set_configuration_files writes. */
    public static Path baseDir(Path home) {
        return home.resolve(".pg_chameleon");
    }

    /** {@code <home>/.pg_chameleon/configuration}. */
    public static Path configurationDir(Path home) {
        return baseDir(home).resolve("configuration");
    }

    /** The file {@code --config} names; null or blank means {@value #DEFAULT_NAME}. Does not check it exists. */
    public static Path resolve(String configArg, Path home) {
        String arg = configArg == null || configArg.isBlank() ? DEFAULT_NAME : configArg.trim();
        if (arg.equals("~") || arg.startsWith("~/")) {
            return home.resolve(arg.substring(1).replaceFirst("^/+", ""));
        }
        if (arg.contains("/") || hasYamlExtension(arg) && Files.isRegularFile(Path.of(arg))) {
            return Path.of(arg);
        }
        return configurationDir(home).resolve(hasYamlExtension(arg) ? arg : arg + ".yml");
    }

    /** The configuration's name: its file name without the extension. */
    public static String nameOf(Path file) {
        String name = file.getFileName().toString();
        return hasYamlExtension(name) ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    /** Refuses a --config that names no file, listing the configurations there are. */
    static void requireExists(String configArg, Path file, Path home) {
        if (Files.isRegularFile(file)) {
            return;
        }
        Path dir = configurationDir(home);
        List<String> names = available(dir);
        String choices = names.isEmpty()
                ? "a path to a .yml file, or a name once " + dir + " holds configurations (chameleon "
                        + "set_configuration_files writes config-example.yml there to copy from)"
                : "a path to a .yml file, or one of the configurations in " + dir + ": " + String.join(", ", names);
        String given = configArg == null || configArg.isBlank() ? DEFAULT_NAME + " (the default)" : configArg;
        throw new ConfigException("--config", "'" + given + "', but there is no file " + file, choices);
    }

    private static List<String> available(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yml") && !n.equals(ConfigFiles.EXAMPLE_NAME))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean hasYamlExtension(String name) {
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }
}
