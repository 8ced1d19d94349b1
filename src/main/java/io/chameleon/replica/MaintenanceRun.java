package io.chameleon.replica;

import io.chameleon.alert.Alert;
import io.chameleon.alert.Alerts;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.SourceConfig;
import io.chameleon.failure.TransientRetries;
import io.chameleon.pg.PgConnector;
import io.chameleon.pg.Sql;
import io.chameleon.schema.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * run_maintenance and auto_maintenance for one source. Our catalogue keeps no row log: replay
 * deletes and re-inserts the touched rows of the replicated tables, so that is where dead rows
 * pile up, with the catalogue's per-batch updates. A run deletes the replay history older than
 * batch_retention, then vacuums and analyzes the source's replicated tables and the catalogue's
 * tables, one statement per table so each lock is held for that table only.
 *
 * <p>Plain VACUUM takes a lock that the applier's inserts and deletes do not wait for; FULL
 * rewrites each table under an exclusive lock, so queries on it and the running replica wait
 * until its rewrite ends. Either waits for a table's lock at most the source's lock_timeout, then
 * leaves that table out and says so (the next run does it). Other transient failures (a deadlock, a
 * busy server) are tried again as {@link TransientRetries} says. Two runs of one source do not overlap: the second is refused.
 */
public final class MaintenanceRun {
    /** With the source id, the advisory lock of a source's maintenance: "main" in ASCII. */
    private static final int LOCK_CLASS = 0x6d61_696e;
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String UNDEFINED_TABLE = "42P01";

    private final PgConnector pg;
    private final SourceConfig source;
    private final boolean full;
    private volatile Statement running;
    private volatile boolean cancelled;

    public MaintenanceRun(PgConnector pg, SourceConfig source, boolean full) {
        this.pg = pg;
        this.source = source;
        this.full = full;
    }

    /**
     * @throws MaintenanceRefused when a maintenance of the source runs already, or init_replica is
     *     replacing its tables
     */
    public MaintenanceReport run() throws SQLException {
        try {
            MaintenanceReport report = vacuumAll();
            if (report.leftOut() > 0) {
                Alerts.send(Alert.error(source.name(), "maintenance of source " + source.name() + " left out "
                        + report.leftOut() + " tables", report.tables().stream().filter(t -> !t.vacuumed())
                        .map(t -> t.table() + ": " + t.note()).collect(Collectors.joining("\n"))));
            }
            return report;
        } catch (SQLException | RuntimeException e) {
            if (!(e instanceof MaintenanceRefused) && !cancelled) {
                Alerts.send(Alert.error(source.name(), "maintenance of source " + source.name() + " failed: "
                        + e.getMessage(), e));
            }
            throw e;
        }
    }

    private MaintenanceReport vacuumAll() throws SQLException {
        long start = System.nanoTime();
        try (Connection c = pg.open()) {
            Catalog catalog = Catalog.open(c);
            SourceRecord record = catalog.sources().get(source.name());
            refuseWhileLoading(record);
            IntervalKeys.check(c, source);
            if (!lock(c, record.id(), "pg_try_advisory_lock")) {
                throw new MaintenanceRefused("a maintenance of source " + source.name() + " is running already"
                        + " (run_maintenance, or the replica's auto_maintenance); try again when it has finished");
            }
            try {
                int pruned = catalog.history().prune(record.id(), source.batchRetention());
                try (PreparedStatement s = c.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
                    s.setString(1, source.lockTimeout());
                    s.execute();
                }
                List<TableMaintenance> done = new ArrayList<>();
                TransientRetries retries = new TransientRetries(source.name());
                for (TableName table : tables(c, catalog, record.id())) {
                    if (cancelled) {
                        throw new SQLException("maintenance of source " + source.name() + " cancelled", "57014");
                    }
                    done.add(vacuumRetried(retries, c, table));
                }
                catalog.maintenance().recordDone(record.id());
                return new MaintenanceReport(source.name(), full, done, pruned, source.batchRetention(),
                        Duration.ofNanos(System.nanoTime() - start));
            } finally {
                unlock(c, record.id());
            }
        }
    }

