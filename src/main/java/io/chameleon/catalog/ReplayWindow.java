package io.chameleon.catalog;

import java.time.Duration;

/**
 * What replay did for one source over a recent period, for show_status.
 *
 * @param period {@code last hour} or {@code last day}
 * @param skippedRowChanges row changes left out: tables without a replica key, or disabled by on_error_replay continue
 * @param discardedRows rows recorded in discarded_rows in the period
 * @param errors entries of the error log in the period
 * @param adjustedValues values replay adjusted under the source's value policies (zero_dates, nul_chars)
 * @param averageReplayLag over the batches of the period; null when there was none
 * @param maxReplayLag the largest of the period; null when there was no batch
 */
public record ReplayWindow(String period, long batches, long transactions, long rowChanges, long skippedRowChanges,
        long ddl, long discardedRows, long errors, long adjustedValues, Duration averageReplayLag, Duration maxReplayLag) {}
