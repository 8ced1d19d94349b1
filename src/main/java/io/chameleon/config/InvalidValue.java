package io.chameleon.config;

/**
 * Thrown by a {@link ValueType.Leaf} parser for a value it refuses. The validator adds the key's
 * path and turns it into a {@link ConfigException}. Carries no stack trace: it is an answer, not
 * a failure.
 */
final class InvalidValue extends RuntimeException {
    private final String where;
    private final String found;
    private final String allowed;

    /**
     * @param where appended to the key path, e.g. {@code [2]} for a list entry, or empty
     * @param found what was found, already safe to print, or null to let the validator describe it
     * @param allowed what is allowed instead, or null for the type's own description
     */
    InvalidValue(String where, String found, String allowed) {
        super(null, null, false, false);
        this.where = where;
        this.found = found;
        this.allowed = allowed;
    }

    /** The value as a whole is wrong; described by the validator. */
    InvalidValue() {
        this("", null, null);
    }

    String where() {
        return where;
    }

    String found() {
        return found;
    }

    String allowed() {
        return allowed;
    }
}
