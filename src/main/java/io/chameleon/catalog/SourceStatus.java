package io.chameleon.catalog;

import java.util.Arrays;
import java.util.Locale;

/** A source's status, with pg_chameleon's values so its users read them unchanged. */
public enum SourceStatus {
    READY, INITIALISING, INITIALISED, SYNCING, SYNCED, STOPPED, RUNNING, ERROR;

    /** The value as stored and shown, e.g. {@code initialising}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SourceStatus fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown source status '" + label + "' in the catalogue"));
    }
}
