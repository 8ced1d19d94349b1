package io.chameleon.catalog;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.chameleon.catalog.CatalogFixtures.freshCatalog;
import static io.chameleon.catalog.CatalogFixtures.freshDatabase;
import static io.chameleon.catalog.CatalogFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

/** When auto_maintenance is due: at once for a source never maintained, then the interval after the last run. */
class MaintenanceTimesIT {
    @Test
    void aSourceNeverMaintainedIsDueAtOnceThenAnIntervalAfterTheLastRun() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();

            MaintenanceSchedule never = catalog.maintenance().schedule(id, "1 day");
            assertThat(never.last()).isNull();
            assertThat(never.due()).isTrue();

            Instant before = Instant.now().minusSeconds(1);
            catalog.maintenance().recordDone(id);
            MaintenanceSchedule done = catalog.maintenance().schedule(id, "1 day");

            assertThat(done.last()).isBetween(before, Instant.now().plusSeconds(1));
            assertThat(done.next()).isEqualTo(done.last().plus(Duration.ofDays(1)));
            assertThat(done.untilNext()).isBetween(Duration.ofHours(23), Duration.ofDays(1));
            assertThat(done.due()).isFalse();
            assertThat(catalog.maintenance().schedule(id, "0 seconds").due()).isTrue();
        }
    }

    @Test
    void disabledIsNeverDueButTheLastRunIsStillKnown() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();
            catalog.maintenance().recordDone(id);

            MaintenanceSchedule disabled = catalog.maintenance().schedule(id, MaintenanceTimes.DISABLED);

            assertThat(disabled.last()).isNotNull();
            assertThat(disabled.next()).isNull();
            assertThat(disabled.untilNext()).isNull();
            assertThat(disabled.due()).isFalse();
        }
    }
}
