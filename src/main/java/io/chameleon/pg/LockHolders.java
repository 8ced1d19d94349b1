package io.chameleon.pg;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Says who a session waits for: while the watched session (the applier's) waits for a lock, the
 * sessions holding it are logged at WARN, each with its pid, user, state and the start of its
 * query, so an operator can find the long transaction or the LOCK TABLE that delays the replica.
 * Each holding transaction is logged once, however many times the replica fails on its lock and
 * tries again. It looks on a connection of its own, opened again after a failure, twice a second
 * ({@code pg_blocking_pids}, then {@code pg_stat_activity}); another role's query is shown only to
 * a superuser or a member of pg_read_all_stats.
 */
public final class LockHolders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LockHolders.class);
    private static final long POLL_MILLIS = 500;
    /** Enough of a query to recognise it; the rest may hold values nobody should find in a log. */
    private static final int QUERY_CHARS = 100;
    /** Holding transactions remembered as logged; older ones may be logged again. */
    private static final int REMEMBERED = 100;
    /** 'text' (with '' inside), E'text' and $tag$text$tag$: literals, which may be secrets. */
    private static final Pattern LITERALS = Pattern.compile("[Ee]?'(?:[^']|'')*'?|\\$([A-Za-z_]*)\\$.*?(?:\\$\\1\\$|$)",
            Pattern.DOTALL);

    private final PgConnector pg;
    private final String who;
    private final String lockTimeout;
    private final ScheduledExecutorService poller;
    /** Holding transactions logged already, as pid and transaction start. */
    private final Set<String> reported = new LinkedHashSet<>();
    private volatile int watchedPid;
    private Connection connection;
    private PreparedStatement blockers;

    private LockHolders(PgConnector pg, String who, String lockTimeout) {
        this.pg = pg;
        this.who = who;
        this.lockTimeout = lockTimeout;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lock-holders");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts looking; {@link #watch} says at which session.
     *
     * @param who the watched session, for the log, e.g. {@code source mysql: the applier}
     * @param lockTimeout how long the session waits before it fails, for the log
     */
    public static LockHolders start(PgConnector pg, String who, String lockTimeout) {
        LockHolders holders = new LockHolders(pg, who, lockTimeout);
        holders.poller.scheduleWithFixedDelay(holders::look, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return holders;
    }

    /** Looks at {@code session} from now on (the applier's connection of the current attempt). */
    public void watch(Connection session) throws SQLException {
        try (PreparedStatement s = session.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            watchedPid = rs.getInt(1);
        }
    }

    private void look() {
        int pid = watchedPid;
        if (pid == 0) {
            return;
        }
        try {
            if (connection == null) {
                connection = pg.open();
                blockers = connection.prepareStatement("SELECT a.pid, a.usename, a.state,"
                        + " extract(epoch FROM now() - coalesce(a.xact_start, a.query_start))::bigint, a.query,"
                        + " a.xact_start FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids(?)) ORDER BY a.pid");
            }
            blockers.setInt(1, pid);
            List<String> holders = new ArrayList<>();
            try (ResultSet rs = blockers.executeQuery()) {
                while (rs.next()) {
                    if (remembered(rs.getInt(1) + "@" + rs.getString(6))) {
                        holders.add("pid " + rs.getInt(1) + " (user " + rs.getString(2) + ", " + rs.getString(3)
                                + " for " + rs.getLong(4) + " s, query: " + shown(rs.getString(5)) + ")");
                    }
                }
            }
            if (!holders.isEmpty()) {
                LOG.warn("{} (PostgreSQL pid {}) waits for a lock held by {}; it waits at most lock_timeout ({}), then"
                        + " tries again", who, pid, String.join(", ", holders), lockTimeout);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("{}: cannot look for the holders of the locks it waits for: {}", who, e.getMessage());
            closeConnection();
        }
    }

    /** Whether the holding transaction is new, remembering it. */
    private boolean remembered(String holder) {
        if (!reported.add(holder)) {
            return false;
        }
        if (reported.size() > REMEMBERED) {
            reported.remove(reported.iterator().next());
        }
        return true;
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
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("{}: closing the lock watcher's connection: {}", who, e.getMessage());
            }
            connection = null;
        }
    }
}
