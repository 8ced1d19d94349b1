package io.chameleon.alert;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A Rollbar that never answers, or refuses connections, neither slows init_replica much nor stops the replica. */
class DeadRollbarIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aDeadEndpointNeitherSlowsNorStopsTheWork() throws Exception {
        try (BlackHole hole = new BlackHole(); ServerSocket closed = new ServerSocket(0)) {
            String refused = "http://127.0.0.1:" + closed.getLocalPort() + "/api/1/item/";
            closed.close();

            ReplicaFixture none = loaded("rollbar_none", null);
            ReplicaFixture silent = loaded("rollbar_hole", hole.endpoint());
            ReplicaFixture refusing = loaded("rollbar_refused", refused);
            timedInit(none); // the first init_replica of the JVM warms it up
            long without = timedInit(none);
            long withHole = timedInit(silent);
            long withRefusal = timedInit(refusing);
            System.out.printf("init_replica: %d ms without Rollbar, %d ms with one that never answers, %d ms with one"
                    + " that refuses%n", without, withHole, withRefusal);
            // the end of init_replica waits at most Alerts.FLUSH_WAIT for its item
            assertThat(withHole - without).as("init_replica: %d ms without Rollbar, %d ms with a silent one", without,
                    withHole).isLessThan(Alerts.FLUSH_WAIT.toMillis() + 6_000);
            assertThat(withRefusal - without).as("init_replica: %d ms without Rollbar, %d ms with a refusing one",
                    without, withRefusal).isLessThan(5_000);

            // the replica goes on while two tables left out are reported to nobody; the log says so once
            RollbarIT.pgExec(silent, "ALTER TABLE " + silent.pgSchema + ".bad1 ADD CONSTRAINT small1 CHECK (v < 100)");
            RollbarIT.pgExec(silent, "ALTER TABLE " + silent.pgSchema + ".bad2 ADD CONSTRAINT small2 CHECK (v < 100)");
            Process replica = silent.startReplicaProcess();
            try {
                silent.mysqlExec("INSERT INTO good VALUES (1001, 'x', 1.5)", "INSERT INTO bad1 VALUES (1, 500)");
                silent.mysqlExec("UPDATE good SET v = concat(v, '!') WHERE id <= 100", "INSERT INTO bad2 VALUES (1, 500)");
                silent.mysqlExec("DELETE FROM good WHERE id BETWEEN 200 AND 300", "INSERT INTO good VALUES (1002, 'y', 2)");
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!(silent.pgStrings("SELECT count(*) FROM sch_chameleon.replicated_tables WHERE NOT replicated")
                        .equals(List.of("2")) && silent.diff("good").isEmpty()) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(silent.diff("good")).as(silent.startReplicaOutput()).isEmpty();
                // both items time out (3 s each) while the replica goes on
                Thread.sleep(2 * Alerts.FLUSH_WAIT.toMillis() + 2_000);
                assertThat(replica.isAlive()).as(silent.startReplicaOutput()).isTrue();
                assertThat(count(silent.startReplicaOutput(), "is unreachable")).as(silent.startReplicaOutput())
                        .isEqualTo(1);
                assertThat(silent.startReplicaOutput()).doesNotContain(RollbarIT.KEY);
            } finally {
                replica.destroy();
                assertThat(replica.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    /** Three tables, good with 1,000 rows; init_replica not yet run. */
    private static ReplicaFixture loaded(String name, String endpoint) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(name, "    sleep_loop: 1\n    on_error_replay: continue\n");
        if (endpoint != null) {
            RollbarIT.useRollbar(fx, endpoint);
        }
        fx.mysqlExec("CREATE TABLE good (id int PRIMARY KEY, v varchar(40), d decimal(10,2))",
                "CREATE TABLE bad1 (id int PRIMARY KEY, v int)", "CREATE TABLE bad2 (id int PRIMARY KEY, v int)",
                "INSERT INTO good SELECT seq, concat('row ', seq), seq / 7 FROM seq_1_to_1000");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "mysql");
        return fx;
    }

    private static long timedInit(ReplicaFixture fx) {
        long start = System.nanoTime();
        fx.ok("init_replica", "--source", "mysql");
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Accepts connections and never answers. */
    private static final class BlackHole implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket s = socket.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                }
            } catch (IOException closed) {
                // close()
            }
        }, "rollbar-black-hole");

        BlackHole() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/api/1/item/";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
