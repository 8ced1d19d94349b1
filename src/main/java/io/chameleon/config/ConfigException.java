package io.chameleon.config;

/**
 * A configuration the tool refuses: names the key's path, what was found and what is allowed,
 * in one line for the user.
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

    public String keyPath() {
        return keyPath;
    }
}
