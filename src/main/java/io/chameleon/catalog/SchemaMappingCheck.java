package io.chameleon.catalog;

import io.chameleon.config.SourceConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses schema mappings that would let two replicas write into one PostgreSQL schema (init_replica
 * replaces a schema whole) or into the catalogue itself, naming the other side of the conflict.
 */
final class SchemaMappingCheck {
    private final Connection connection;
    private final SourceConfig source;
    private final int ownId;

    /** @param ownId the source's id when it is in the catalogue already (its own mappings are no conflict), else -1 */
    SchemaMappingCheck(Connection connection, SourceConfig source, int ownId) {
        this.connection = connection;
        this.source = source;
        this.ownId = ownId;
    }

    void refuseConflicts() throws SQLException {
        Map<String, String> mysqlSchemaByTarget = new HashMap<>();
        for (Map.Entry<String, String> m : source.schemaMappings().entrySet()) {
            String pgSchema = m.getValue();
            if (pgSchema.equals(CatalogState.SCHEMA)) {
                throw new CatalogException("source '" + source.name() + "' maps MySQL schema '" + m.getKey()
                        + "' to '" + pgSchema + "', the replica catalogue: map it to another schema");
            }
            String other = mysqlSchemaByTarget.putIfAbsent(pgSchema, m.getKey());
            if (other != null) {
                throw new CatalogException("source '" + source.name() + "' maps both MySQL schemas '" + other
                        + "' and '" + m.getKey() + "' to PostgreSQL schema '" + pgSchema
                        + "': a PostgreSQL schema receives one MySQL schema only");
            }
            refuseOwnedByAnotherSource(m.getKey(), pgSchema);
        }
    }

    private void refuseOwnedByAnotherSource(String mysqlSchema, String pgSchema) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT s.source_name, m.mysql_schema"
                + " FROM sch_chameleon.schema_mappings m JOIN sch_chameleon.sources s USING (source_id)"
                + " WHERE m.pg_schema = ? AND m.source_id <> ?")) {
            s.setString(1, pgSchema);
            s.setInt(2, ownId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new CatalogException("PostgreSQL schema '" + pgSchema + "' is already the destination of"
                            + " source '" + rs.getString(1) + "' (MySQL schema '" + rs.getString(2) + "'): a"
                            + " PostgreSQL schema belongs to one source only; map MySQL schema '" + mysqlSchema
                            + "' of source '" + source.name() + "' to another schema");
                }
            }
        }
    }
}
