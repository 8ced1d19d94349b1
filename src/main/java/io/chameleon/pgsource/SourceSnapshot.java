package io.chameleon.pgsource;

import io.chameleon.pg.PgConnector;
import io.chameleon.pg.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The point the copy reads the source at: a REPEATABLE READ transaction that exports its snapshot
 * ({@code pg_export_snapshot()}), which every worker's transaction then imports, so all tables show
 * the same committed transactions. It stays open until the copy and the structure read are done.
 * A hot standby exports and imports snapshots too (PostgreSQL 10 and later; the source reader needs
 * 10 anyway), so a copy from a standby is as consistent as one from the primary.
 */
final class SourceSnapshot implements AutoCloseable {
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
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
            rs.next();
            return new SourceSnapshot(source, c, rs.getString(1));
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** The coordinator's connection, inside the snapshot: for the catalogue reads and key ranges. */
    Connection coordinator() {
        return coordinator;
    }

    /** The exported snapshot's id. */
    String id() {
        return id;
    }

    /** A worker's connection, in a read-only transaction that shows the exported snapshot. */
    Connection openWorker() throws SQLException {
        Connection c = readOnlyTransaction(source);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION SNAPSHOT " + Sql.literal(id));
        } catch (SQLException e) {
            c.close();
            throw e;
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
