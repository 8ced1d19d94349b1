package io.chameleon.replica;

import io.chameleon.replica.ChaosFaults.Kind;
import io.chameleon.testing.BackgroundProcess;
import io.chameleon.testing.FreezableProxy;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.RestartablePostgres;
import io.chameleon.testing.RestartableSource;
import io.chameleon.testing.TestServers;
import io.chameleon.testing.TestServers.Endpoint;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench/chaos}: a replica of {@link MixedWorkload} (foreign-key tables included) runs for a
 * set time while a writer keeps writing and random {@link ChaosFaults} hit it one after the other;
 * after each, the run waits until the replica applied what the source had logged when the fault
 * ended. At the end every table is compared value by value, and the replica must be running with
 * every table still replicated. Prints the faults survived and the differences found; exits 1 when
 * anything differs, a table was left out or the replica ended by itself.
 *
 * <p>System properties: {@code chaos.minutes} (30), {@code chaos.seed}, {@code chaos.keep} (keep the
 * replica's directory), {@code chameleon.test.source} (mariadb or mysql).
 */
public final class ChaosRun {
    private static final String[] TABLES = {"items", "order_lines", "parents", "children", "nulled", "toys"};
    private static final String LOG_NAME = "test_mysql_replica";
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(5);

    private final ReplicaFixture fx;
    private final List<String> endedByItself = new ArrayList<>();
    private BackgroundProcess replica;

    private ChaosRun(ReplicaFixture fx) {
        this.fx = fx;
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofMinutes(Long.getLong("chaos.minutes", 30));
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        say("chaos: " + length.toMinutes() + " min against " + TestServers.flavour().name().toLowerCase()
                + ", seed " + seed + " (again with CHAOS_SEED=" + seed + ")");
        int exit;
        try (RestartableSource source = RestartableSource.start();
                RestartablePostgres target = RestartablePostgres.start();
                FreezableProxy sourceNetwork = proxy(source.endpoint());
                FreezableProxy targetNetwork = proxy(target.endpoint())) {
            exit = run(length, new Random(seed), source, target, sourceNetwork, targetNetwork);
        }
        System.exit(exit);
    }

    private static int run(Duration length, Random random, RestartableSource source, RestartablePostgres target,
            FreezableProxy sourceNetwork, FreezableProxy targetNetwork) throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = ReplicaFixture.create("chaos", "    replica_batch_size: 200\n    sleep_loop: 1\n"
                + "    on_error_read: continue\n    on_error_replay: continue\n", source.endpoint(), target.endpoint());
        fx.mysqlExec(MixedWorkload.foreignKeySchema().split(";"));
        MixedWorkload.addedSource(fx, random.nextLong(), 300, nextId);
        fx.ok("init_replica", "--source", fx.sourceName);
        // the replica reaches both servers through the proxies; the run and the writer go direct
        fx.useConfig(fx.config().replace("log_dest: stdout\n", "log_dest: file\n")
                .replace("lock_timeout: \"30s\"", "lock_timeout: \"" + ChaosFaults.LOCK_TIMEOUT_SECONDS + "s\"")
                .replace("port: \"" + source.endpoint().port() + "\"", "port: \"" + sourceNetwork.port() + "\"")
                .replace("port: \"" + target.endpoint().port() + "\"", "port: \"" + targetNetwork.port() + "\""));
        ChaosRun chaos = new ChaosRun(fx);
        ChaosFaults faults = new ChaosFaults(random, fx, source, target, sourceNetwork, targetNetwork, chaos::restart);

        chaos.start();
        try {
            return run(length, random, nextId, fx, chaos, faults);
        } finally {
            if (chaos.replica.isAlive()) {
                chaos.replica.kill(); // never leave a daemon behind, whatever ended the run
            }
        }
    }

    private static int run(Duration length, Random random, AtomicInteger nextId, ReplicaFixture fx, ChaosRun chaos,
            ChaosFaults faults) throws Exception {
        Map<Kind, Integer> done = new EnumMap<>(Kind.class);
        Map<Kind, Duration> slowestRecovery = new EnumMap<>(Kind.class);
        Map<String, Integer> notes = new TreeMap<>();
        String unrecovered = null;
        long deadline = System.nanoTime() + length.toNanos();
        long writes;
        try (WorkloadWriter writer = WorkloadWriter.startRidingOutOutages(fx, new MixedWorkload(random.nextLong(),
                nextId, true))) {
            while (System.nanoTime() < deadline) {
                Thread.sleep(5_000 + random.nextInt(15_000));
                Kind kind = faults.pick();
                say("fault " + (done.values().stream().mapToInt(Integer::intValue).sum() + 1) + ": " + kind.label);
                String note = faults.run(kind);
                if (!note.isEmpty()) {
                    notes.merge(kind.label + ": " + note, 1, Integer::sum);
                }
                Duration recovery;
                try {
                    recovery = chaos.awaitRecovered();
                } catch (AssertionError e) {
                    unrecovered = kind.label + ": " + e.getMessage();
                    say("  NOT recovered: " + e.getMessage());
                    break;
                }
                done.merge(kind, 1, Integer::sum);
                slowestRecovery.merge(kind, recovery, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                say("  recovered in " + recovery.toMillis() + " ms; " + writer.transactions() + " transactions written");
            }
            writer.finish();
            writes = writer.transactions();
        }
        if (unrecovered == null) {
            chaos.awaitRecovered();
        }
        List<String> leftOut = chaos.tablesLeftOut();
        Map<String, Integer> differences = new TreeMap<>();
        for (String table : TABLES) {
            List<String> diff = fx.diff(table);
            if (!diff.isEmpty()) {
                differences.put(table, diff.size());
                diff.stream().limit(5).forEach(d -> say("  " + table + ": " + d));
            }
        }
        boolean running = chaos.replica.isAlive();
        fx.ok("stop_replica", "--source", fx.sourceName);

        say("");
        say("chaos report: " + writes + " transactions written over " + length.toMinutes() + " min");
        done.forEach((kind, n) -> say(String.format("  %-55s %4d survived, slowest recovery %,d ms", kind.label, n,
                slowestRecovery.get(kind).toMillis())));
        notes.forEach((note, n) -> say("  " + n + " x " + note));
        say("  replica ended by itself: " + chaos.endedByItself.size() + " time(s)");
        chaos.endedByItself.forEach(r -> say("    " + r));
        say("  tables left out of replay: " + (leftOut.isEmpty() ? "none" : String.join("; ", leftOut)));
        say("  differences: " + (differences.isEmpty() ? "none (" + TABLES.length + " tables compared value by value)"
                : differences + " (lines of the comparison, at most 20 a table)"));
        say("  not recovered: " + (unrecovered == null ? "none" : unrecovered));
        boolean clean = unrecovered == null && differences.isEmpty() && leftOut.isEmpty() && chaos.endedByItself.isEmpty() && running;
        say(clean ? "chaos: PASSED" : "chaos: FAILED");
        if (Boolean.getBoolean("chaos.keep") || !clean) {
            say("replica directory kept: " + fx.dir + " (logs in " + fx.dir.resolve("logs") + ")");
        }
        return clean ? 0 : 1;
    }

    private static FreezableProxy proxy(Endpoint server) throws Exception {
        return new FreezableProxy(server.host(), server.port());
    }

    private void start() {
        ReplicaFixture.Run start = fx.run("start_replica", "--source", fx.sourceName);
        Path logs = fx.dir.resolve("logs");
        if (start.exitCode() != 0) {
            throw new IllegalStateException("start_replica failed: " + start.all() + BackgroundProcess.logs(logs, LOG_NAME));
        }
        replica = BackgroundProcess.of(start, logs, LOG_NAME);
    }

    private void restart() throws Exception {
        replica.kill();
        start();
    }

    /**
     * Waits until the replica applied everything the source logged by now. A replica that ended by
     * itself is recorded, enabled and started again.
     */
    private Duration awaitRecovered() throws Exception {
        long started = System.nanoTime();
        while (true) {
            if (!replica.isAlive()) {
                endedByItself.add(lastError());
                fx.run("enable_replica", "--source", fx.sourceName);
                start();
            }
            try (Connection my = fx.mysql()) {
                BackgroundProcess current = replica;
                ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my),
                        () -> current.isAlive() ? null : new IllegalStateException("the replica ended"), RECOVERY_LIMIT);
                return Duration.ofNanos(System.nanoTime() - started);
            } catch (AssertionError e) {
                if (replica.isAlive()) {
                    throw e; // not recovered within the limit
                }
                // ended: recorded and started again on the next round
            }
        }
    }

    private String lastError() {
        String log = BackgroundProcess.logs(fx.dir.resolve("logs"), LOG_NAME);
        return log.lines().filter(l -> l.contains(" ERROR ")).reduce((a, b) -> b).orElse("(no ERROR line in its log)");
    }

    private List<String> tablesLeftOut() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection pg = fx.pg(); Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT mysql_table, not_replicated_reason FROM sch_chameleon.replicated_tables WHERE NOT replicated")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " (" + rs.getString(2) + ")");
            }
        }
        return out;
    }

    private static void say(String line) {
        System.out.println(line);
    }

}
