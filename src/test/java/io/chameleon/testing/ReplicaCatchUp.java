package io.chameleon.testing;

import io.chameleon.catalog.Catalog;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.ConsistentSnapshot;
import io.chameleon.mysql.MysqlGtidSet;
import io.chameleon.mysql.ServerInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for a running replica to apply everything the source has written so far. */
public final class ReplicaCatchUp {
    private ReplicaCatchUp() {}

    /** Where the source's binary log is now. */
    public static BinlogPosition sourcePosition(Connection mysql) throws SQLException {
        BinlogPosition p = sourceGtidPosition(mysql);
        return new BinlogPosition(p.file(), p.position(), null);
    }

    /**
     * Where the source's binary log is now, with its GTID position (MariaDB's {@code @@gtid_binlog_pos},
     * MySQL's {@code @@gtid_executed}). A replica caught up with it has applied that GTID position:
     * unlike the file position, it does not move with events that are not transactions (the binlog
     * checkpoint MariaDB writes some time after FLUSH BINARY LOGS).
     */
    public static BinlogPosition sourceGtidPosition(Connection mysql) throws SQLException {
        return ConsistentSnapshot.readPosition(mysql, ServerInfo.read(mysql));
    }

    /** A connection to the target database, opened afresh for each look at the catalogue. */
    public interface PgOpener {
        Connection open() throws SQLException;
    }

    /**
     * Waits until the catalogue's applied position of {@code source} reaches {@code target} (its GTID
     * position when it has one); returns how long that took. Fails at once when {@code failure}
     * reports the replica died.
     */
    public static Duration awaitApplied(PgOpener pg, String source, BinlogPosition target, Supplier<Throwable> failure,
            Duration timeout) throws Exception {
        long start = System.nanoTime();
        while (true) {
            BinlogPosition applied;
            try (Connection c = pg.open()) {
                applied = Catalog.open(c).sources().get(source).applied();
            }
            if (reached(applied, target)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (failure.get() != null) {
                throw new AssertionError("the replica failed", failure.get());
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("applied " + applied + ", source at " + target + " after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static boolean reached(BinlogPosition applied, BinlogPosition target) {
        if (applied == null) {
            return false;
        }
        if (MysqlGtidSet.isMysqlForm(target.gtidSet())) {
            return applied.includes(target);
        }
        if (target.gtidSet() != null) {
            return target.gtidSet().equals(applied.gtidSet());
        }
        return applied.file().equals(target.file()) && applied.position() >= target.position();
    }
}
