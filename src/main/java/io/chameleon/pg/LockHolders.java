package io.chameleon.pg;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Says who a session waits for: while the watched session (the applier's) waits for a lock, the
 * sessions holding it are logged at WARN once per wait, each with its pid, user, state and the start
 * of its query, so an operator can find the long transaction or the LOCK TABLE that delays the
 * replica. It looks on a connection of its own, twice a second ({@code pg_blocking_pids}, then
 * {@code pg_stat_activity}); another role's query is shown only to a superuser or a member of
 * pg_read_all_stats.
 */
public final class LockHolders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LockHolders.class);
    private static final long POLL_MILLIS = 500;
    /** Enough of a query to recognise it; the rest may hold values nobody should find in a log. */
    private static final int QUERY_CHARS = 100;
    /** 'text' (with '' inside), E'text' and $tag$text$tag$: literals, which may be secrets. */
    private static final Pattern LITERALS = Pattern.compile("[Ee]?'(?:[^']|'')*'?|\\$([A-Za-z_]*)\\$.*?(?:\\$\\1\\$|$)",
            Pattern.DOTALL);

    private final Connection connection;
    private final PreparedStatement blockers;
    private final String watched;
    private final String lockTimeout;
    private final ScheduledExecutorService poller;
    /** The holders logged during the current wait; emptied once the session no longer waits. */
    private final Set<Integer> reported = new HashSet<>();

    private LockHolders(Connection connection, int pid, String watched, String lockTimeout) throws SQLException {
        this.connection = connection;
        this.blockers = connection.prepareStatement("SELECT a.pid, a.usename, a.state,"
                + " extract(epoch FROM now() - coalesce(a.xact_start, a.query_start))::bigint, a.query"
                + " FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids(?)) ORDER BY a.pid");
        this.blockers.setInt(1, pid);
        this.watched = watched + " (PostgreSQL pid " + pid + ")";
        this.lockTimeout = lockTimeout;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lock-holders");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts watching {@code session}.
     *
     * @param watcher a connection of its own, closed with this
     * @param who the watched session, for the log, e.g. {@code source mysql: the applier}
     * @param lockTimeout how long the session waits before it fails, for the log
     */
    public static LockHolders watch(Connection watcher, Connection session, String who, String lockTimeout)
            throws SQLException {
        LockHolders holders;
        try {
            holders = new LockHolders(watcher, backendPid(session), who, lockTimeout);
        } catch (SQLException e) {
            watcher.close();
            throw e;
        }
        holders.poller.scheduleWithFixedDelay(holders::look, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return holders;
    }

    public static int backendPid(Connection session) throws SQLException {
        try (PreparedStatement s = session.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void look() {
        try (ResultSet rs = blockers.executeQuery()) {
            List<String> holders = new ArrayList<>();
            Set<Integer> now = new HashSet<>();
            while (rs.next()) {
                int pid = rs.getInt(1);
                now.add(pid);
                if (!reported.contains(pid)) {
                    holders.add("pid " + pid + " (user " + rs.getString(2) + ", " + rs.getString(3) + " for "
                            + rs.getLong(4) + " s, query: " + shown(rs.getString(5)) + ")");
                }
            }
            reported.retainAll(now);
            reported.addAll(now);
            if (!holders.isEmpty()) {
                LOG.warn("{} waits for a lock held by {}; it waits at most lock_timeout ({}), then tries again",
                        watched, String.join(", ", holders), lockTimeout);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("{}: cannot look for the holders of the locks it waits for: {}", watched, e.getMessage());
        }
    }

    /** The start of a query, its literals replaced by '…': enough to recognise it, not to leak what it wrote. */
    static String shown(String query) {
        if (query == null || query.startsWith("<insufficient privilege>")) {
            return "not visible to this role";
        }
        String text = LITERALS.matcher(query).replaceAll("'…'").replaceAll("\\s+", " ").strip();
        return text.length() <= QUERY_CHARS ? text : text.substring(0, QUERY_CHARS) + "…";
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("{}: closing the lock watcher's connection: {}", watched, e.getMessage());
        }
    }
}
