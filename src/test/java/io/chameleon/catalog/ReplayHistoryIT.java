package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.chameleon.catalog.CatalogFixtures.execute;
import static io.chameleon.catalog.CatalogFixtures.freshCatalog;
import static io.chameleon.catalog.CatalogFixtures.freshDatabase;
import static io.chameleon.catalog.CatalogFixtures.source;
import static io.chameleon.catalog.CatalogFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** The replay history the applier writes with each batch, its sums for show_status, and batch_retention. */
class ReplayHistoryIT {
    private static final BinlogPosition P1 = new BinlogPosition("mysql-bin.000004", 100, "0-1-7");
    private static final BinlogPosition P2 = new BinlogPosition("mysql-bin.000004", 900, "0-1-9");

    @Test
    void theBatchesOfAMinuteAddUpInOneRowWithTheLastPosition() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();
            Instant now = Instant.now();

            catalog.positions().recordApplied(id, new AppliedBatch(P1, now.minusSeconds(2), 2, 10, 1, 0));
            catalog.positions().recordApplied(id, new AppliedBatch(P1, now.minusSeconds(4), 3, 20, 0, 1));
            catalog.positions().recordApplied(id, new AppliedBatch(P2, now.minusSeconds(1), 1, 5, 4, 0));

            // three batches within a second or two: one row, unless a minute began in between
            assertThat(strings(c, "SELECT count(*) FROM sch_chameleon.replay_history")).first().isIn("1", "2");
            assertThat(strings(c, "SELECT last_binlog_file || ':' || last_binlog_position || ' ' || last_gtid_set"
                    + " FROM sch_chameleon.replay_history ORDER BY minute_start DESC LIMIT 1"))
                    .containsExactly("mysql-bin.000004:900 0-1-9");
            ReplayWindow hour = catalog.history().windows(id).get(0);
            assertThat(hour.period()).isEqualTo("last hour");
            assertThat(List.of(hour.batches(), hour.transactions(), hour.rowChanges(), hour.skippedRowChanges(), hour.ddl()))
                    .containsExactly(3L, 6L, 35L, 5L, 1L);
            assertThat(hour.maxReplayLag()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
            assertThat(hour.averageReplayLag()).isBetween(Duration.ofMillis(2333), Duration.ofMillis(4333));
            SourceDetail detail = catalog.status().source("mysql");
            assertThat(detail.skippedRows()).isEqualTo(5);
            assertThat(detail.replayedRows()).isEqualTo(35);
        }
    }

    @Test
    void theLastHourAndTheLastDayAreSummedApartWithDiscardsAndErrors() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();
            int other = catalog.sources().add(source("other", Map.of("o", "o"))).sourceId();
            catalog.positions().recordApplied(id, new AppliedBatch(P1, Instant.now(), 7, 70, 0, 0));
            execute(c, "UPDATE sch_chameleon.replay_history SET minute_start = minute_start - interval '3 hours'");
            catalog.discardedRows().record(id, DiscardedRow.of(new TableName("s", "t"), "id=1", "d", "zero date", null, P1));
            execute(c, "UPDATE sch_chameleon.discarded_rows SET discarded_at = discarded_at - interval '3 hours'");
            catalog.positions().recordApplied(id, new AppliedBatch(P2, Instant.now(), 2, 20, 0, 0));
            catalog.positions().recordApplied(other, new AppliedBatch(P2, Instant.now(), 100, 1000, 0, 0));
            catalog.errors().log(id, new ErrorEntry(null, new TableName("s", "t"), "INSERT ...", "failed", P2));

            List<ReplayWindow> windows = catalog.history().windows(id);

            assertThat(windows).extracting(ReplayWindow::period).containsExactly("last hour", "last day");
            ReplayWindow hour = windows.get(0);
            ReplayWindow day = windows.get(1);
            assertThat(List.of(hour.batches(), hour.transactions(), hour.rowChanges(), hour.discardedRows(), hour.errors()))
                    .containsExactly(1L, 2L, 20L, 0L, 1L);
            assertThat(List.of(day.batches(), day.transactions(), day.rowChanges(), day.discardedRows(), day.errors()))
                    .containsExactly(2L, 9L, 90L, 1L, 1L);
        }
    }

    @Test
    void withoutBatchesTheCountsAreZeroAndTheLagsUnknown() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();

            for (ReplayWindow w : catalog.history().windows(id)) {
                assertThat(List.of(w.batches(), w.transactions(), w.rowChanges(), w.skippedRowChanges(), w.ddl(),
                        w.discardedRows(), w.errors())).containsOnly(0L);
                assertThat(w.averageReplayLag()).isNull();
                assertThat(w.maxReplayLag()).isNull();
            }
        }
    }

    @Test
    void pruningDeletesTheMinutesOlderThanTheRetention() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();
            catalog.positions().recordApplied(id, new AppliedBatch(P1, Instant.now(), 1, 1, 0, 0));
            execute(c, "UPDATE sch_chameleon.replay_history SET minute_start = minute_start - interval '2 days'");
            catalog.positions().recordApplied(id, new AppliedBatch(P1, Instant.now(), 1, 1, 0, 0));
            execute(c, "UPDATE sch_chameleon.replay_history SET minute_start = minute_start - interval '30 minutes'"
                    + " WHERE minute_start > now() - interval '1 hour'");
            catalog.positions().recordApplied(id, new AppliedBatch(P1, Instant.now(), 1, 1, 0, 0));

            assertThat(catalog.history().prune(id, "1 day")).isEqualTo(1);
            assertThat(catalog.history().prune(id, "1 day")).isZero();
            assertThat(catalog.history().prune(id, "10 minutes")).isEqualTo(1);
            assertThat(catalog.history().windows(id).get(1).batches()).isEqualTo(1);
        }
    }

    @Test
    void aBatchRolledBackLeavesNoHistory() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();

            c.setAutoCommit(false);
            catalog.positions().recordApplied(id, new AppliedBatch(P1, Instant.now(), 1, 3, 2, 0));
            c.rollback();
            c.setAutoCommit(true);

            assertThat(catalog.history().windows(id).get(1).batches()).isZero();
            assertThat(catalog.status().source("mysql").skippedRows()).isZero();
        }
    }
}
