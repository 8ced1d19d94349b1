package io.chameleon.detach;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.ConsistentSnapshot;
import io.chameleon.mysql.ServerInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The steps of detach_replica --wait before the detachment itself: MySQL set read-only (optional),
 * then waiting until the replica has applied everything MySQL has logged. Each step's refusal says
 * why and what to do.
 */
public final class CutoverWait {
    private static final long POLL_MILLIS = 100;

    private CutoverWait() {}

    /** A step that cannot be done now: the reason and the fix. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * SET GLOBAL read_only = ON, and super_read_only = ON on MySQL (MariaDB has no such setting:
     * read_only there already stops users without the READ ONLY ADMIN / SUPER privilege). Needs
     * SYSTEM_VARIABLES_ADMIN or SUPER on MySQL, READ_ONLY ADMIN or SUPER on MariaDB.
     */
    public static void setReadOnly(Connection mysql, ServerInfo server, String where) {
        try (Statement s = mysql.createStatement()) {
            s.execute("SET GLOBAL read_only = ON");
            if (!server.isMariaDb()) {
                s.execute("SET GLOBAL super_read_only = ON");
            }
        } catch (SQLException e) {
            throw new Refused("cannot set " + where + " read-only (" + e.getMessage() + "): grant the replica's user "
                    + (server.isMariaDb() ? "READ ONLY ADMIN (or SUPER)" : "SYSTEM_VARIABLES_ADMIN (or SUPER)")
                    + ", or set it read-only yourself and run detach_replica --wait without --set-read-only");
        }
    }

    /** MySQL's binlog position and GTID set now: everything it has logged. */
    public static BinlogPosition logged(Connection mysql, ServerInfo server) throws SQLException {
        return ConsistentSnapshot.readPosition(mysql, server);
    }

    /**
     * Waits until the source's applied position includes {@code target}.
     *
     * @return the applied position reached
     * @throws Refused when the replica is not running and not there, failed, or the timeout passed
     */
    public static BinlogPosition awaitApplied(Catalog catalog, String source, BinlogPosition target, Duration timeout)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SourceRecord r = catalog.sources().get(source);
            if (r.applied() != null && r.applied().includes(target)) {
                return r.applied();
            }
            if (r.status() == SourceStatus.ERROR) {
                throw new Refused("the replica of source " + source + " failed at " + r.applied() + " (show_errors"
                        + " --source " + source + "); fix the cause, start_replica, and run detach_replica --wait again");
            }
            if (r.status() != SourceStatus.RUNNING) {
                throw new Refused("the replica of source " + source + " is " + r.status().label() + " at "
                        + r.applied() + " and MySQL has logged up to " + target + ": start_replica --source " + source
                        + " so it catches up, then run detach_replica --wait again");
            }
            if (System.nanoTime() > deadline) {
                throw new Refused("the replica of source " + source + " did not apply up to " + target + " within "
                        + timeout.toSeconds() + " s (it is at " + r.applied() + "); is MySQL still written to? See"
                        + " show_status, or raise --wait-timeout");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
