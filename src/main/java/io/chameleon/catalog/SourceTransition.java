package io.chameleon.catalog;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static io.chameleon.catalog.SourceStatus.INITIALISED;
import static io.chameleon.catalog.SourceStatus.INITIALISING;
import static io.chameleon.catalog.SourceStatus.RUNNING;
import static io.chameleon.catalog.SourceStatus.STOPPED;
import static io.chameleon.catalog.SourceStatus.SYNCED;
import static io.chameleon.catalog.SourceStatus.SYNCING;

/**
 * The commands that work on a source under its lease, each with the statuses it may start from
 * and the status it sets while it works. Every other status change is made by the lease holder
 * itself when it ends ({@link SourceLifecycle#release}), or is enable_replica's error to stopped.
 * A busy status (running, initialising, syncing) is in a from-set only for a source whose
 * holder is gone: a live lease refuses every transition, whatever the status.
 */
public enum SourceTransition {
    START_REPLICA("start_replica", RUNNING, EnumSet.of(INITIALISED, STOPPED, SYNCED, RUNNING)),
    INIT_REPLICA("init_replica", INITIALISING, EnumSet.allOf(SourceStatus.class)),
    SYNC_TABLES("sync_tables", SYNCING, EnumSet.of(INITIALISED, STOPPED, SYNCED, SYNCING, RUNNING)),
    REFRESH_SCHEMA("refresh_schema", SYNCING, EnumSet.of(INITIALISED, STOPPED, SYNCED, SYNCING, RUNNING)),
    /** Takes the source out of the catalogue: no status during. */
    DETACH_REPLICA("detach_replica", null, EnumSet.of(INITIALISED, STOPPED, SYNCED)),
    /** Takes the source out of the catalogue: no status during. */
    DROP_SOURCE("drop_source", null, EnumSet.allOf(SourceStatus.class));

    private final String command;
    private final SourceStatus during;
    private final Set<SourceStatus> from;

    SourceTransition(String command, SourceStatus during, Set<SourceStatus> from) {
        this.command = command;
        this.during = during;
        this.from = from;
    }

    public String command() {
        return command;
    }

    /** The status the source shows while the command works; null for one that removes the source. */
    public SourceStatus during() {
        return during;
    }

    public boolean allowedFrom(SourceStatus status) {
        return from.contains(status);
    }

    String[] fromLabels() {
        return from.stream().map(SourceStatus::label).toArray(String[]::new);
    }

    /**
     * The line that would refuse the command for the source as read, for a check before any work
     * (the transition itself decides, atomically): a status it cannot start from, or a live lease
     * held by a process that is not known to be gone.
     */
    public Optional<String> refusalFor(SourceRecord found, String localHost, Instant now) {
        SourceHolder holder = found.holder();
        if (holder != null && holder.leaseExpiresAt() != null && holder.leaseExpiresAt().isAfter(now)
                && !holder.deadOn(localHost)) {
            return Optional.of(SourceLifecycle.refusal(this, found));
        }
        return allowedFrom(found.status()) ? Optional.empty() : Optional.of(refusal(found.name(), found.status()));
    }

    /** The line refusing the command for a source in {@code status} (not allowed from it), with what to do. */
    String refusal(String source, SourceStatus status) {
        String needs = "; " + command + " needs it initialised, stopped or synced";
        return "source " + source + " is " + status.label() + switch (status) {
            case READY -> needs + ": run init_replica --source " + source + " first";
            case ERROR -> needs + ": see show_errors, clear the error with enable_replica --source " + source
                    + ", then run " + command;
            case INITIALISING -> ": its init_replica did not finish, so its tables are incomplete; run init_replica"
                    + " --source " + source + " again";
            case RUNNING -> needs + ": its replica did not stop cleanly; start it and stop it with stop_replica --source "
                    + source;
            case SYNCING -> ": its sync_tables or refresh_schema did not finish; run it again before " + command;
            default -> needs;
        };
    }

    /** What to do about a live holder of a source in {@code status}, for the line that refuses. */
    static String whileHeld(String source, SourceStatus status, SourceHolder holder) {
        String lapse = holder.leaseExpiresAt() == null ? "" : ", or if that process is gone, retry after "
                + holder.leaseExpiresAt() + " when its lease lapses";
        return "one process per source: " + (status == RUNNING
                ? "stop the replica with stop_replica --source " + source + " on " + holder.host()
                : "wait for the copy to end (show_status --source " + source + ")") + lapse;
    }
}
