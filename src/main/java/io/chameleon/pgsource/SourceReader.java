package io.chameleon.pgsource;

import io.chameleon.config.SourceConfig;
import io.chameleon.pg.Sql;
import io.chameleon.schema.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables to copy from the source's catalogue: the ordinary and partitioned tables of the
 * mapped schemas after limit_tables and skip_tables. Partitions are not tables of their own here:
 * their rows are read through their partitioned table.
 */
final class SourceReader {
    private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

    private final Connection source;
    private final SourceConfig config;
    private final SourceTypes types;
    private final Map<String, String> loadSchemas;

    SourceReader(Connection source, SourceConfig config, SourceTypes types, Map<String, String> loadSchemas) {
        this.source = source;
        this.config = config;
        this.types = types;
        this.loadSchemas = loadSchemas;
    }

    List<SourceTable> tables() throws SQLException {
        List<SourceTable> tables = new ArrayList<>();
        try (PreparedStatement s = source.prepareStatement("SELECT c.oid, n.nspname, c.relname, c.relkind = 'p',"
                + " CASE WHEN c.relkind = 'p' THEN (SELECT coalesce(sum(greatest(d.reltuples, 0)), 0)"
                + " FROM pg_partition_tree(c.oid) p JOIN pg_class d ON d.oid = p.relid) ELSE greatest(c.reltuples, 0) END"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                + " AND NOT c.relispartition AND n.nspname = ANY(?) ORDER BY 2, 3")) {
            s.setArray(1, source.createArrayOf("text", config.schemaMappings().keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    TableName name = new TableName(rs.getString(2), rs.getString(3));
                    if (config.includes(name)) {
                        tables.add(table(rs.getLong(1), name, rs.getBoolean(4), rs.getLong(5)));
                    }
                }
            }
        }
        return tables;
    }

    private SourceTable table(long oid, TableName name, boolean partitioned, long rows) throws SQLException {
        List<SourceColumn> columns = new ArrayList<>();
        boolean binary = true;
        try (PreparedStatement s = source.prepareStatement("SELECT a.attname, NOT a.attnotnull AS nullable, "
                + SourceTypes.typeColumns("a.atttypid", "a.atttypmod") + " FROM pg_attribute a"
                + SourceTypes.typeJoins("a.atttypid")
                + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString("attname");
                    SourceTypes.Mapped t = types.classify(rs, "column " + column + " of " + name);
                    binary &= t.builtIn();
                    columns.add(new SourceColumn(column, rs.getString("declared"), t.declaration(),
                            rs.getBoolean("nullable"), t.asText()));
                }
            }
        }
        List<String> key = key(oid);
        String range = null;
        if (key.size() == 1) {
            range = columns.stream().filter(c -> c.name().equals(key.get(0)) && INTEGER_TYPES.contains(c.sourceType()))
                    .map(SourceColumn::name).findFirst().orElse(null);
        }
        return new SourceTable(name, loadSchemas.get(name.schema()), columns, key, range, partitioned, rows, binary);
    }

    /** The primary key's columns, else those of the first unique index on columns that are all NOT NULL. */
    private List<String> key(long oid) throws SQLException {
        try (PreparedStatement s = source.prepareStatement("SELECT array_agg(a.attname ORDER BY k.ord)"
                + " FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                + " WHERE i.indrelid = ? AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL"
                + " AND k.ord <= i.indnkeyatts GROUP BY i.indexrelid, i.indisprimary HAVING bool_and(a.attnotnull)"
                + " ORDER BY i.indisprimary DESC, i.indexrelid LIMIT 1")) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? List.of((String[]) rs.getArray(1).getArray()) : List.of();
            }
        }
    }

    /** The target's CREATE TABLE: the columns with their types and NOT NULL; the rest comes after the rows. */
    static String createTable(SourceTable t) {
        List<String> cols = new ArrayList<>();
        for (SourceColumn c : t.columns()) {
            cols.add(Sql.ident(c.name()) + " " + c.targetType() + (c.nullable() ? "" : " NOT NULL"));
        }
        return "CREATE TABLE " + Sql.qualified(t.loadSchema(), t.name().table()) + " (" + String.join(", ", cols) + ")";
    }
}
