package io.chameleon.catalog;

import java.time.Instant;

/** One line of show_errors, in pg_chameleon's columns; the MySQL table, or nulls when not about one. */
public record ErrorSummary(long logId, String sourceName, Long batchId, String table, String schema, Instant errorAt) {}
