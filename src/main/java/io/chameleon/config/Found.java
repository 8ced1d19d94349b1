package io.chameleon.config;

import java.util.List;
import java.util.Map;

/** Describes a raw YAML value for a message: short, and never the value of a secret. */
final class Found {
    private static final int MAX_SHOWN = 60;

    private Found() {
    }

    static String describe(Object raw, boolean secret) {
        if (raw == null) {
            return "nothing";
        }
        if (raw instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (raw instanceof List<?>) {
            return "a list";
        }
        if (secret) {
            return "a value (hidden)";
        }
        String text = raw.toString();
        if (text.length() > MAX_SHOWN) {
            text = text.substring(0, MAX_SHOWN) + "…";
        }
        return "'" + text + "'";
    }
}
