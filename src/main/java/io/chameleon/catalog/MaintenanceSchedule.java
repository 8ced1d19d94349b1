package io.chameleon.catalog;

import java.time.Duration;
import java.time.Instant;

/**
 * A source's maintenance times.
 *
 * @param last when its tables were last vacuumed; null when never
 * @param next when auto_maintenance is due; null when it is disabled
 * @param untilNext how long until then, zero or negative when due; null when disabled
 */
public record MaintenanceSchedule(Instant last, Instant next, Duration untilNext) {
    public boolean due() {
        return untilNext != null && (untilNext.isNegative() || untilNext.isZero());
    }
}
