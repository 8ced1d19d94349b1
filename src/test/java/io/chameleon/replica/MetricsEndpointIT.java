package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.testing.MetricsScrape;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Prometheus endpoint of a running replica, scraped while a writer streams mixed transactions
 * into MySQL: the counters move, the lags are within what the test's own timeline allows, and once
 * the replica has caught up everything read was applied and both sides are equal value by value.
 */
class MetricsEndpointIT {
    private static final String SOURCE = "{source=\"mysql\"}";
    /** The counters a streaming replica moves on. */
    private static final List<String> MOVING = List.of("chameleon_read_transactions_total",
            "chameleon_read_row_changes_total", "chameleon_applied_transactions_total",
            "chameleon_applied_row_changes_total", "chameleon_applied_batches_total");

    @Test
    void servesMovingCountersAndSaneLagsWhileTheReplicaStreams() throws Exception {
        int port = MetricsScrape.freePort();
        ReplicaFixture fx = ReplicaFixture.create("metrics", "    replica_batch_size: 50\n    sleep_loop: 1\n"
                + "    metrics_port: " + port + "\n");
        fx.mysqlExec(MixedWorkload.schema().split(";"));
        AtomicInteger nextId = new AtomicInteger(1);
        try (Connection my = fx.mysql()) {
            new MixedWorkload(1, nextId).bigInsert(my, 200);
        }
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "mysql");
        fx.ok("init_replica", "--source", "mysql", "--debug");
        Instant writerStart = Instant.now();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(fx, nextId, writing, failure), "writer");
        RunningReplica replica = RunningReplica.start(fx, failure);
        writer.start();
        try {
            Map<String, Double> first = awaitSamples(port, "a first batch applied",
                    s -> s.get("chameleon_applied_batches_total" + SOURCE) >= 1, failure);
            for (String counter : MOVING) {
                assertThat(first.get(counter + SOURCE)).as(counter).isPositive();
            }
            Map<String, Double> second = awaitSamples(port, "every read and apply counter past the first scrape",
                    s -> MOVING.stream().allMatch(c -> s.get(c + SOURCE) > first.get(c + SOURCE)), failure);
            assertSaneTimes(second, writerStart);
            assertThat(second).containsEntry("chameleon_up" + SOURCE, 1.0)
                    .containsEntry("chameleon_errors_total" + SOURCE, 0.0)
                    .containsEntry("chameleon_disabled_tables" + SOURCE, 0.0)
                    .containsEntry("chameleon_skipped_row_changes_total{source=\"mysql\",reason=\"skip_events\"}", 0.0)
                    .containsEntry("chameleon_skipped_row_changes_total{source=\"mysql\",reason=\"table_not_replicated\"}", 0.0);
            answersOnlyGetAndHeadOfMetrics(port);

            writing.set(false);
            writer.join();
            try (Connection my = fx.mysql()) {
                ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my), failure::get,
                        Duration.ofSeconds(60));
            }
            Map<String, Double> caughtUp = MetricsScrape.samples(port);
            assertThat(caughtUp.get("chameleon_applied_transactions_total" + SOURCE))
                    .isEqualTo(caughtUp.get("chameleon_read_transactions_total" + SOURCE));
            assertThat(caughtUp.get("chameleon_applied_row_changes_total" + SOURCE))
                    .isEqualTo(caughtUp.get("chameleon_read_row_changes_total" + SOURCE));
        } finally {
            writing.set(false);
            writer.join();
            replica.stop();
        }
        assertThat(failure.get()).isNull();
        assertThat(fx.diff("items")).isEmpty();
        assertThat(fx.diff("order_lines")).isEmpty();
        assertThrows(ConnectException.class, () -> MetricsScrape.request("GET", port, "/metrics"));

        refusesToStartWhenThePortIsTaken(fx, port);
    }

    /** Neither a lag nor the last batch's time can reach back before the writer's first commit. */
    private static void assertSaneTimes(Map<String, Double> samples, Instant writerStart) {
        double sinceWriterStart = Duration.between(writerStart, Instant.now()).toMillis() / 1000.0;
        for (String lag : new String[] {"chameleon_read_lag_seconds", "chameleon_replay_lag_seconds"}) {
            // + 1: the binlog records commit times in whole seconds
            assertThat(samples.get(lag + SOURCE)).as(lag).isBetween(0.0, sinceWriterStart + 1);
        }
        assertThat(samples.get("chameleon_last_applied_timestamp_seconds" + SOURCE))
                .isBetween(writerStart.toEpochMilli() / 1000.0, Instant.now().toEpochMilli() / 1000.0);
    }

    private static void answersOnlyGetAndHeadOfMetrics(int port) throws IOException {
        MetricsScrape.Response head = MetricsScrape.request("HEAD", port, "/metrics");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(head.body()).isEmpty();
        MetricsScrape.Response post = MetricsScrape.request("POST", port, "/metrics");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.allow()).isEqualTo("GET, HEAD");
        MetricsScrape.Response elsewhere = MetricsScrape.request("GET", port, "/");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body()).contains("/metrics");
    }

    /** A port another process holds: the start fails with the address and the keys, and the status is untouched. */
    private static void refusesToStartWhenThePortIsTaken(ReplicaFixture fx, int port) throws Exception {
        ChameleonConfig config = ConfigLoader.load(fx.configFile);
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            ReplicaDaemon daemon = ReplicaDaemon.prepare(config, config.source("mysql"));
            IOException refused = assertThrows(IOException.class, daemon::run);
            assertThat(refused.getMessage()).startsWith("source mysql: cannot serve metrics on 127.0.0.1:" + port
                    + " (metrics_address, metrics_port): ").endsWith("; choose a free port, or remove metrics_port");
        }
        try (Connection pg = fx.pg()) {
            assertThat(Catalog.open(pg).sources().get(fx.sourceName).status()).isEqualTo(SourceStatus.STOPPED);
        }
    }

    private static void write(ReplicaFixture fx, AtomicInteger nextId, AtomicBoolean writing,
            AtomicReference<Throwable> failure) {
        try (Connection my = fx.mysql()) {
            MixedWorkload workload = new MixedWorkload(2, nextId);
            while (writing.get()) {
                workload.transaction(my);
                Thread.sleep(5);
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    private static Map<String, Double> awaitSamples(int port, String expected, Predicate<Map<String, Double>> ready,
            AtomicReference<Throwable> failure) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Double> last = null;
        while (true) {
            if (failure.get() != null) {
                throw new AssertionError("the replica or the writer failed", failure.get());
            }
            try {
                last = MetricsScrape.samples(port);
                if (ready.test(last)) {
                    return last;
                }
            } catch (ConnectException notListeningYet) {
                // the replica is still starting
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no scrape showed " + expected + " within 60 s; the last: " + last);
            }
            Thread.sleep(100);
        }
    }
}
