package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, upgrades and drops the catalogue ({@code create_replica_schema},
 * {@code upgrade_replica_schema}, {@code drop_replica_schema}). Each numbered migration runs in a
 * transaction under the catalogue lock and is recorded with the version of Chameleon that ran it.
 * None of them touches a {@code sch_chameleon} that is not ours or is newer than this build.
 */
public final class CatalogMigrations {
    /** Every migration of this build, in order; add new files here and under resources/catalog. */
    static final List<String> FILES = List.of("V001__initial_catalogue.sql",
            "V002__replay_history_and_maintenance.sql", "V003__tracked_definitions.sql",
            "V004__source_lease.sql", "V005__stream_adjustments.sql", "V006__compare_hold.sql");

    private static final class Known {
        static final List<Migration> MIGRATIONS = FILES.stream().map(Migration::fromResource).toList();
    }

    private final Connection connection;
    private final List<Migration> migrations;
    private final String chameleonVersion;

    public CatalogMigrations(Connection connection) {
        this(connection, Known.MIGRATIONS, BuildVersion.current());
    }

    /** For tests that need a catalogue at another version than this build's. */
    CatalogMigrations(Connection connection, List<Migration> migrations, String chameleonVersion) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration versions must be 1, 2, 3...; found "
                        + migrations.get(i).version() + " at position " + (i + 1));
            }
        }
        this.connection = connection;
        this.migrations = List.copyOf(migrations);
        this.chameleonVersion = chameleonVersion;
    }

    /** The catalogue version this build creates and works with. */
    public static int latestVersion() {
        return Known.MIGRATIONS.size();
    }

    /**
     * Creates the catalogue at the latest version in one transaction. When our catalogue is
     * already there at the latest version, changes nothing and reports no migration applied.
     */
    public MigrationReport create() throws SQLException {
        return Transactions.atomically(connection, () -> {
            CatalogState state = lockedState();
            if (state.kind() == CatalogState.Kind.OURS) {
                if (state.version() < latest()) {
                    throw new CatalogException(CatalogState.SCHEMA + " already exists in database '" + state.database()
                            + "' at catalogue version " + state.version() + ", older than this build's " + latest()
                            + ": run upgrade_replica_schema");
                }
                return new MigrationReport(state.version(), state.version(), List.of());
            }
            for (Migration m : migrations) {
                apply(m);
            }
            return new MigrationReport(0, latest(), migrations);
        });
    }

    /** Applies, each in its own transaction, the migrations the catalogue has not had yet. */
    public MigrationReport upgrade() throws SQLException {
        List<Migration> applied = new ArrayList<>();
        for (Migration next = applyNext(); next != null; next = applyNext()) {
            applied.add(next);
        }
        return new MigrationReport(latest() - applied.size(), latest(), applied);
    }

    /** Drops our catalogue with everything in it; false when there was none. */
    public boolean drop() throws SQLException {
        return Transactions.atomically(connection, () -> {
            if (lockedState().kind() == CatalogState.Kind.ABSENT) {
                return false;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("DROP SCHEMA " + CatalogState.SCHEMA + " CASCADE");
            }
            return true;
        });
    }

    public CatalogVersion version() throws SQLException {
        CatalogState state = CatalogState.read(connection);
        state.refuseForeignOrNewer(latest());
        return new CatalogVersion(state.version(), latest());
    }

    /** The migrations recorded in the catalogue, oldest first; empty when there is no catalogue. */
    public List<AppliedMigration> history() throws SQLException {
        CatalogState state = CatalogState.read(connection);
        state.refuseForeignOrNewer(latest());
        List<AppliedMigration> history = new ArrayList<>();
        if (state.kind() == CatalogState.Kind.ABSENT) {
            return history;
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT version, description, applied_at,"
                + " chameleon_version FROM sch_chameleon.chameleon_migrations ORDER BY version");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                history.add(new AppliedMigration(rs.getInt(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
            }
        }
        return history;
    }

    private Migration applyNext() throws SQLException {
        return Transactions.atomically(connection, () -> {
            CatalogState state = lockedState();
            if (state.kind() == CatalogState.Kind.ABSENT) {
                throw new CatalogException("database '" + state.database() + "' has no replica catalogue (schema "
                        + CatalogState.SCHEMA + ") to upgrade: run create_replica_schema");
            }
            if (state.version() == latest()) {
                return null;
            }
            Migration next = migrations.get(state.version());
            apply(next);
            return next;
        });
    }

    /** The state after taking the lock, so concurrent create/upgrade/drop see each other's result. */
    private CatalogState lockedState() throws SQLException {
        CatalogLock.acquire(connection);
        CatalogState state = CatalogState.read(connection);
        state.refuseForeignOrNewer(latest());
        return state;
    }

    private void apply(Migration m) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(m.sql());
        } catch (SQLException e) {
            throw new SQLException("catalogue migration " + m.version() + " (" + m.description() + ") failed: "
                    + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO sch_chameleon.chameleon_migrations"
                + " (version, description, chameleon_version) VALUES (?, ?, ?)")) {
            s.setInt(1, m.version());
            s.setString(2, m.description());
            s.setString(3, chameleonVersion);
            s.executeUpdate();
        }
    }

    private int latest() {
        return migrations.size();
    }
}
