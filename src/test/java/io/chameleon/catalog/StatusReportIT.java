package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.config.SourceConfig;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.chameleon.catalog.CatalogFixtures.freshCatalog;
import static io.chameleon.catalog.CatalogFixtures.freshDatabase;
import static io.chameleon.catalog.CatalogFixtures.source;
import static io.chameleon.catalog.ReplicatedTablesIT.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StatusReportIT {
    private static final BinlogPosition START = new BinlogPosition("mysql-bin.000003", 4711, null);
    private static final BinlogPosition LATER = new BinlogPosition("mysql-bin.000004", 120, null);

    @Test
    void theOverviewHasPgChameleonsColumnsForEverySource() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int idle = catalog.sources().add(source("idle", Map.of("i", "i"))).sourceId();
            int busy = catalog.sources().add(source("busy", Map.of("b", "b"))).sourceId();
            CatalogFixtures.setStatus(c, busy, SourceStatus.RUNNING);
            catalog.positions().recordSnapshot(busy, START, START);
            Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
            catalog.positions().recordRead(busy, anHourAgo);
            catalog.positions().recordApplied(busy, batch(anHourAgo.minusSeconds(60), 10, 1));

            List<SourceSummary> overview = catalog.status().sources();

            assertThat(overview).extracting(SourceSummary::id, SourceSummary::name, SourceSummary::status)
                    .containsExactly(tuple(idle, "idle", SourceStatus.READY),
                            tuple(busy, "busy", SourceStatus.RUNNING));
            SourceSummary first = overview.get(0);
            assertThat(first.type()).isEqualTo(SourceConfig.SourceType.MYSQL);
            assertThat(first.consistent()).isFalse();
            assertThat(first.readLag()).isNull();
            assertThat(first.lastReplay()).isNull();
            SourceSummary running = overview.get(1);
            assertThat(running.consistent()).isTrue();
            assertThat(running.lastRead()).isEqualTo(anHourAgo.truncatedTo(ChronoUnit.MICROS));
            assertThat(running.readLag()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
            assertThat(running.replayLag()).isBetween(Duration.ofMinutes(60), Duration.ofMinutes(62));
        }
    }

    @Test
    void aSourcesDetailShowsMappingsTablesProgressAndReplay() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s", "t", "t"))).sourceId();
            CatalogFixtures.setStatus(c, id, SourceStatus.INITIALISING);
            catalog.tables().replaceAll(id, List.of(table("s", "a", List.of("id")), table("s", "b", List.of("id")),
                    new ReplicatedTable(new TableName("t", "nokey"), "t", "nokey", false, null,
                            ReplicatedTable.NO_REPLICA_KEY, List.of(), START, null, null, null)));
            catalog.tables().markCopied(id, new TableName("s", "a"), 100, 4096);
            catalog.tables().markCopied(id, new TableName("t", "nokey"), 7, 512);
            catalog.discardedRows().record(id, DiscardedRow.of(new TableName("s", "a"), "id=3", "d", "zero date", null,
                    null));

            SourceDetail initialising = catalog.status().source("mysql");

            assertThat(initialising.summary().status()).isEqualTo(SourceStatus.INITIALISING);
            assertThat(initialising.mappings()).containsExactly(new SchemaMapping("s", "s"), new SchemaMapping("t", "t"));
            assertThat(initialising.tablesReplicated()).isEqualTo(2);
            assertThat(initialising.tablesNotReplicated()).isEqualTo(1);
            assertThat(initialising.tablesAll()).isEqualTo(3);
            assertThat(initialising.notReplicated()).containsExactly(new TableNotReplicated(new TableName("t", "nokey"),
                    "t", "nokey", "no primary key or unique NOT NULL key"));
            assertThat(initialising.tablesCopied()).isEqualTo(2);
            assertThat(initialising.rowsCopied()).isEqualTo(107);
            assertThat(initialising.bytesCopied()).isEqualTo(4608);
            assertThat(initialising.discardedRows()).isEqualTo(1);
            assertThat(initialising.applied()).isNull();

            catalog.positions().recordSnapshot(id, START, LATER);
            catalog.positions().recordApplied(id, batch(Instant.now(), 5, 2));
            catalog.positions().recordApplied(id, batch(Instant.now(), 3, 0));
            SourceDetail replaying = catalog.status().source("mysql");

            assertThat(replaying.summary().consistent()).isFalse();
            assertThat(replaying.applied()).isEqualTo(LATER);
            assertThat(replaying.highWatermark()).isEqualTo(LATER);
            assertThat(replaying.replayedRows()).isEqualTo(8);
            assertThat(replaying.replayedDdl()).isEqualTo(2);
            catalog.positions().markConsistent(id);
            assertThat(catalog.status().source("mysql").summary().consistent()).isTrue();
        }
    }

    @Test
    void theAppliedPositionCommitsOrRollsBackWithTheCallersTransaction() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();
            catalog.positions().recordSnapshot(id, START, START);

            c.setAutoCommit(false);
            catalog.positions().recordApplied(id, batch(Instant.now(), 1, 0));
            c.rollback();
            c.setAutoCommit(true);

            assertThat(catalog.sources().get("mysql").applied()).isEqualTo(START);
        }
    }

    @Test
    void aNewSnapshotPointMakesTheSourceInconsistentUntilReplayPassesIt() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();
            catalog.positions().recordSnapshot(id, START, START);

            catalog.positions().recordHighWatermark(id, LATER);

            SourceRecord record = catalog.sources().get("mysql");
            assertThat(record.consistent()).isFalse();
            assertThat(record.applied()).isEqualTo(START);
            assertThat(record.highWatermark()).isEqualTo(LATER);
        }
    }

    /** A batch of one transaction ending at LATER, nothing skipped. */
    static AppliedBatch batch(Instant sourceTime, long rows, long ddl) {
        return new AppliedBatch(LATER, sourceTime, 1, rows, 0, ddl);
    }
}
