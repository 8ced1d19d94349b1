package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.LeaseTerms;
import io.chameleon.catalog.SourceHolder;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One process per source, through the lease in the catalogue. Each replica here runs as a process
 * of its own, as a user starts it, with a configuration of its own (its own pid_dir, as on another
 * host), so only the catalogue can keep two of them apart.
 */
class SourceLeaseIT {
    private static final String[] TABLES = {"items", "order_lines"};
    /** The test's lapse, so a killed holder's lease lapses in seconds (renewed every second). */
    private static final String LAPSE_SECONDS = "6";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void ofTwoStartReplicasRacingForOneSourceExactlyOneRuns() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = MixedWorkload.addedSource("lease_race", "", 1, 50, nextId);
        fx.ok("init_replica", "--source", "mysql");
        Path hostA = hostConfig(fx, "a");
        Path hostB = hostConfig(fx, "b");

        for (int round = 0; round < 4; round++) {
            Replica a = Replica.start(fx, hostA, "race" + round + "a");
            Replica b = Replica.start(fx, hostB, "race" + round + "b");
            try {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (a.process.isAlive() && b.process.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Replica loser = a.process.isAlive() ? b : a;
                Replica winner = loser == a ? b : a;
                assertThat(loser.process.isAlive()).as("round %d: one of them ends%s%s", round, a.output(), b.output())
                        .isFalse();
                assertThat(winner.process.isAlive()).as("round %d: the other runs%s%s", round, a.output(), b.output())
                        .isTrue();
                assertThat(loser.process.exitValue()).as("round %d: refused%s", round, loser.output()).isEqualTo(4);
                List<String> lines = loser.output().lines().filter(l -> l.startsWith("chameleon: ")).toList();
                assertThat(lines).as("round %d: one line%s", round, loser.output()).hasSize(1);
                assertThat(lines.get(0)).as("round %d", round).contains("source mysql is running, held by "
                        + InetAddress.getLocalHost().getHostName() + ":" + winner.process.pid() + " since ",
                        "start_replica refused: one process per source: stop the replica with stop_replica --source mysql",
                        "retry after");
                SourceRecord held = record(fx);
                assertThat(held.status()).isEqualTo(SourceStatus.RUNNING);
                assertThat(held.holder().pid()).as("round %d: the catalogue names the one that runs", round)
                        .isEqualTo(winner.process.pid());
            } finally {
                a.stop();
                b.stop();
            }
            assertThat(a.process.exitValue() == 0 || b.process.exitValue() == 0).as("round %d: stopped cleanly%s%s",
                    round, a.output(), b.output()).isTrue();
            SourceRecord stopped = record(fx);
            assertThat(stopped.status()).isEqualTo(SourceStatus.STOPPED);
            assertThat(stopped.holder()).isNull();
        }
    }

