package io.chameleon.catalog;

import io.chameleon.config.SourceConfig.SourceType;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of show_status, in pg_chameleon's columns. Lags and times are null until the reader
 * or the applier has reported once.
 *
 * @param readLag how far behind the source the reader was when it last reported
 * @param lastRead the MySQL time of the newest event read
 * @param replayLag how far behind the source the applied data was when the applier last committed
 * @param lastReplay the MySQL time of the newest transaction applied
 */
public record SourceSummary(
        int id,
        String name,
        SourceType type,
        SourceStatus status,
        boolean consistent,
        Duration readLag,
        Instant lastRead,
        Duration replayLag,
        Instant lastReplay) {}
