package io.chameleon.pgsource;

import io.chameleon.pg.PgConnector;
import io.chameleon.pg.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The point the copy reads the source at: a REPEATABLE READ transaction that exports its snapshot
 * ({@code pg_export_snapshot()}), which every worker's transaction then imports, so all tables show
 * the same committed transactions. It stays open until the copy and the structure read are done.
 * A hot standby cannot export a snapshot: there each worker reads at its own point, and the copy
 * says it is not consistent across tables.
 */
final class SourceSnapshot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceSnapshot.class);

    private final PgConnector source;
    private final Connection coordinator;
    private final String id;

    private SourceSnapshot(PgConnector source, Connection coordinator, String id) {
        this.source = source;
        this.coordinator = coordinator;
        this.id = id;
    }

    static SourceSnapshot open(PgConnector source) throws SQLException {
        Connection c = readOnlyTransaction(source);
        try (Statement s = c.createStatement()) {
            boolean standby;
            try (ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
                rs.next();
                standby = rs.getBoolean(1);
            }
            if (standby) {
                LOG.warn("the source {} is a hot standby, which cannot export a snapshot: each copy worker reads at its"
                        + " own point, so the copy is NOT consistent across tables (rows of a transaction committed"
                        + " during the copy may be in one table and not in another); copy from the primary for a"
                        + " consistent copy", source.conn().describe());
                return new SourceSnapshot(source, c, null);
            }
            try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                return new SourceSnapshot(source, c, rs.getString(1));
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** The coordinator's connection, inside the snapshot: for the catalogue reads and key ranges. */
    Connection coordinator() {
        return coordinator;
    }

    /** The exported snapshot's id; null when the source could not export one (a hot standby). */
    String id() {
        return id;
    }

    boolean consistent() {
        return id != null;
    }

    /** A worker's connection, in a read-only transaction that shows the exported snapshot when there is one. */
    Connection openWorker() throws SQLException {
        Connection c = readOnlyTransaction(source);
        if (id != null) {
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION SNAPSHOT " + Sql.literal(id));
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    private static Connection readOnlyTransaction(PgConnector source) throws SQLException {
        Connection c = source.open();
        try {
            SessionSettings.apply(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            coordinator.rollback();
        } finally {
            coordinator.close();
        }
    }
}
