package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The catalogue's data, for every stage after create_replica_schema. Opening checks once that the
 * catalogue is ours and at this build's version, so the stages never write into a foreign or
 * outdated one. All objects share the given connection and its transaction.
 */
public final class Catalog {
    private final Connection connection;

    private Catalog(Connection connection) {
        this.connection = connection;
    }

    public static Catalog open(Connection connection) throws SQLException {
        CatalogState.read(connection).requireCurrent(CatalogMigrations.latestVersion());
        return new Catalog(connection);
    }

    public SourceRegistry sources() {
        return new SourceRegistry(connection);
    }

    public SourceLifecycle lifecycle() {
        return new SourceLifecycle(connection);
    }

    public SourcePositions positions() {
        return new SourcePositions(connection);
    }

    public ReplicatedTables tables() {
        return new ReplicatedTables(connection);
    }

    public SchemaMappings mappings() {
        return new SchemaMappings(connection);
    }

    public DiscardedRows discardedRows() {
        return new DiscardedRows(connection);
    }

    public ErrorLog errors() {
        return new ErrorLog(connection);
    }

    public ReplayHistory history() {
        return new ReplayHistory(connection);
    }

    public MaintenanceTimes maintenance() {
        return new MaintenanceTimes(connection);
    }

    public StreamAdjustments adjustments() {
        return new StreamAdjustments(connection);
    }

    public ReplicaHolds holds() {
        return new ReplicaHolds(connection);
    }

    public StatusReport status() {
        return new StatusReport(connection);
    }
}
