package io.chameleon.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Every change of a source's status, each one atomic statement: the check of the status (and of
 * the lease) is in the statement's WHERE, so two processes can never both pass it. A command
 * that works on a source takes its lease ({@link SourceTransition}), renews it while it works,
 * and releases it when it ends; a live lease held by another process refuses it with one line
 * naming the holder. A lease not renewed for its lapse (its holder was killed, or its host lost)
 * is taken over, at once when the holder was on this host and its process is gone.
 */
public final class SourceLifecycle {
    /** No live lease, or the lease of a holder known to be gone (the parameter). */
    static final String LEASE_FREE = "(lease_token IS NULL OR lease_expires_at < clock_timestamp()"
            + " OR lease_token = ?)";

    private final Connection connection;
    private final SourceRegistry sources;

    SourceLifecycle(Connection connection) {
        this.connection = connection;
        this.sources = new SourceRegistry(connection);
    }

    /**
     * Takes the source's lease for {@code transition} and sets its status, in one statement.
     *
     * @throws CatalogException naming the current status, or the live holder, and what to do
     */
    public SourceLease take(String sourceName, SourceTransition transition, long pid, String host, LeaseTerms terms)
            throws SQLException {
        if (transition.during() == null) {
            throw new IllegalArgumentException(transition.command() + " removes the source: SourceRegistry.drop, not a lease");
        }
        int id = sources.id(sourceName);
        UUID token = UUID.randomUUID();
        if (tryTake(id, transition, pid, host, terms, token, null)) {
            return new SourceLease(id, sourceName, token, transition);
        }
        SourceRecord found = sources.get(sourceName);
        SourceHolder holder = found.holder();
        if (holder != null && holder.leaseToken() != null && holder.deadOn(host)
                && tryTake(id, transition, pid, host, terms, token, holder.leaseToken())) {
            return new SourceLease(id, sourceName, token, transition);
        }
        throw new CatalogException(refusal(transition, sources.get(sourceName)));
    }

    private boolean tryTake(int id, SourceTransition transition, long pid, String host, LeaseTerms terms, UUID token,
            UUID deadHolder) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.sources SET status = ?,"
                + " status_changed_at = clock_timestamp(), process_pid = ?, process_host = ?,"
                + " process_started_at = clock_timestamp(), lease_token = ?,"
                + " lease_expires_at = clock_timestamp() + ? * interval '1 millisecond'"
                + " WHERE source_id = ? AND status = ANY(?) AND " + LEASE_FREE + " RETURNING source_id")) {
            Array from = connection.createArrayOf("text", transition.fromLabels());
            s.setString(1, transition.during().label());
            s.setLong(2, pid);
            s.setString(3, host);
            s.setObject(4, token);
            s.setLong(5, terms.lapse().toMillis());
            s.setInt(6, id);
            s.setArray(7, from);
            s.setObject(8, deadHolder);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The line refusing {@code transition} on a source as found just after it was refused. */
    static String refusal(SourceTransition transition, SourceRecord found) {
        SourceHolder holder = found.holder();
        if (holder != null && holder.leaseToken() != null) {
            return "source " + found.name() + " is " + found.status().label() + ", held by " + holder.describe()
                    + "; " + transition.command() + " refused: " + SourceTransition.whileHeld(found.name(), found.status(), holder);
        }
        return transition.refusal(found.name(), found.status());
    }

    /**
     * Pushes the lease's expiry one lapse from now.
     *
     * @throws LeaseLost when another process holds the source now
     */
    public void renew(SourceLease lease, Duration lapse) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.sources"
                + " SET lease_expires_at = clock_timestamp() + ? * interval '1 millisecond'"
                + " WHERE source_id = ? AND lease_token = ?")) {
            s.setLong(1, lapse.toMillis());
            s.setInt(2, lease.sourceId());
            s.setObject(3, lease.token());
            if (s.executeUpdate() == 0) {
                throw lost(lease.transition().command(), lease.sourceName());
            }
        }
    }

    /**
     * The work under the lease is done and the source shows {@code status}; the lease is kept until
     * {@link #release}. Joins the caller's transaction, so a load's status changes with its tables.
     *
     * @throws LeaseLost when another process holds the source now
     */
    public void reach(SourceLease lease, SourceStatus status) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.sources SET status = ?,"
                + " status_changed_at = clock_timestamp() WHERE source_id = ? AND lease_token = ?")) {
            s.setString(1, status.label());
            s.setInt(2, lease.sourceId());
            s.setObject(3, lease.token());
            if (s.executeUpdate() == 0) {
                throw lost(lease.transition().command(), lease.sourceName());
            }
        }
    }

    /**
     * Gives the lease up, with the status the source ends in (null: as it is). False when the lease
     * was lost meanwhile: the status is then the new holder's, and is left alone.
     */
    public boolean release(SourceLease lease, SourceStatus end) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.sources"
                + " SET status = coalesce(?, status), status_changed_at = CASE WHEN ? IS NULL THEN status_changed_at"
                + " ELSE clock_timestamp() END, process_pid = NULL, process_host = NULL, process_started_at = NULL,"
                + " lease_token = NULL, lease_expires_at = NULL WHERE source_id = ? AND lease_token = ?")) {
            String label = end == null ? null : end.label();
            s.setString(1, label);
            s.setString(2, label);
            s.setInt(3, lease.sourceId());
            s.setObject(4, lease.token());
            return s.executeUpdate() > 0;
        }
    }

    /**
     * {@code enable_replica}: a source in error goes back to stopped, so it can be started again.
     * Any other status is left as it is; returns the status found.
     */
    public SourceStatus enable(String sourceName) throws SQLException {
        int id = sources.id(sourceName);
        try (PreparedStatement s = connection.prepareStatement("UPDATE sch_chameleon.sources SET status = ?,"
                + " status_changed_at = clock_timestamp() WHERE source_id = ? AND status = ? RETURNING source_id")) {
            s.setString(1, SourceStatus.STOPPED.label());
            s.setInt(2, id);
            s.setString(3, SourceStatus.ERROR.label());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return SourceStatus.ERROR;
                }
            }
        }
        return sources.get(sourceName).status();
    }

    LeaseLost lost(String command, String sourceName) throws SQLException {
        SourceRecord now = sources.get(sourceName);
        return new LeaseLost(command + " of source " + sourceName + " lost its lease: "
                + (now.holder() == null ? "no process holds the source now" : "it is held by " + now.holder().describe())
                + " (this process was paused or cut off past the lease's lapse); it stops without writing more, and the"
                + " source goes on with its new holder");
    }
}
