package io.chameleon.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One validated configuration file.
 *
 * @param file where it was read from
 * @param name the configuration's name (the file name without {@code .yml}), used in log and pid file names
 * @param sources the sources in file order
 */
public record ChameleonConfig(
        Path file,
        String name,
        GlobalSettings global,
        TypeOverride.Rules typeOverrides,
        Fillfactor fillfactor,
        PgConn pgConn,
        Map<String, SourceConfig> sources) {

    public ChameleonConfig {
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    }

    /** The named source, or a {@link ConfigException} listing the configured ones. */
    public SourceConfig source(String sourceName) {
        SourceConfig s = sources.get(sourceName);
        if (s == null) {
            throw new ConfigException("--source", sourceName == null ? "nothing" : "'" + sourceName + "'",
                    "one of the sources in " + file + ": " + String.join(", ", sources.keySet()));
        }
        return s;
    }

    public List<String> sourceNames() {
        return List.copyOf(sources.keySet());
    }
}
