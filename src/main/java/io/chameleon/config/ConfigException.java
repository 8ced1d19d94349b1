package io.chameleon.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration the tool refuses: names the key's path, what was found and what is allowed,
 * in one line for the user. When a file has several problems, the message has one such line per
 * problem, in file order.
 */
public final class ConfigException extends RuntimeException {
    private final String keyPath;

    public ConfigException(String keyPath, String found, String allowed) {
        super(keyPath + ": found " + found + "; allowed: " + allowed);
        this.keyPath = keyPath;
    }

    public ConfigException(String message) {
        super(message);
        this.keyPath = null;
    }

    private ConfigException(List<ConfigException> problems) {
        super(problems.stream().map(Throwable::getMessage).collect(Collectors.joining("\n")));
        this.keyPath = problems.get(0).keyPath;
    }

    /** The one problem, or all of them one per line; keyPath() is the first one's. */
    static ConfigException of(List<ConfigException> problems) {
        return problems.size() == 1 ? problems.get(0) : new ConfigException(problems);
    }

    /** The path of the (first) key refused, or null when the problem is not about one key. */
    public String keyPath() {
        return keyPath;
    }
}
