package io.chameleon.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** pg_chameleon's levels, most important first: --rollbar-level LEVEL sends LEVEL and those before it. */
public enum AlertLevel {
    CRITICAL, ERROR, WARNING, INFO;

    /** As Rollbar and the command line write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an alert of this level is sent when {@code most} is the least important level sent. */
    public boolean within(AlertLevel most) {
        return ordinal() <= most.ordinal();
    }

    /**
     * The level of {@code --rollbar-level}; null (the option not given) is info, which sends everything.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static AlertLevel parse(String text) {
        if (text == null) {
            return INFO;
        }
        for (AlertLevel level : values()) {
            if (level.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        throw new IllegalArgumentException("--rollbar-level: found '" + text + "'; allowed: "
                + Arrays.stream(values()).map(AlertLevel::label).collect(Collectors.joining(", ")));
    }
}
