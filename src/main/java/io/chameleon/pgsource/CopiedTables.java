package io.chameleon.pgsource;

import io.chameleon.pg.Sql;
import io.chameleon.schema.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The source tables being copied, as a {@code copied(relid, nspname, relname)} CTE the catalogue
 * queries of the post-data step start from, and where each lands in the target.
 */
final class CopiedTables {
    /** Prefix of every query: the copied tables found in the source catalogue. */
    static final String CTE = "WITH copied AS (SELECT c.oid AS relid, n.nspname, c.relname"
            + " FROM unnest(?::text[], ?::text[]) AS u(nspname, relname)"
            + " JOIN pg_namespace n ON n.nspname = u.nspname JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = u.relname"
            + " WHERE c.relkind IN ('r', 'p', 'f')) ";

    /** Reads one row of a catalogue query. */
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private final List<TableName> tables;
    private final Map<String, String> schemaMap;
    private final SchemaRequalifier requalifier;

    CopiedTables(List<TableName> tables, Map<String, String> schemaMap) {
        for (TableName t : tables) {
            if (!schemaMap.containsKey(t.schema())) {
                throw new IllegalArgumentException("table " + t + " is copied but its schema " + t.schema()
                        + " has no target schema in schema_mappings");
            }
        }
        this.tables = List.copyOf(tables);
        this.schemaMap = Map.copyOf(schemaMap);
        this.requalifier = new SchemaRequalifier(schemaMap);
    }

    /** Runs {@code CTE + sql} on the source, binding the copied tables, then {@code more} parameters. */
    void query(Connection source, String sql, Row row, Object... more) throws SQLException {
        try (PreparedStatement s = source.prepareStatement(CTE + sql)) {
            s.setArray(1, source.createArrayOf("text", tables.stream().map(TableName::schema).toArray()));
            s.setArray(2, source.createArrayOf("text", tables.stream().map(TableName::table).toArray()));
            for (int i = 0; i < more.length; i++) {
                s.setObject(i + 3, more[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    boolean mapped(String sourceSchema) {
        return schemaMap.containsKey(sourceSchema);
    }

    java.util.Set<String> mappedSchemas() {
        return schemaMap.keySet();
    }

    /** {@code "target schema"."name"} of a source object in a mapped schema. */
    String target(String sourceSchema, String name) {
        return Sql.qualified(schemaMap.get(sourceSchema), name);
    }

    String requalify(String definition) {
        return requalifier.requalify(definition);
    }

    List<TableName> tables() {
        return tables;
    }
}
