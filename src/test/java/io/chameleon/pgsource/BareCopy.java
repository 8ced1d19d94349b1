package io.chameleon.pgsource;

import io.chameleon.pg.Sql;
import io.chameleon.schema.TableName;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the rest of init_replica does before the post-data step, done simply for tests: bare target
 * tables with the source's columns, types and NOT NULL (partitioned like the source, or plain),
 * and the rows copied with COPY through the client.
 */
final class BareCopy {
    private final Connection source;
    private final Connection target;
    private final Map<String, String> schemaMap;

    BareCopy(Connection source, Connection target, Map<String, String> schemaMap) {
        this.source = source;
        this.target = target;
        this.schemaMap = schemaMap;
    }

    /** Creates each table (parents before partitions) in its target schema. */
    void createTables(List<TableName> tables, boolean keepPartitioning) throws SQLException {
        for (TableName t : tables) {
                        String bound = keepPartitioning ? one("SELECT pg_get_expr(c.relpartbound, c.oid) || ' ' || ("
                    + " SELECT format('%I.%I', pn.nspname, p.relname) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                    + " JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid)"
                    + " FROM pg_class c WHERE c.oid = ?::regclass AND c.relispartition", t) : null;
            if (bound != null) {
                String parent = renamed(bound.substring(bound.lastIndexOf(' ') + 1));
                exec("CREATE TABLE " + target(t) + " PARTITION OF " + parent
                        + " " + bound.substring(0, bound.lastIndexOf(' ')));
                continue;
            }
            List<String> columns = new ArrayList<>();
            try (PreparedStatement s = source.prepareStatement("SELECT format('%I %s', a.attname, format_type(a.atttypid,"
                    + " a.atttypmod)) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END FROM pg_attribute a"
                    + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
                s.setString(1, qualified(t));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        columns.add(renamed(rs.getString(1)));
                    }
                }
            }
            String partitioning = keepPartitioning ? one("SELECT pg_get_partkeydef(?::regclass)", t) : null;
            exec("CREATE TABLE " + target(t) + " (" + String.join(", ", columns)
                    + ")" + (partitioning == null ? "" : " PARTITION BY " + renamed(partitioning)));
        }
    }

    /** Copies the rows of each table (of a partitioned one, through its partitions' COPY when listed). */
    void copyRows(List<TableName> tables) throws Exception {
        var out = source.unwrap(PGConnection.class).getCopyAPI();
        var in = target.unwrap(PGConnection.class).getCopyAPI();
        for (TableName t : tables) {
            if (!"r".equals(one("SELECT relkind::text FROM pg_class WHERE oid = ?::regclass", t))) {
                continue;
            }
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            out.copyOut("COPY (SELECT * FROM ONLY " + qualified(t) + ") TO STDOUT", rows);
            in.copyIn("COPY " + target(t) + " FROM STDIN",
                    new ByteArrayInputStream(rows.toByteArray()));
        }
    }

    /** Copies a plain target table's rows from the whole (partitioned) source table. */
    void copyAllRows(TableName t) throws Exception {
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        source.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM " + qualified(t) + ") TO STDOUT", rows);
        target.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target(t) + " FROM STDIN", new ByteArrayInputStream(rows.toByteArray()));
    }

    /**
     * Types and tables of the test's lower-case source schemas renamed by plain replacement, apart
     * from SchemaRequalifier so that breaking it breaks the tests of the post-data step, not this.
     */
    private String renamed(String definition) {
        String out = definition;
        for (Map.Entry<String, String> e : schemaMap.entrySet()) {
            out = out.replace(e.getKey() + ".", Sql.ident(e.getValue()) + ".");
        }
        return out;
    }

    private String one(String sql, TableName t) throws SQLException {
        try (PreparedStatement s = source.prepareStatement(sql)) {
            s.setString(1, qualified(t));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = target.createStatement()) {
            s.execute(sql);
        }
    }

    private static String qualified(TableName t) {
        return Sql.qualified(t.schema(), t.table());
    }

    private String target(TableName t) {
        return Sql.qualified(schemaMap.get(t.schema()), t.table());
    }
}
