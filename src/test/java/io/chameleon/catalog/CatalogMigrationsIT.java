package io.chameleon.catalog;

import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.chameleon.catalog.CatalogFixtures.freshDatabase;
import static io.chameleon.catalog.CatalogFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CatalogMigrationsIT {
    private static final Migration V1 = Migration.fromResource("V001__initial_catalogue.sql");
    private static final Migration V2 = Migration.fromResource("V002__replay_history_and_maintenance.sql");
    private static final Migration V3 = Migration.fromResource("V003__tracked_definitions.sql");
    private static final Migration V4 = Migration.fromResource("V004__source_lease.sql");
    /** Stands for a later build's migration, so upgrades can be tested before there is one. */
    private static final Migration NEXT = new Migration(5, "test note column",
            "ALTER TABLE sch_chameleon.sources ADD COLUMN test_note text;"
                    + " COMMENT ON COLUMN sch_chameleon.sources.test_note IS 'test only';");

    @Test
    void createBuildsTheLatestVersionAndRecordsWhoDidIt() throws Exception {
        try (Connection c = freshDatabase()) {
            CatalogMigrations migrations = new CatalogMigrations(c);

            MigrationReport report = migrations.create();

            assertThat(report.fromVersion()).isZero();
            assertThat(report.toVersion()).isEqualTo(CatalogMigrations.latestVersion());
            assertThat(report.changed()).isTrue();
            assertThat(migrations.version()).isEqualTo(new CatalogVersion(CatalogMigrations.latestVersion(),
                    CatalogMigrations.latestVersion()));
            assertThat(migrations.history()).extracting(AppliedMigration::version, AppliedMigration::description)
                    .first().isEqualTo(tuple(1, "initial catalogue"));
            assertThat(migrations.history().get(0).chameleonVersion()).isNotBlank();
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void everyCatalogueTableSaysWhyItExists() throws Exception {
        try (Connection c = freshDatabase()) {
            new CatalogMigrations(c).create();

            assertThat(strings(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'sch_chameleon' AND c.relkind = 'r'"
                    + " AND obj_description(c.oid, 'pg_class') IS NULL")).isEmpty();
        }
    }

    @Test
    void createTwiceChangesNothingTheSecondTime() throws Exception {
        try (Connection c = freshDatabase()) {
            new CatalogMigrations(c).create();
            CatalogFixtures.freshCatalog(c).sources().add(CatalogFixtures.source("kept", Map.of("a", "a")));

            MigrationReport again = new CatalogMigrations(c).create();

            assertThat(again.changed()).isFalse();
            assertThat(again.toVersion()).isEqualTo(CatalogMigrations.latestVersion());
            assertThat(Catalog.open(c).sources().names()).containsExactly("kept");
        }
    }

    @Test
    void concurrentCreatesLeaveOneCatalogue() throws Exception {
        String db = TestServers.createPgDatabase("catalog");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrationReport>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<MigrationReport> create = () -> {
                    try (Connection c = TestServers.pgConnection(db)) {
                        return new CatalogMigrations(c).create();
                    }
                };
                results.add(pool.submit(create));
            }
            assertThat(List.of(results.get(0).get().changed(), results.get(1).get().changed()))
                    .containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void dropRemovesOurCatalogueAndIsQuietWhenThereIsNone() throws Exception {
        try (Connection c = freshDatabase()) {
            CatalogMigrations migrations = new CatalogMigrations(c);
            migrations.create();

            assertThat(migrations.drop()).isTrue();
            assertThat(migrations.version().present()).isFalse();
            assertThat(migrations.drop()).isFalse();
        }
    }

    @Test
    void upgradeAppliesOnlyTheMissingMigrationsEachRecorded() throws Exception {
        try (Connection c = freshDatabase()) {
            new CatalogMigrations(c, List.of(V1, V2, V3, V4), "0.1.0").create();
            CatalogMigrations newer = new CatalogMigrations(c, List.of(V1, V2, V3, V4, NEXT), "0.2.0");

            MigrationReport report = newer.upgrade();

            assertThat(report.fromVersion()).isEqualTo(4);
            assertThat(report.toVersion()).isEqualTo(5);
            assertThat(report.applied()).extracting(Migration::version).containsExactly(5);
            assertThat(newer.history()).extracting(AppliedMigration::version, AppliedMigration::chameleonVersion)
                    .containsExactly(tuple(1, "0.1.0"), tuple(2, "0.1.0"), tuple(3, "0.1.0"),
                            tuple(4, "0.1.0"), tuple(5, "0.2.0"));
            assertThat(strings(c, "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'sch_chameleon' AND table_name = 'sources' AND column_name = 'test_note'"))
                    .containsExactly("test_note");
            assertThat(newer.upgrade().changed()).isFalse();
        }
    }

    @Test
    void upgradingAVersion1CatalogueKeepsItsSourcesAndStartsTheirReplayHistory() throws Exception {
        try (Connection c = freshDatabase()) {
            new CatalogMigrations(c, List.of(V1), "0.1.0").create();
            CatalogFixtures.execute(c, "INSERT INTO sch_chameleon.sources (source_name, source_type, replayed_rows)"
                    + " VALUES ('old', 'mysql', 42)");

            MigrationReport report = new CatalogMigrations(c).upgrade();

            assertThat(report.applied()).extracting(Migration::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(2, CatalogMigrations.latestVersion()).boxed().toList());
            Catalog catalog = Catalog.open(c);
            SourceDetail old = catalog.status().source("old");
            assertThat(old.replayedRows()).isEqualTo(42);
            assertThat(old.skippedRows()).isZero();
            assertThat(catalog.history().windows(old.summary().id())).extracting(ReplayWindow::batches)
                    .containsExactly(0L, 0L);
            assertThat(catalog.maintenance().schedule(old.summary().id(), "1 day").last()).isNull();
        }
    }

    @Test
    void aFailingMigrationLeavesTheCatalogueAtTheVersionBefore() throws Exception {
        try (Connection c = freshDatabase()) {
            new CatalogMigrations(c, List.of(V1), "0.1.0").create();
            Migration broken = new Migration(2, "broken", "ALTER TABLE sch_chameleon.sources ADD COLUMN x text;"
                    + " ALTER TABLE sch_chameleon.no_such_table ADD COLUMN y text;");

            assertThatThrownBy(() -> new CatalogMigrations(c, List.of(V1, broken), "0.2.0").upgrade())
                    .hasMessageContaining("catalogue migration 2 (broken) failed");

            assertThat(new CatalogMigrations(c, List.of(V1, broken), "0.2.0").version().installed()).isEqualTo(1);
            assertThat(strings(c, "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'sch_chameleon' AND table_name = 'sources' AND column_name = 'x'"))
                    .isEmpty();
        }
    }

    @Test
    void upgradeWithoutCatalogueSaysToCreateIt() throws Exception {
        try (Connection c = freshDatabase()) {
            assertThatThrownBy(() -> new CatalogMigrations(c).upgrade())
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("no replica catalogue")
                    .hasMessageContaining("create_replica_schema");
        }
    }

    @Test
    void anOlderCatalogueMustBeUpgradedBeforeUse() throws Exception {
        try (Connection c = freshDatabase()) {
            new CatalogMigrations(c, List.of(V1), "0.1.0").create();
            CatalogMigrations newer = new CatalogMigrations(c, List.of(V1, V2), "0.2.0");

            assertThatThrownBy(newer::create).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("version 1").hasMessageContaining("upgrade_replica_schema");
        }
    }

    @Test
    void dataAccessNeedsACatalogue() throws Exception {
        try (Connection c = freshDatabase()) {
            assertThatThrownBy(() -> Catalog.open(c)).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("create_replica_schema");
        }
    }

    @Test
    void aCatalogueNewerThanThisBuildIsNeitherUsedNorChanged() throws Exception {
        // this build's migrations, whatever their number, and one more
        List<Migration> thisBuildsMigrations = CatalogMigrations.FILES.stream().map(Migration::fromResource).toList();
        int newer = thisBuildsMigrations.size() + 1;
        List<Migration> newerMigrations = new java.util.ArrayList<>(thisBuildsMigrations);
        newerMigrations.add(new Migration(newer, NEXT.description(), NEXT.sql()));
        try (Connection c = freshDatabase()) {
            new CatalogMigrations(c, newerMigrations, "9.9.9").create();
            CatalogMigrations thisBuild = new CatalogMigrations(c, thisBuildsMigrations, "0.1.0");

            for (ThrowingCall call : List.<ThrowingCall>of(thisBuild::create, thisBuild::upgrade, thisBuild::drop,
                    thisBuild::version, () -> Catalog.open(c))) {
                assertThatThrownBy(call::run).isInstanceOf(CatalogException.class)
                        .hasMessageContaining("catalogue version " + newer)
                        .hasMessageContaining("chameleon 9.9.9")
                        .hasMessageContaining("will not drop or alter");
            }
            assertThat(new CatalogMigrations(c, newerMigrations, "9.9.9").version().installed()).isEqualTo(newer);
        }
    }

    @Test
    void migrationsMustBeNumberedWithoutGaps() {
        assertThatThrownBy(() -> new CatalogMigrations(null, List.of(NEXT), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 5 at position 1");
    }

    interface ThrowingCall {
        Object run() throws Exception;
    }
}
