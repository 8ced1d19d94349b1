package io.chameleon.catalog;

import java.util.List;

/**
 * What {@code create} or {@code upgrade} did: the catalogue version before and after, and the
 * migrations applied in between (none when it was already at the latest version).
 */
public record MigrationReport(int fromVersion, int toVersion, List<Migration> applied) {
    public MigrationReport {
        applied = List.copyOf(applied);
    }

    public boolean changed() {
        return !applied.isEmpty();
    }
}
