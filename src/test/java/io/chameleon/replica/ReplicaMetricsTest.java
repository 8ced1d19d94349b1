package io.chameleon.replica;

import io.chameleon.apply.AdjustedValues;
import io.chameleon.apply.ApplyResult;
import io.chameleon.binlog.RowChange;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final TableName ITEMS = new TableName("shop", "items");
    private static final TableName LOG = new TableName("shop", "log");

    @Test
    void beforeAnythingIsReadTheLagsAreNotANumberAndTheCountersZero() {
        String text = new ReplicaMetrics("mysql", new LongAdder(), 2, Clock.fixed(NOW, ZoneOffset.UTC)).render();

        assertThat(text).contains(
                "# HELP chameleon_up 1 while the replica of the source runs.\n# TYPE chameleon_up gauge\n"
                        + "chameleon_up{source=\"mysql\"} 1\n",
                "# TYPE chameleon_read_lag_seconds gauge\nchameleon_read_lag_seconds{source=\"mysql\"} NaN\n",
                "chameleon_replay_lag_seconds{source=\"mysql\"} NaN\n",
                "chameleon_last_applied_timestamp_seconds{source=\"mysql\"} NaN\n",
                "# TYPE chameleon_read_row_changes_total counter\nchameleon_read_row_changes_total{source=\"mysql\"} 0\n",
                "chameleon_disabled_tables{source=\"mysql\"} 2\n");
    }

    @Test
    void readsAndBatchesMoveTheCountersAndTheLags() {
        LongAdder skipEvents = new LongAdder();
        ReplicaMetrics metrics = new ReplicaMetrics("mysql", skipEvents, 0, Clock.fixed(NOW, ZoneOffset.UTC));
        SourceTransaction first = transaction(3, NOW.minusMillis(4500));
        SourceTransaction second = transaction(2, NOW.minusMillis(1250));

        metrics.read(first);
        metrics.read(second);
        skipEvents.add(7);
        TreeMap<TableName, Long> skipped = new TreeMap<>();
        skipped.put(LOG, 4L);
        TreeMap<TableName, String> disabled = new TreeMap<>();
        disabled.put(LOG, "violates check constraint");
        metrics.applied(List.of(first, second), new ApplyResult(5, 1, 0, 4, skipped, new AdjustedValues(),
                second.end(), disabled));
        String text = metrics.render();

        assertThat(text).contains(
                "chameleon_read_lag_seconds{source=\"mysql\"} 1.25\n",
                "chameleon_replay_lag_seconds{source=\"mysql\"} 1.25\n",
                "chameleon_last_applied_timestamp_seconds{source=\"mysql\"} " + NOW.getEpochSecond() + "\n",
                "chameleon_read_transactions_total{source=\"mysql\"} 2\n",
                "chameleon_read_row_changes_total{source=\"mysql\"} 5\n",
                "chameleon_applied_transactions_total{source=\"mysql\"} 2\n",
                "chameleon_applied_row_changes_total{source=\"mysql\"} 5\n",
                "chameleon_applied_batches_total{source=\"mysql\"} 1\n",
                "chameleon_skipped_row_changes_total{source=\"mysql\",reason=\"skip_events\"} 7\n"
                        + "chameleon_skipped_row_changes_total{source=\"mysql\",reason=\"table_not_replicated\"} 4\n",
                "chameleon_errors_total{source=\"mysql\"} 1\n",
                "chameleon_disabled_tables{source=\"mysql\"} 1\n");
    }

    @Test
    void aTransactionInPartsCountsOnceAndMovesTheReplayLagWithItsCommit() {
        ReplicaMetrics metrics = new ReplicaMetrics("mysql", new LongAdder(), 0, Clock.fixed(NOW, ZoneOffset.UTC));
        SourceTransaction whole = transaction(2, NOW.minusSeconds(3));
        SourceTransaction first = part(whole, 1, false);
        SourceTransaction last = part(whole, 2, true);

        metrics.read(first);
        metrics.read(last);
        metrics.applied(List.of(first), new ApplyResult(2, 0, 0, 2, new TreeMap<>(), new AdjustedValues(), null,
                new TreeMap<>()));
        String afterFirst = metrics.render();
        metrics.applied(List.of(last), new ApplyResult(2, 0, 0, 2, new TreeMap<>(), new AdjustedValues(), last.end(),
                new TreeMap<>()));

        assertThat(afterFirst).contains("chameleon_replay_lag_seconds{source=\"mysql\"} NaN\n",
                "chameleon_applied_transactions_total{source=\"mysql\"} 0\n",
                "chameleon_applied_row_changes_total{source=\"mysql\"} 2\n",
                "chameleon_applied_batches_total{source=\"mysql\"} 0\n");
        assertThat(metrics.render()).contains("chameleon_read_transactions_total{source=\"mysql\"} 1\n",
                "chameleon_read_row_changes_total{source=\"mysql\"} 4\n",
                "chameleon_replay_lag_seconds{source=\"mysql\"} 3\n",
                "chameleon_applied_transactions_total{source=\"mysql\"} 1\n",
                "chameleon_applied_row_changes_total{source=\"mysql\"} 4\n",
                "chameleon_applied_batches_total{source=\"mysql\"} 1\n");
    }

    @Test
    void aSourceClockAheadOfOursGivesNoNegativeLag() {
        ReplicaMetrics metrics = new ReplicaMetrics("mysql", new LongAdder(), 0, Clock.fixed(NOW, ZoneOffset.UTC));

        metrics.read(transaction(1, NOW.plusSeconds(2)));

        assertThat(metrics.render()).contains("chameleon_read_lag_seconds{source=\"mysql\"} 0\n");
    }

    @Test
    void labelValuesAndHelpTextAreEscaped() {
        String text = new PrometheusText("a\"b\\c\nd").metric("m", "gauge", "back\\slash\nline").sample(0.5)
                .sample("reason", "x\"y", 3).text();

        assertThat(text).isEqualTo("# HELP m back\\\\slash\\nline\n# TYPE m gauge\n"
                + "m{source=\"a\\\"b\\\\c\\nd\"} 0.5\n"
                + "m{source=\"a\\\"b\\\\c\\nd\",reason=\"x\\\"y\"} 3\n");
    }

    private static SourceTransaction part(SourceTransaction rows, int part, boolean last) {
        return new SourceTransaction(rows.changes(), rows.end(), rows.sourceTime(), part, last);
    }

    private static SourceTransaction transaction(int rows, Instant sourceTime) {
        List<RowChange> changes = IntStream.range(0, rows)
                .mapToObj(i -> new RowChange(ITEMS, RowChange.Kind.INSERT, null, new byte[][] {{(byte) ('0' + i)}}))
                .toList();
        return new SourceTransaction(changes, new BinlogPosition("mysql-bin.000001", 100 + rows, null), sourceTime);
    }
}
