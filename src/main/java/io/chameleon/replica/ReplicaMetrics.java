package io.chameleon.replica;

import io.chameleon.apply.ApplyResult;
import io.chameleon.binlog.SourceTransaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the running replica of one source has done since it started, for Prometheus: the reader's
 * thread records each transaction read, the applier's each batch applied, and a scrape renders the
 * figures from the endpoint's thread.
 */
final class ReplicaMetrics {
    private final String source;
    private final Clock clock;
    private final LongAdder skippedBySkipEvents;
    private final LongAdder transactionsRead = new LongAdder();
    private final LongAdder rowChangesRead = new LongAdder();
    private final LongAdder batchesApplied = new LongAdder();
    private final LongAdder transactionsApplied = new LongAdder();
    private final LongAdder rowChangesApplied = new LongAdder();
    private final LongAdder skippedNotReplicated = new LongAdder();
    private final LongAdder errors = new LongAdder();
    /** Per table, column and kind, sorted so a scrape lists them in a stable order. */
    private final ConcurrentSkipListMap<List<String>, LongAdder> adjustedValues =
            new ConcurrentSkipListMap<>(Comparator.comparing((List<String> k) -> String.join("\0", k)));
    private final AtomicInteger tablesLeftOut;
    private volatile double readLagSeconds = Double.NaN;
    private volatile double replayLagSeconds = Double.NaN;
    private volatile Instant lastApplied;

    /**
     * @param skippedBySkipEvents where the reader counts the row changes skip_events drops
     * @param tablesLeftOut the source's copied tables not replayed when the replica starts
     */
    ReplicaMetrics(String source, LongAdder skippedBySkipEvents, int tablesLeftOut, Clock clock) {
        this.source = source;
        this.skippedBySkipEvents = skippedBySkipEvents;
        this.tablesLeftOut = new AtomicInteger(tablesLeftOut);
        this.clock = clock;
    }

    /** The reader hands a transaction, or a part of one larger than a batch, to the applier. */
    void read(SourceTransaction transaction) {
        if (transaction.last()) {
            transactionsRead.increment();
        }
        rowChangesRead.add(transaction.changes().size());
        readLagSeconds = lagSeconds(transaction.sourceTime(), clock.instant());
    }

    /**
     * A batch is committed in PostgreSQL with its position, or a part of a transaction larger than
     * a batch is applied in the PostgreSQL transaction kept open until its last part: row changes
     * count part by part, transactions, batches, adjusted values and the replay lag once committed.
     */
    void applied(List<SourceTransaction> batch, ApplyResult result) {
        rowChangesApplied.add(result.rowChanges());
        result.skippedRowChanges().values().forEach(skippedNotReplicated::add);
        // each disabled table has its entry in the error log
        errors.add(result.disabledTables().size());
        tablesLeftOut.addAndGet(result.disabledTables().size());
        if (result.committed()) {
            Instant now = clock.instant();
            batchesApplied.increment();
            transactionsApplied.add(batch.size());
            replayLagSeconds = lagSeconds(batch.get(batch.size() - 1).sourceTime(), now);
            lastApplied = now;
            result.adjustments().entries().forEach(a -> adjustedValues.computeIfAbsent(
                    List.of(a.table().toString(), a.column(), a.kind()), k -> new LongAdder()).add(a.values()));
        }
    }

    /** The figures in Prometheus's text format. */
    String render() {
        Instant applied = lastApplied;
        return new PrometheusText(source)
                .metric("chameleon_up", "gauge", "1 while the replica of the source runs.").sample(1)
                .metric("chameleon_read_lag_seconds", "gauge", "Seconds from the MySQL commit of the newest transaction"
                        + " read to its reading (the binlog records whole seconds); NaN before the first.")
                .sample(readLagSeconds)
                .metric("chameleon_replay_lag_seconds", "gauge", "Seconds from the MySQL commit of the newest"
                        + " transaction applied to the PostgreSQL commit of its batch; NaN before the first.")
                .sample(replayLagSeconds)
                .metric("chameleon_last_applied_timestamp_seconds", "gauge",
                        "Unix time of the last batch committed in PostgreSQL; NaN before the first.")
                .sample(applied == null ? Double.NaN : applied.toEpochMilli() / 1000.0)
                .metric("chameleon_read_transactions_total", "counter", "MySQL transactions read from the binlog.")
                .sample(transactionsRead.sum())
                .metric("chameleon_read_row_changes_total", "counter",
                        "Row changes of replicated tables read from the binlog.")
                .sample(rowChangesRead.sum())
                .metric("chameleon_applied_transactions_total", "counter",
                        "MySQL transactions applied to PostgreSQL.")
                .sample(transactionsApplied.sum())
                .metric("chameleon_applied_row_changes_total", "counter", "Row changes applied to PostgreSQL.")
                .sample(rowChangesApplied.sum())
                .metric("chameleon_applied_batches_total", "counter",
                        "Batches committed in PostgreSQL, each with its binlog position.")
                .sample(batchesApplied.sum())
                .metric("chameleon_skipped_row_changes_total", "counter", "Row changes not applied: dropped by"
                        + " skip_events, or of a table that is not replicated (no usable key, or disabled after an error).")
                .sample("reason", "skip_events", skippedBySkipEvents.sum())
                .sample("reason", "table_not_replicated", skippedNotReplicated.sum())
                .metric("chameleon_errors_total", "counter", "Errors written to the error log (show_errors).")
                .sample(errors.sum())
                .metric("chameleon_disabled_tables", "gauge", "Copied tables whose changes are not replayed: no usable"
                        + " key, disabled after an error, or left out by limit_tables or skip_tables since init_replica.")
                .sample(tablesLeftOut.get())
                .metric("chameleon_adjusted_values_total", "counter", "Values replay adjusted under the source's value"
                        + " policies (zero_dates, nul_chars), per MySQL table, column and kind of adjustment.")
                .samples(adjustedValues, List.of("table", "column", "kind"))
                .text();
    }

    /** Never below zero, should the two servers' clocks differ. */
    private static double lagSeconds(Instant sourceTime, Instant now) {
        return Math.max(0, Duration.between(sourceTime, now).toMillis() / 1000.0);
    }
}
