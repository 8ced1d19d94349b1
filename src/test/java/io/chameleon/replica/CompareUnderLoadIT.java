package io.chameleon.replica;

import io.chameleon.format.Json;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: compare reports no difference on an exact replica while a random workload writes to
 * MySQL and the replica streams it, in three runs with different seeds ({@code -Dchameleon.compare.seed=N}
 * for one of your own); each run's replica pause is measured and printed.
 */
class CompareUnderLoadIT {
    private static final int COMPARES = 3;

    static LongStream seeds() {
        String seed = System.getProperty("chameleon.compare.seed");
        return seed != null ? LongStream.of(Long.parseLong(seed)) : LongStream.of(11, 22, 33);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noDifferenceWhileTheWorkloadRuns(long seed) throws Exception {
        AtomicInteger nextId = new AtomicInteger();
        ReplicaFixture fx = MixedWorkload.addedSource("compare_load", "    sleep_loop: 1\n", seed, 3000, nextId);
        fx.ok("init_replica", "--source", fx.sourceName);
        RunningReplica replica = RunningReplica.start(fx);
        try (WorkloadWriter writer = WorkloadWriter.start(fx, new MixedWorkload(seed, nextId))) {
            for (int i = 0; i < COMPARES; i++) {
                writer.awaitMore(100);
                ReplicaFixture.Run run = fx.run("compare", "--source", fx.sourceName, "--json");
                assertThat(run.exitCode()).as("seed " + seed + ": " + run.all()).isZero();
                @SuppressWarnings("unchecked")
                Map<String, Object> report = (Map<String, Object>) Json.parse(run.out().strip());
                System.out.printf("seed %d, compare %d at %s:%s while writing: replica paused %s ms (held %s ms),"
                        + " MySQL lock %s ms, %s ms in all%n", seed, i + 1, report.get("binlog_file"),
                        report.get("binlog_position"), report.get("replica_pause_ms"), report.get("replica_held_ms"),
                        report.get("mysql_lock_ms"), report.get("elapsed_ms"));
                assertThat(report.get("equal")).isEqualTo(true);
                assertThat(report.get("replica_pause_ms")).as("the pause is measured").isNotNull();
            }
            writer.finish();
            assertThat(writer.transactions()).isGreaterThan(3L * 100);
        } finally {
            replica.awaitCaughtUp(Duration.ofSeconds(60));
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.diff("items")).isEmpty();
        assertThat(fx.diff("order_lines")).isEmpty();
    }
}