    @Test
    void initReplicaWhileAReplicaRunsIsRefusedAndTheReplicaGoesOn() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = MixedWorkload.addedSource("lease_init", "", 2, 50, nextId);
        fx.ok("init_replica", "--source", "mysql");
        Replica replica = Replica.start(fx, hostConfig(fx, "a"), "running");
        try {
            replica.awaitRunning(fx);

            for (List<String> args : List.of(List.of("init_replica"), List.of("sync_tables", "--tables",
                    fx.mysqlSchema + ".items"), List.of("refresh_schema", "--schema", fx.mysqlSchema),
                    List.of("detach_replica", "--yes"), List.of("drop_source", "--yes"))) {
                String command = args.get(0);
                List<String> rest = new ArrayList<>(args.subList(1, args.size()));
                rest.addAll(List.of("--source", "mysql"));
                ReplicaFixture.Run refused = fx.run(command, rest.toArray(String[]::new));
                assertThat(refused.exitCode()).as(command + ": " + refused.all()).isEqualTo(4);
                assertThat(refused.err()).as(command).contains("source mysql is running, held by "
                        + InetAddress.getLocalHost().getHostName() + ":" + replica.process.pid() + " since ",
                        "stop_replica --source mysql");
                assertThat(refused.err().lines().count()).as(command + ": " + refused.err()).isEqualTo(1);
            }

            try (Connection my = fx.mysql()) {
                MixedWorkload after = new MixedWorkload(3, nextId);
                for (int i = 0; i < 30; i++) {
                    after.transaction(my);
                }
                replica.awaitCaughtUp(fx, my);
            }
            assertThat(record(fx).holder().pid()).isEqualTo(replica.process.pid());
            for (String table : TABLES) {
                assertThat(fx.diff(table)).as(table).isEmpty();
            }
        } finally {
            replica.stop();
        }
        assertThat(replica.process.exitValue()).as(replica.output()).isZero();
    }

    /**
     * A holder this host cannot see (on another host: here, a killed replica the catalogue is made to
     * name on one) keeps the source until its lease lapses; then the next start takes it over and
     * replicates exactly from where the killed one committed.
     */
    @Test
    void aKilledReplicasLeaseIsTakenOverOnceItLapses() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = MixedWorkload.addedSource("lease_lapse", "", 4, 50, nextId);
        fx.ok("init_replica", "--source", "mysql");
        Path hostA = hostConfig(fx, "a");
        Path hostB = hostConfig(fx, "b");
        MixedWorkload workload = new MixedWorkload(5, nextId);

        Replica killed = Replica.start(fx, hostA, "killed");
        try (Connection my = fx.mysql()) {
            killed.awaitRunning(fx);
            for (int i = 0; i < 30; i++) {
                workload.transaction(my);
            }
            killed.awaitCaughtUp(fx, my);
            killed.process.destroyForcibly();
            assertThat(killed.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
                s.execute("UPDATE sch_chameleon.sources SET process_host = 'elsewhere'");
            }
            SourceHolder left = record(fx).holder();
            assertThat(left.pid()).isEqualTo(killed.process.pid());
            for (int i = 0; i < 30; i++) {
                workload.transaction(my);
            }

            Replica early = Replica.start(fx, hostB, "early");
            assertThat(early.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(early.output()).isTrue();
            // the early start may come after the lapse on a slow machine: then it took the source over
            if (Instant.now().isBefore(left.leaseExpiresAt().minusSeconds(1)) || early.process.exitValue() == 4) {
                assertThat(early.process.exitValue()).as(early.output()).isEqualTo(4);
                assertThat(early.output()).contains("chameleon: source mysql is running, held by elsewhere:"
                        + killed.process.pid() + " since ", "retry after " + left.leaseExpiresAt());
                assertThat(record(fx).holder().leaseToken()).isEqualTo(left.leaseToken());
            }

            while (Instant.now().isBefore(left.leaseExpiresAt().plusMillis(500))) {
                Thread.sleep(200);
            }
            for (int i = 0; i < 30; i++) {
                workload.transaction(my);
            }
            Replica next = Replica.start(fx, hostB, "next");
            try {
                next.awaitRunning(fx);
                next.awaitOutput("replica of source mysql starts at");
                for (int i = 0; i < 30; i++) {
                    workload.transaction(my);
                }
                next.awaitCaughtUp(fx, my);
                assertThat(record(fx).holder().pid()).isEqualTo(next.process.pid());
                for (String table : TABLES) {
                    assertThat(fx.diff(table)).as(table + next.output()).isEmpty();
                }
            } finally {
                next.stop();
            }
            assertThat(next.process.exitValue()).as(next.output()).isZero();
            assertThat(record(fx).status()).isEqualTo(SourceStatus.STOPPED);
        }
    }

    /**
     * A replica paused (SIGSTOP) past its lease's lapse while another takes the source over: once
     * resumed it stops with one line and exit 1, writes nothing more, and the new holder replicates
     * exactly.
     */
    @Test
    void aReplicaPausedPastItsLapseStopsWhenItResumesAndTheNewHolderGoesOn() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = MixedWorkload.addedSource("lease_pause", "", 6, 50, nextId);
        fx.ok("init_replica", "--source", "mysql");
        MixedWorkload workload = new MixedWorkload(7, nextId);
        Replica paused = Replica.start(fx, hostConfig(fx, "a"), "paused");
        try (Connection my = fx.mysql()) {
            paused.awaitRunning(fx);
            signal("STOP", paused.process.pid());
            SourceHolder left = record(fx).holder();
            while (Instant.now().isBefore(left.leaseExpiresAt().plusMillis(500))) {
                Thread.sleep(200);
            }
            // another server id: the paused process's binlog connection stays open while it is stopped, and
            // MariaDB refuses a second one with the same id (error 4052) until it closes
            Path hostB = hostConfig(fx, "b");
            Files.writeString(hostB, Files.readString(hostB).replace("my_server_id: 100", "my_server_id: 101"));
            Replica next = Replica.start(fx, hostB, "after-pause");
            try {
                next.awaitRunning(fx);
                for (int i = 0; i < 30; i++) {
                    workload.transaction(my);
                }
                next.awaitCaughtUp(fx, my);
                signal("CONT", paused.process.pid());
                assertThat(paused.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(paused.output()).isTrue();
                assertThat(paused.process.exitValue()).as(paused.output()).isEqualTo(1);
                assertThat(paused.output().lines().filter(l -> l.startsWith("chameleon: ")).toList()).as(paused.output())
                        .singleElement().asString().contains("start_replica of source mysql lost its lease: it is held by "
                        + InetAddress.getLocalHost().getHostName() + ":" + next.process.pid() + " since ",
                        "it stops without writing more");
                for (int i = 0; i < 30; i++) {
                    workload.transaction(my);
                }
                next.awaitCaughtUp(fx, my);
                SourceRecord now = record(fx);
                assertThat(now.status()).isEqualTo(SourceStatus.RUNNING);
                assertThat(now.holder().pid()).isEqualTo(next.process.pid());
                for (String table : TABLES) {
                    assertThat(fx.diff(table)).as(table + next.output()).isEmpty();
                }
            } finally {
                next.stop();
            }
            assertThat(next.process.exitValue()).as(next.output()).isZero();
        } finally {
            if (paused.process.isAlive()) {
                signal("CONT", paused.process.pid());
                paused.stop();
            }
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor()).isZero();
    }

    /** The fixture's configuration with a pid_dir and log_dir of its own, as another host would have. */
    private static Path hostConfig(ReplicaFixture fx, String host) throws IOException {
        Path config = fx.dir.resolve("host-" + host + ".yml");
        Files.writeString(config, fx.config().replace(fx.dir.resolve("pid").toString(), fx.dir.resolve("pid-" + host)
                .toString()).replace(fx.dir.resolve("logs").toString(), fx.dir.resolve("logs-" + host).toString()));
        return config;
    }

    private static SourceRecord record(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName);
        }
    }

    /** {@code start_replica --debug} in a process of its own, from the built jar, with the test's lease lapse. */
    private record Replica(Process process, Path out) {
        static Replica start(ReplicaFixture fx, Path config, String name) throws IOException {
            Path out = fx.dir.resolve("start_replica-" + name + ".out");
            ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Path.of("target", "chameleon.jar").toString(), "start_replica", "--config", config.toString(),
                    "--source", fx.sourceName, "--debug").redirectErrorStream(true).redirectOutput(out.toFile());
            b.environment().put(LeaseTerms.ENV, LAPSE_SECONDS);
            return new Replica(b.start(), out);
        }

        String output() {
            try {
                return "\n--- " + out.getFileName() + " ---\n" + (Files.exists(out) ? Files.readString(out) : "");
            } catch (IOException e) {
                return "\n(" + out + " unreadable: " + e.getMessage() + ")";
            }
        }

        /** Until the catalogue names this process as the source's running holder. */
        void awaitRunning(ReplicaFixture fx) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                SourceRecord r = record(fx);
                if (r.status() == SourceStatus.RUNNING && r.holder() != null && r.holder().pid() == process.pid()) {
                    return;
                }
                assertThat(process.isAlive()).as("the replica runs" + output()).isTrue();
                assertThat(System.nanoTime()).as("running within " + WAIT + output()).isLessThan(deadline);
                Thread.sleep(200);
            }
        }

        /** Until its output holds {@code text}: the output is written after the catalogue shows it running. */
        void awaitOutput(String text) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!output().contains(text)) {
                assertThat(process.isAlive()).as("the replica runs" + output()).isTrue();
                assertThat(System.nanoTime()).as("'" + text + "' within " + WAIT + output()).isLessThan(deadline);
                Thread.sleep(200);
            }
        }

        void awaitCaughtUp(ReplicaFixture fx, Connection my) throws Exception {
            ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my),
                    () -> process.isAlive() ? null : new AssertionError("the replica ended" + output()), WAIT);
        }

        /** SIGTERM, as stop_replica sends, then waits for it to end. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
