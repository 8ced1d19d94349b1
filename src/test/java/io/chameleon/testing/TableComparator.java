package io.chameleon.testing;

import io.chameleon.compare.ValueCanon;
import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.types.ValuePolicies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The replication oracle: reads a table from MySQL and from PostgreSQL and compares them row by
 * row and value by value, each value in the canonical text of {@link ValueCanon} (compare's own
 * rules). Rows are compared as sorted lists, so no database's collation decides the order.
 */
public final class TableComparator {
    /** The replica's defaults: zero_dates null, nul_chars strip. */
    private static final ValueCanon CANON = new ValueCanon(new ValuePolicies(ZeroDatePolicy.NULL, NulCharPolicy.STRIP));

    private TableComparator() {}

    /** The differences found (empty when the tables are equal), at most {@code limit} of them. */
    public static List<String> compare(Connection mysql, String mysqlSchema, String table, Connection pg,
            String pgSchema, int limit) throws SQLException {
        TableDef def = new SchemaReader(mysql, ServerInfo.read(mysql)).readSchema(mysqlSchema).stream()
                .filter(t -> t.name().table().equals(table)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + mysqlSchema + "." + table + " in MySQL"));
        List<String> left = mysqlRows(mysql, def, pg);
        List<String> right = pgRows(pg, pgSchema, def);
        List<String> diffs = new ArrayList<>();
        if (left.size() != right.size()) {
            diffs.add(table + ": MySQL has " + left.size() + " rows, PostgreSQL " + right.size());
        }
        int i = 0;
        int j = 0;
        while ((i < left.size() || j < right.size()) && diffs.size() < limit) {
            int c = i >= left.size() ? 1 : j >= right.size() ? -1 : left.get(i).compareTo(right.get(j));
            if (c == 0) {
                i++;
                j++;
            } else if (c < 0) {
                diffs.add(table + ": only in MySQL: " + left.get(i++));
            } else {
                diffs.add(table + ": only in PostgreSQL: " + right.get(j++));
            }
        }
        return diffs;
    }

    private static List<String> mysqlRows(Connection c, TableDef def, Connection pg) throws SQLException {
        // the server's own text of each value: Connector/J's getString re-prints temporal values
        // (a DATETIME(3) .001 comes back as .1), so numbers, dates and times are CAST to text on the server
        String cols = def.columns().stream().map(ValueCanon::mysqlSelect).collect(Collectors.joining(", "));
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute(ValueCanon.MYSQL_SESSION);
            try (ResultSet rs = s.executeQuery("SELECT " + cols + " FROM `" + def.name().schema() + "`.`"
                    + def.name().table() + "`")) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int k = 0; k < def.columns().size(); k++) {
                        ColumnDef col = def.columns().get(k);
                        String v = CANON.mysql(col, rs, k + 1);
                        row.append(k == 0 ? "" : " | ").append(col.name()).append('=')
                                .append(v == null ? "NULL" : ValueCanon.json(col) ? jsonCanonical(pg, CANON.mysqlJson(v)) : v);
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> pgRows(Connection c, String schema, TableDef def) throws SQLException {
        List<String> rows = new ArrayList<>();
        String cols = def.columns().stream().map(ValueCanon::pgSelect).collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            for (String set : ValueCanon.PG_SESSION) {
                s.execute(set);
            }
            try (ResultSet rs = s.executeQuery("SELECT " + cols + " FROM \"" + schema + "\".\"" + def.name().table() + "\"")) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int k = 0; k < def.columns().size(); k++) {
                        ColumnDef col = def.columns().get(k);
                        String v = CANON.pg(col, rs, k + 1);
                        row.append(k == 0 ? "" : " | ").append(col.name()).append('=').append(v == null ? "NULL" : v);
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    /** MySQL's JSON text as jsonb prints it (key order, spacing). */
    private static String jsonCanonical(Connection pg, String json) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT ?::jsonb::text")) {
            ps.setString(1, json);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
