package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.config.SourceConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The sources of the catalogue: adding and dropping them, finding them. Their status changes in {@link SourceLifecycle}. */
public final class SourceRegistry {
    private final Connection connection;

    SourceRegistry(Connection connection) {
        this.connection = connection;
    }

    /**
     * {@code add_source}: the source and its schema mappings. A source already in the catalogue is
     * left as it is and reported. Refuses a PostgreSQL schema that another source replicates into.
     */
    public AddSourceOutcome add(SourceConfig source) throws SQLException {
        return Transactions.atomically(connection, () -> {
            CatalogLock.acquire(connection);
            Integer existing = findId(source.name());
            if (existing != null) {
                return new AddSourceOutcome(existing, source.name(), true);
            }
            new SchemaMappingCheck(connection, source, -1).refuseConflicts();
            int id = insertSource(source);
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO sch_chameleon.schema_mappings"
                    + " (source_id, mysql_schema, pg_schema) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> m : source.schemaMappings().entrySet()) {
                    s.setInt(1, id);
                    s.setString(2, m.getKey());
                    s.setString(3, m.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return new AddSourceOutcome(id, source.name(), false);
        });
    }

    /**
     * {@code drop_source} or {@code detach_replica}: the source and everything the catalogue holds
     * for it, in one statement that checks the status and that no live process holds the source.
     *
     * @throws CatalogException naming the status, or the holder, and what to do
     */
    public void drop(String name, SourceTransition transition, String localHost) throws SQLException {
        Transactions.atomically(connection, () -> {
            CatalogLock.acquire(connection);
            SourceRecord found = get(name);
            SourceHolder holder = found.holder();
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM sch_chameleon.sources"
                    + " WHERE source_id = ? AND status = ANY(?) AND " + SourceLifecycle.LEASE_FREE)) {
                s.setInt(1, found.id());
                s.setArray(2, connection.createArrayOf("text", transition.fromLabels()));
                s.setObject(3, holder != null && holder.deadOn(localHost) ? holder.leaseToken() : null);
                if (s.executeUpdate() == 0) {
                    throw new CatalogException(SourceLifecycle.refusal(transition, get(name)));
                }
            }
            return null;
        });
    }

    /** The id of the named source, or a {@link CatalogException} listing the sources there are. */
    public int id(String name) throws SQLException {
        Integer id = findId(name);
        if (id == null) {
            List<String> known = names();
            throw new CatalogException("source '" + name + "' is not in the replica catalogue"
                    + (known.isEmpty() ? ", which has no sources yet" : "; its sources are: " + String.join(", ", known))
                    + ". Add it with add_source --source " + name);
        }
        return id;
    }

    public List<String> names() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT source_name FROM sch_chameleon.sources ORDER BY source_name");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    public SourceRecord get(String name) throws SQLException {
        int id = id(name);
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT * FROM sch_chameleon.sources WHERE source_id = ?")) {
            s.setInt(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new SourceRecord(id, rs.getString("source_name"),
                        SourceConfig.SourceType.valueOf(rs.getString("source_type").toUpperCase(Locale.ROOT)),
                        SourceStatus.fromLabel(rs.getString("status")), Jdbc.instant(rs, "status_changed_at"),
                        rs.getBoolean("consistent"), PositionColumns.read(rs, "applied_"),
                        PositionColumns.read(rs, "high_watermark_"), holder(rs));
            }
        }
    }

    private static SourceHolder holder(ResultSet rs) throws SQLException {
        Long pid = Jdbc.nullableLong(rs, "process_pid");
        return pid == null ? null : new SourceHolder(pid, rs.getString("process_host"),
                Jdbc.instant(rs, "process_started_at"), rs.getObject("lease_token", UUID.class),
                Jdbc.instant(rs, "lease_expires_at"));
    }

    private Integer findId(String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT source_id FROM sch_chameleon.sources WHERE source_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private int insertSource(SourceConfig source) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO sch_chameleon.sources"
                + " (source_name, source_type) VALUES (?, ?) RETURNING source_id")) {
            s.setString(1, source.name());
            s.setString(2, source.type().name().toLowerCase(Locale.ROOT));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
