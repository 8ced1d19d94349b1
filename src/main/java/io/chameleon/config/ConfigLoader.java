package io.chameleon.config;

import java.nio.file.Path;

/**
 * Reads and validates a configuration file, once, before any work: every problem is reported as
 * a {@link ConfigException} naming the key's path, what was found and what is allowed.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** The configuration {@code --config} names, from the home directory of the user running the tool. */
    public static ChameleonConfig load(String configArg) {
        return load(configArg, Path.of(System.getProperty("user.home")));
    }

    /** The configuration {@code --config} names, with {@code home} standing for the user's home directory. */
    public static ChameleonConfig load(String configArg, Path home) {
        Path file = ConfigLocation.resolve(configArg, home);
        ConfigLocation.requireExists(configArg, file, home);
        return load(file, home);
    }

    /** A configuration file given by its path. */
    public static ChameleonConfig load(Path file) {
        return load(file, Path.of(System.getProperty("user.home")));
    }

    /** A configuration file given by its path; {@code ~} in its paths is {@code home}. */
    public static ChameleonConfig load(Path file, Path home) {
        ConfigValues values = TreeValidator.validate(YamlReader.read(file), home);
        ChameleonConfig config = ConfigAssembler.assemble(file, ConfigLocation.nameOf(file), values);
        SourceRules.check(config.sources());
        TlsRules.check(config);
        return config;
    }
}
