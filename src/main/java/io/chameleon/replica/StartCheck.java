package io.chameleon.replica;

import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;

import java.util.Set;

/** Whether a source may start replicating: initialised, stopped, synced, or left running by a process that is gone. */
final class StartCheck {
    private static final Set<SourceStatus> STARTABLE = Set.of(SourceStatus.INITIALISED, SourceStatus.STOPPED,
            SourceStatus.SYNCED);

    private StartCheck() {}

    /** @throws ReplicaRefused naming the state and what to do */
    static void requireStartable(SourceRecord source, String localHost) {
        SourceStatus status = source.status();
        if (status == SourceStatus.RUNNING) {
            if (processAlive(source, localHost)) {
                throw new ReplicaRefused("source " + source.name() + " is running already (pid " + source.processPid()
                        + " on " + source.processHost() + "); stop it first with stop_replica --source " + source.name());
            }
        } else if (!STARTABLE.contains(status)) {
            throw new ReplicaRefused("source " + source.name() + " is " + status.label() + "; start_replica needs it "
                    + "initialised, stopped or synced" + advice(source, status));
        }
        if (source.applied() == null) {
            throw new ReplicaRefused("source " + source.name() + " has no binlog position to start from; run init_replica --source "
                    + source.name() + " first");
        }
    }

    /** A process on another host cannot be checked from here: it is taken to be alive. */
    private static boolean processAlive(SourceRecord source, String localHost) {
        if (source.processPid() == null) {
            return false;
        }
        if (!localHost.equals(source.processHost())) {
            return true;
        }
        return ProcessHandle.of(source.processPid()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String advice(SourceRecord source, SourceStatus status) {
        return switch (status) {
            case READY -> "; run init_replica --source " + source.name() + " first";
            case ERROR -> "; see show_errors, then clear the error with enable_replica --source " + source.name();
            case INITIALISING, SYNCING -> "; wait for the copy to end (show_status --source " + source.name() + ")";
            default -> "";
        };
    }
}
