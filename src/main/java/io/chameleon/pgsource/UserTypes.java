package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enums and domains of the mapped schemas, as statements that create them in the target
 * schemas: enums with their labels in order, domains with their base type, NOT NULL and CHECK
 * constraints, each after the types it is built on. A NOT VALID check is added after the rows, still
 * NOT VALID, so the rows the source kept despite it are copied as they are.
 *
 * @param create the statements before the tables
 * @param afterRows the NOT VALID checks
 */
record UserTypes(List<String> create, List<String> afterRows) {

    static UserTypes read(Connection source, SourceTypes types, Map<String, String> loadSchemas)
            throws SQLException {
        List<String> ddl = new ArrayList<>();
        List<String> afterRows = new ArrayList<>();
        String schemas = "ARRAY[" + String.join(", ", loadSchemas.keySet().stream().map(Sql::literal).toList()) + "]";
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("SELECT n.nspname, y.typname,"
                + " (SELECT array_agg(l.enumlabel ORDER BY l.enumsortorder) FROM pg_enum l WHERE l.enumtypid = y.oid)"
                + " FROM pg_type y JOIN pg_namespace n ON n.oid = y.typnamespace WHERE y.typtype = 'e'"
                + " AND n.nspname = ANY(" + schemas + ") AND NOT EXISTS (SELECT 1 FROM pg_depend d"
                + " WHERE d.classid = 'pg_type'::regclass AND d.objid = y.oid AND d.deptype = 'e') ORDER BY 1, 2")) {
            while (rs.next()) {
                List<String> labels = new ArrayList<>();
                for (String l : (String[]) rs.getArray(3).getArray()) {
                    labels.add(Sql.literal(l));
                }
                ddl.add("CREATE TYPE " + Sql.qualified(loadSchemas.get(rs.getString(1)), rs.getString(2)) + " AS ENUM ("
                        + String.join(", ", labels) + ")");
            }
        }
        ddl.addAll(domains(source, types, loadSchemas, schemas, afterRows));
        return new UserTypes(ddl, afterRows);
    }

    private static List<String> domains(Connection source, SourceTypes types, Map<String, String> loadSchemas,
            String schemas, List<String> afterRows) throws SQLException {
        Map<Long, String> created = new LinkedHashMap<>();
        Map<Long, Long> baseOf = new LinkedHashMap<>();
        try (PreparedStatement s = source.prepareStatement("SELECT y.oid, n.nspname, y.typname, y.typnotnull,"
                + " y.typbasetype, " + SourceTypes.typeColumns("y.typbasetype", "y.typtypmod")
                + ", (SELECT array_agg('CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid)"
                + " ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = y.oid AND c.contype = 'c')"
                + " FROM pg_type y JOIN pg_namespace n ON n.oid = y.typnamespace"
                + SourceTypes.typeJoins("y.typbasetype")
                + " WHERE y.typtype = 'd' AND n.nspname = ANY(" + schemas + ") AND NOT EXISTS (SELECT 1 FROM pg_depend d"
                + " WHERE d.classid = 'pg_type'::regclass AND d.objid = y.oid AND d.deptype = 'e') ORDER BY 2, 3");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String name = Sql.qualified(loadSchemas.get(rs.getString("nspname")), rs.getString("typname"));
                SourceTypes.Mapped base = types.classify(rs, "the base type of domain " + rs.getString("nspname") + "."
                        + rs.getString("typname"));
                StringBuilder sql = new StringBuilder("CREATE DOMAIN " + name + " AS " + base.declaration());
                if (rs.getBoolean("typnotnull")) {
                    sql.append(" NOT NULL");
                }
                java.sql.Array checks = rs.getArray(rs.getMetaData().getColumnCount());
                if (checks != null) {
                    for (String check : (String[]) checks.getArray()) {
                        if (check.endsWith(" NOT VALID")) {
                            afterRows.add("ALTER DOMAIN " + name + " ADD " + check);
                        } else {
                            sql.append(' ').append(check);
                        }
                    }
                }
                created.put(rs.getLong("oid"), sql.toString());
                baseOf.put(rs.getLong("oid"), rs.getLong("elem_oid"));
            }
        }
        // a domain over another domain comes after it
        List<String> ordered = new ArrayList<>();
        List<Long> pending = new ArrayList<>(created.keySet());
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (Long oid : List.copyOf(pending)) {
                if (!pending.contains(baseOf.get(oid))) {
                    ordered.add(created.get(oid));
                    pending.remove(oid);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("domains " + pending + " depend on each other in a cycle");
            }
        }
        return ordered;
    }
}
