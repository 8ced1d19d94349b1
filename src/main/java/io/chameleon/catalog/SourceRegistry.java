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

/** The sources of the catalogue: adding and dropping them, finding them, their status and process. */
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

    /** {@code drop_source}: the source and everything the catalogue holds for it. */
    public void drop(String name) throws SQLException {
        Transactions.atomically(connection, () -> {
            CatalogLock.acquire(connection);
            try (PreparedStatement s = connection.prepareStatement(
                    "DELETE FROM sch_chameleon.sources WHERE source_id = ?")) {
                s.setInt(1, id(name));
                s.executeUpdate();
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
                        PositionColumns.read(rs, "high_watermark_"), Jdbc.nullableLong(rs, "process_pid"),
                        rs.getString("process_host"));
            }
        }
    }

    public void setStatus(int sourceId, SourceStatus status) throws SQLException {
        update(sourceId, "status = ?, status_changed_at = clock_timestamp()", status.label());
    }

    /**
     * {@code enable_replica}: a source in error goes back to stopped, so it can be started again.
     * Any other status is left as it is; returns the status found.
     */
    public SourceStatus enableReplica(int sourceId) throws SQLException {
        return Transactions.atomically(connection, () -> {
            SourceStatus found;
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT status FROM sch_chameleon.sources WHERE source_id = ? FOR UPDATE")) {
                s.setInt(1, sourceId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new CatalogException("no source with id " + sourceId + " in the replica catalogue");
                    }
                    found = SourceStatus.fromLabel(rs.getString(1));
                }
            }
            if (found == SourceStatus.ERROR) {
                setStatus(sourceId, SourceStatus.STOPPED);
            }
            return found;
        });
    }

    /** Records the process now working on the source, so others can see it and stop_replica can find it. */
    public void setProcess(int sourceId, long pid, String host) throws SQLException {
        update(sourceId, "process_pid = ?, process_host = ?, process_started_at = clock_timestamp()", pid, host);
    }

    public void clearProcess(int sourceId) throws SQLException {
        update(sourceId, "process_pid = NULL, process_host = NULL, process_started_at = NULL");
    }

    private void update(int sourceId, String assignments, Object... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE sch_chameleon.sources SET " + assignments + " WHERE source_id = ?")) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.setInt(values.length + 1, sourceId);
            if (s.executeUpdate() == 0) {
                throw new CatalogException("no source with id " + sourceId + " in the replica catalogue");
            }
        }
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
