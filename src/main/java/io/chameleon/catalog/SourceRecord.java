package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.config.SourceConfig.SourceType;

import java.time.Instant;

/**
 * A source as the catalogue holds it.
 *
 * @param applied where replay has got to (the reader resumes here); null before init_replica
 * @param highWatermark the latest snapshot point of any table; null before init_replica
 * @param holder the process working on the source, or null
 */
public record SourceRecord(
        int id,
        String name,
        SourceType type,
        SourceStatus status,
        Instant statusChangedAt,
        boolean consistent,
        BinlogPosition applied,
        BinlogPosition highWatermark,
        SourceHolder holder) {}
