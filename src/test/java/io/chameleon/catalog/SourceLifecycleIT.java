package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.chameleon.catalog.CatalogFixtures.freshCatalog;
import static io.chameleon.catalog.CatalogFixtures.freshDatabase;
import static io.chameleon.catalog.CatalogFixtures.setStatus;
import static io.chameleon.catalog.CatalogFixtures.source;
import static io.chameleon.catalog.CatalogFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceLifecycleIT {
    private static final LeaseTerms LONG = new LeaseTerms(Duration.ofSeconds(10), Duration.ofSeconds(60));
    private static final LeaseTerms SHORT = new LeaseTerms(Duration.ofMillis(100), Duration.ofMillis(300));
    private static final BinlogPosition P1 = new BinlogPosition("mysql-bin.000004", 100, "0-1-7");

    @Test
    void startReplicaTakesTheLeaseAndASecondIsRefusedNamingTheHolder() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("a", "a"))).sourceId();
            setStatus(c, id, SourceStatus.STOPPED);

            SourceLease lease = catalog.lifecycle().take("mysql", SourceTransition.START_REPLICA, 4242, "host-a", LONG);

            SourceRecord running = catalog.sources().get("mysql");
            assertThat(running.status()).isEqualTo(SourceStatus.RUNNING);
            assertThat(running.holder().pid()).isEqualTo(4242);
            assertThat(running.holder().host()).isEqualTo("host-a");
            assertThat(running.holder().leaseToken()).isEqualTo(lease.token());
            assertThat(running.holder().leaseExpiresAt()).isAfter(Instant.now().plusSeconds(50));
            for (SourceTransition t : List.of(SourceTransition.START_REPLICA, SourceTransition.INIT_REPLICA,
                    SourceTransition.SYNC_TABLES, SourceTransition.REFRESH_SCHEMA)) {
                assertThatThrownBy(() -> catalog.lifecycle().take("mysql", t, 99, "host-b", LONG))
                        .as(t.command()).isInstanceOf(CatalogException.class)
                        .hasMessageContaining("source mysql is running, held by host-a:4242 since ")
                        .hasMessageContaining(t.command() + " refused")
                        .hasMessageContaining("retry after " + running.holder().leaseExpiresAt());
            }
            for (SourceTransition t : List.of(SourceTransition.DETACH_REPLICA, SourceTransition.DROP_SOURCE)) {
                assertThatThrownBy(() -> catalog.sources().drop("mysql", t, "host-b")).as(t.command())
                        .hasMessageContaining("source mysql is running, held by host-a:4242 since ")
                        .hasMessageContaining(t.command() + " refused: one process per source: stop the replica with"
                                + " stop_replica --source mysql on host-a");
            }
            assertThat(catalog.sources().get("mysql").holder().pid()).isEqualTo(4242);

            assertThat(catalog.lifecycle().release(lease, SourceStatus.STOPPED)).isTrue();
            SourceRecord stopped = catalog.sources().get("mysql");
            assertThat(stopped.status()).isEqualTo(SourceStatus.STOPPED);
            assertThat(stopped.holder()).isNull();
            assertThat(strings(c, "SELECT lease_token IS NULL AND lease_expires_at IS NULL FROM sch_chameleon.sources"))
                    .containsExactly("t");
        }
    }

    @Test
    void aTransitionNotAllowedFromTheStatusIsRefusedWithTheStatusAndWhatToDo() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("a", "a"))).sourceId();

            assertThatThrownBy(() -> catalog.lifecycle().take("mysql", SourceTransition.START_REPLICA, 1, "h", LONG))
                    .hasMessage("source mysql is ready; start_replica needs it initialised, stopped or synced: run"
                            + " init_replica --source mysql first");
            assertThatThrownBy(() -> catalog.lifecycle().take("mysql", SourceTransition.SYNC_TABLES, 1, "h", LONG))
                    .hasMessageContaining("source mysql is ready; sync_tables needs");
            setStatus(c, id, SourceStatus.ERROR);
            assertThatThrownBy(() -> catalog.lifecycle().take("mysql", SourceTransition.START_REPLICA, 1, "h", LONG))
                    .hasMessageContaining("source mysql is error;")
                    .hasMessageContaining("enable_replica --source mysql");
            setStatus(c, id, SourceStatus.INITIALISING);
            assertThatThrownBy(() -> catalog.lifecycle().take("mysql", SourceTransition.START_REPLICA, 1, "h", LONG))
                    .hasMessageContaining("its init_replica did not finish");
            assertThat(catalog.sources().get("mysql").status()).isEqualTo(SourceStatus.INITIALISING);

            // init_replica starts over from anything no process holds
            SourceLease init = catalog.lifecycle().take("mysql", SourceTransition.INIT_REPLICA, 1, "h", LONG);
            assertThat(catalog.sources().get("mysql").status()).isEqualTo(SourceStatus.INITIALISING);
            catalog.lifecycle().reach(init, SourceStatus.INITIALISED);
            assertThat(catalog.lifecycle().release(init, null)).isTrue();
            assertThat(catalog.sources().get("mysql").status()).isEqualTo(SourceStatus.INITIALISED);
        }
    }

    @Test
    void enableReplicaTurnsAnErrorIntoStoppedAndLeavesOtherStatusesAlone() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("a", "a"))).sourceId();

            setStatus(c, id, SourceStatus.ERROR);
            assertThat(catalog.lifecycle().enable("mysql")).isEqualTo(SourceStatus.ERROR);
            assertThat(catalog.sources().get("mysql").status()).isEqualTo(SourceStatus.STOPPED);

            setStatus(c, id, SourceStatus.RUNNING);
            assertThat(catalog.lifecycle().enable("mysql")).isEqualTo(SourceStatus.RUNNING);
            assertThat(catalog.sources().get("mysql").status()).isEqualTo(SourceStatus.RUNNING);
        }
    }

    @Test
    void aLapsedLeaseIsTakenOverAndItsFormerHolderCanNeitherRenewNorCommitNorRelease() throws Exception {
        String db = TestServers.createPgDatabase("catalog");
        try (Connection c = TestServers.pgConnection(db); Connection old = TestServers.pgConnection(db)) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("a", "a"))).sourceId();
            setStatus(c, id, SourceStatus.STOPPED);
            SourceLease first = catalog.lifecycle().take("mysql", SourceTransition.START_REPLICA, 11, "host-a", SHORT);
            first.bindTo(old);
            Catalog oldCatalog = Catalog.open(old);
            oldCatalog.positions().recordApplied(id, new AppliedBatch(P1, Instant.now(), 1, 1, 0, 0));

            Thread.sleep(SHORT.lapse().toMillis() + 200);
            SourceLease second = catalog.lifecycle().take("mysql", SourceTransition.START_REPLICA, 22, "host-b", LONG);

            assertThat(catalog.sources().get("mysql").holder().pid()).isEqualTo(22);
            assertThatThrownBy(() -> oldCatalog.lifecycle().renew(first, SHORT.lapse())).isInstanceOf(LeaseLost.class)
                    .hasMessageContaining("start_replica of source mysql lost its lease: it is held by host-b:22 since");
            assertThatThrownBy(() -> oldCatalog.positions().recordApplied(id,
                    new AppliedBatch(new BinlogPosition("mysql-bin.000004", 999, null), Instant.now(), 1, 1, 0, 0)))
                    .isInstanceOf(LeaseLost.class).hasMessageContaining("held by host-b:22");
            assertThat(catalog.sources().get("mysql").applied()).isEqualTo(P1);
            assertThat(oldCatalog.lifecycle().release(first, SourceStatus.ERROR)).isFalse();
            assertThat(catalog.sources().get("mysql").status()).isEqualTo(SourceStatus.RUNNING);

            // a connection bound to no lease commits only while no process holds one
            assertThatThrownBy(() -> catalog.positions().recordApplied(id, new AppliedBatch(P1, Instant.now(), 1, 1, 0, 0)))
                    .isInstanceOf(LeaseLost.class);
            assertThat(catalog.lifecycle().release(second, SourceStatus.STOPPED)).isTrue();
            catalog.positions().recordApplied(id, new AppliedBatch(P1, Instant.now(), 1, 1, 0, 0));
        }
    }

    @Test
    void aHolderOnThisHostWhoseProcessEndedIsTakenOverAtOnce() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("a", "a"))).sourceId();
            setStatus(c, id, SourceStatus.STOPPED);
            Process ended = new ProcessBuilder("true").start();
            ended.waitFor();
            catalog.lifecycle().take("mysql", SourceTransition.START_REPLICA, ended.pid(), "this-host", LONG);

            assertThatThrownBy(() -> catalog.lifecycle().take("mysql", SourceTransition.START_REPLICA, 5, "other-host",
                    LONG)).hasMessageContaining("held by this-host:" + ended.pid());
            SourceLease next = catalog.lifecycle().take("mysql", SourceTransition.START_REPLICA, 5, "this-host", LONG);

            assertThat(catalog.sources().get("mysql").holder().leaseToken()).isEqualTo(next.token());
        }
    }

    /** The transition is one statement: of processes racing for a free source, exactly one gets it. */
    @Test
    void ofProcessesRacingForOneSourceExactlyOneGetsIt() throws Exception {
        String db = TestServers.createPgDatabase("catalog");
        int racers = 4;
        try (Connection c = TestServers.pgConnection(db)) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("a", "a"))).sourceId();
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                for (int round = 0; round < 20; round++) {
                    setStatus(c, id, SourceStatus.STOPPED);
                    CyclicBarrier start = new CyclicBarrier(racers);
                    List<Future<SourceLease>> results = new ArrayList<>();
                    for (int r = 0; r < racers; r++) {
                        long pid = 1000 + r;
                        Callable<SourceLease> race = () -> {
                            try (Connection own = TestServers.pgConnection(db)) {
                                Catalog mine = Catalog.open(own);
                                start.await();
                                return mine.lifecycle().take("mysql", SourceTransition.START_REPLICA, pid,
                                        "host-" + pid, LONG);
                            } catch (CatalogException refused) {
                                assertThat(refused).hasMessageContaining("is running, held by host-");
                                return null;
                            }
                        };
                        results.add(pool.submit(race));
                    }
                    List<SourceLease> winners = new ArrayList<>();
                    for (Future<SourceLease> f : results) {
                        if (f.get() != null) {
                            winners.add(f.get());
                        }
                    }
                    assertThat(winners).as("round " + round).hasSize(1);
                    assertThat(catalog.sources().get("mysql").holder().leaseToken()).isEqualTo(winners.get(0).token());
                    catalog.lifecycle().release(winners.get(0), SourceStatus.STOPPED);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
