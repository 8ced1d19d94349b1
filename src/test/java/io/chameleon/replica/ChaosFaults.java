package io.chameleon.replica;

import io.chameleon.testing.FreezableProxy;
import io.chameleon.testing.PgSession;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.RestartablePostgres;
import io.chameleon.testing.RestartableSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The faults of {@code bench/chaos} ({@link ChaosRun}), each done to a running replica and undone
 * before it returns. What a fault found worth reporting comes back as its note.
 */
final class ChaosFaults {
    /** The replica's lock_timeout in the chaos configuration; a held lock outlasts it. */
    static final int LOCK_TIMEOUT_SECONDS = 2;

    /** The replica process, as the run keeps it: killed and started again by {@link Kind#KILL}. */
    interface Replica {
        void killAndStart() throws Exception;
    }

    enum Kind {
        KILL("SIGKILL of the replica"),
        SOURCE_RESTART("restart of the source server"),
        TARGET_RESTART("restart of PostgreSQL"),
        SOURCE_STALL("network to the source stalled"),
        TARGET_STALL("network to PostgreSQL stalled"),
        LOCK("a user's lock on a replicated table past lock_timeout"),
        DEADLOCK("a deadlock between a user session and the applier");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Random random;
    private final ReplicaFixture fx;
    private final RestartableSource source;
    private final RestartablePostgres target;
    private final FreezableProxy sourceNetwork;
    private final FreezableProxy targetNetwork;
    private final Replica replica;

    ChaosFaults(Random random, ReplicaFixture fx, RestartableSource source, RestartablePostgres target,
            FreezableProxy sourceNetwork, FreezableProxy targetNetwork, Replica replica) {
        this.random = random;
        this.fx = fx;
        this.source = source;
        this.target = target;
        this.sourceNetwork = sourceNetwork;
        this.targetNetwork = targetNetwork;
        this.replica = replica;
    }

    Kind pick() {
        Kind[] kinds = Kind.values();
        return kinds[random.nextInt(kinds.length)];
    }

    /** Does the fault and undoes it; returns a note on what happened, or "". */
    String run(Kind kind) throws Exception {
        switch (kind) {
            case KILL -> replica.killAndStart();
            case SOURCE_RESTART -> {
                source.stop();
                pause(1, 5);
                source.restart();
            }
            case TARGET_RESTART -> {
                target.stop();
                pause(1, 5);
                target.restart();
            }
            case SOURCE_STALL -> stall(sourceNetwork);
            case TARGET_STALL -> stall(targetNetwork);
            case LOCK -> lockTable();
            case DEADLOCK -> {
                return deadlock();
            }
        }
        return "";
    }

    private void stall(FreezableProxy network) throws InterruptedException {
        network.hold();
        try {
            pause(5, 30);
        } finally {
            network.release();
        }
    }

    /** An analyst's LOCK TABLE on items, held three to five times the replica's lock_timeout while items change. */
    private void lockTable() throws Exception {
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            pg.setAutoCommit(false);
            s.execute("LOCK TABLE " + fx.pgSchema + ".items IN ACCESS EXCLUSIVE MODE");
            changeItem(randomItem(pg));
            pause(3 * LOCK_TIMEOUT_SECONDS, 5 * LOCK_TIMEOUT_SECONDS);
            pg.commit();
        }
    }

    /**
     * A user session holds a row of items that MySQL then changes; once the applier waits for that
     * row, the session asks for a lock on the whole table, which the applier's transaction holds
     * against it: PostgreSQL's deadlock detector ends one of the two.
     */
    private String deadlock() throws Exception {
        int id;
        try (Connection pg = fx.pg()) {
            id = randomItem(pg);
        }
        try (PgSession user = PgSession.open(fx)) {
            user.exec("SET LOCAL lock_timeout = '30s'", "SELECT 1 FROM " + fx.pgSchema + ".items WHERE id = " + id + " FOR UPDATE");
            changeItem(id);
            if (!user.awaitWaitedFor(Duration.ofSeconds(30))) {
                user.rollback();
                return "no deadlock formed: the applier did not reach the held row within 30 s";
            }
            try {
                user.exec("LOCK TABLE " + fx.pgSchema + ".items IN SHARE MODE");
                user.commit();
                return "the applier was chosen as the deadlock victim";
            } catch (SQLException e) {
                user.rollback();
                return "40P01".equals(e.getSQLState()) ? "the user session was chosen as the deadlock victim"
                        : "the user session's table lock failed: " + e.getMessage();
            }
        }
    }

    private int randomItem(Connection pg) throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id FROM " + fx.pgSchema + ".items ORDER BY random() LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("items is empty in PostgreSQL");
            }
            return rs.getInt(1);
        }
    }

    /** A committed change of the item in MySQL, riding out the source's absence for up to a minute. */
    private void changeItem(int id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try (Connection my = fx.mysql(); PreparedStatement s = my.prepareStatement(
                    "UPDATE items SET price = price + 1, changed = NOW(3) WHERE id = ?")) {
                s.setInt(1, id);
                s.executeUpdate();
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private void pause(int minSeconds, int maxSeconds) throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(minSeconds) + random.nextInt((maxSeconds - minSeconds) * 1000 + 1));
    }
}
