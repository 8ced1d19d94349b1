package io.chameleon.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL user's session on the target, as an analyst's or an application's: one open
 * transaction whose locks the replica meets, its backend pid (what the replica's log should name),
 * and a look at who waits for it.
 */
public final class PgSession implements AutoCloseable {
    private final ReplicaFixture fx;
    private final Connection connection;
    private final int pid;

    private PgSession(ReplicaFixture fx, Connection connection) throws SQLException {
        this.fx = fx;
        this.connection = connection;
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            this.pid = rs.getInt(1);
        }
    }

    /** A session on the fixture's target database; its statements run in one transaction until {@link #rollback()}. */
    public static PgSession open(ReplicaFixture fx) throws SQLException {
        return new PgSession(fx, fx.pg());
    }

    public int pid() {
        return pid;
    }

    /** Runs the statements in the session's transaction; a statement that waits for a lock returns once granted. */
    public void exec(String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    /** Ends the transaction without a trace, releasing its locks. */
    public void rollback() throws SQLException {
        connection.rollback();
    }

    /** Waits until another session waits for a lock this one holds; false when none did within {@code timeout}. */
    public boolean awaitWaitedFor(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection watcher = fx.pg(); PreparedStatement s = watcher.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
            s.setInt(1, pid);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return true;
                    }
                }
                Thread.sleep(20);
            }
        }
        return false;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