    /** From another thread: stops the statement running, so a replica that stops does not wait for a long VACUUM. */
    public void cancel() {
        cancelled = true;
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException e) {
                // the statement ended meanwhile, or the connection is gone: nothing left to stop
            }
        }
    }

    private void refuseWhileLoading(SourceRecord record) {
        if (record.status() == SourceStatus.INITIALISING || record.status() == SourceStatus.SYNCING) {
            throw new MaintenanceRefused("source " + source.name() + " is " + record.status().label()
                    + ": its tables are being replaced; run run_maintenance once that has finished");
        }
    }

    private static boolean lock(Connection c, int sourceId, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?, ?)")) {
            s.setInt(1, LOCK_CLASS);
            s.setInt(2, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, int sourceId) {
        try {
            lock(c, sourceId, "pg_advisory_unlock");
        } catch (SQLException e) {
            // the connection is broken; closing it releases the lock all the same
        }
    }

    /** The PostgreSQL names of the source's replicated tables, then of the catalogue's tables. */
    private static List<TableName> tables(Connection c, Catalog catalog, int sourceId) throws SQLException {
        List<TableName> tables = new ArrayList<>();
        for (ReplicatedTable t : catalog.tables().list(sourceId)) {
            if (t.replicated()) {
                tables.add(new TableName(t.pgSchema(), t.pgTable()));
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT n.nspname, c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'sch_chameleon' AND c.relkind = 'r' ORDER BY c.relname");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(new TableName(rs.getString(1), rs.getString(2)));
            }
        }
        return tables;
    }

    /** A deadlock or a busy server is tried again; a lock not granted within lock_timeout is not (see vacuum). */
    private TableMaintenance vacuumRetried(TransientRetries retries, Connection c, TableName table) throws SQLException {
        try {
            return retries.run("maintenance: vacuuming " + table, () -> cancelled, () -> vacuum(c, table));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("maintenance of source " + source.name() + " interrupted", "57014", e);
        }
    }

    private TableMaintenance vacuum(Connection c, TableName table) throws SQLException {
        String name = table.toString();
        String qualified = Sql.qualified(table.schema(), table.table());
        long start = System.nanoTime();
        long[] before = null; // measuring takes a lock too, so it may time out as the VACUUM may
        try (Statement s = c.createStatement()) {
            before = sizeAndDeadRows(c, qualified);
            if (before == null) {
                return new TableMaintenance(name, null, null, null, Duration.ZERO, false,
                        "not vacuumed: the table does not exist");
            }
            running = s;
            s.execute((full ? "VACUUM (FULL, ANALYZE) " : "VACUUM (ANALYZE) ") + qualified);
            long[] after = sizeAndDeadRows(c, qualified);
            String warned = warnings(s.getWarnings());
            return new TableMaintenance(name, before[1], before[0], after == null ? null : after[0],
                    Duration.ofNanos(System.nanoTime() - start), warned == null, warned);
        } catch (SQLException e) {
            String note = LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                    ? "not vacuumed: its lock was not granted within lock_timeout (" + source.lockTimeout()
                            + "); a long query or transaction on it holds it"
                    : UNDEFINED_TABLE.equals(e.getSQLState()) ? "not vacuumed: the table was dropped meanwhile" : null;
            if (note == null) {
                throw new SQLException("maintenance of source " + source.name() + ": vacuuming " + name + " failed: "
                        + e.getMessage(), e.getSQLState(), e);
            }
            return new TableMaintenance(name, before == null ? null : before[1], before == null ? null : before[0], null,
                    Duration.ofNanos(System.nanoTime() - start), false, note);
        } finally {
            running = null;
        }
    }

    /** Size in bytes with indexes and TOAST, and dead rows; null when the table does not exist. */
    private static long[] sizeAndDeadRows(Connection c, String qualified) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_total_relation_size(t.r), coalesce(st.n_dead_tup, 0)"
                + " FROM (SELECT to_regclass(?) AS r) t LEFT JOIN pg_stat_all_tables st ON st.relid = t.r"
                + " WHERE t.r IS NOT NULL")) {
            s.setString(1, qualified);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        }
    }

    /**
     * What PostgreSQL warned about, one line; null when nothing. VACUUM warns when it skips a table
     * (one we do not own, say) rather than failing, so a warning counts as not vacuumed.
     */
    private static String warnings(SQLWarning w) {
        List<String> messages = new ArrayList<>();
        for (; w != null; w = w.getNextWarning()) {
            messages.add(w.getMessage());
        }
        return messages.isEmpty() ? null : "PostgreSQL warned: " + String.join("; ", messages);
    }
}
