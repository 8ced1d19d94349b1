package io.chameleon.copy;

import io.chameleon.pg.Sql;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.types.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The PostgreSQL statements that build a table: its enum types and columns before the data, its
 * primary key, indexes and identity after. What PostgreSQL cannot build comes back as a skip
 * with the reason, for the log.
 */
final class TargetDdl {
    private final boolean postgis;

    TargetDdl(boolean postgis) {
        this.postgis = postgis;
    }

    List<String> enumTypes(TablePlan plan) {
        List<String> sql = new ArrayList<>();
        for (PgType t : plan.pgTypes()) {
            t.enumType().ifPresent(e -> sql.add("CREATE TYPE " + Sql.qualified(plan.loadSchema(), e.name()) + " AS ENUM ("
                    + e.labels().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")"));
        }
        return sql;
    }

    String createTable(TablePlan plan, List<Optional<String>> defaults) {
        List<String> cols = new ArrayList<>();
        List<ColumnDef> columns = plan.source().columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            PgType t = plan.pgTypes().get(i);
            String type = t.enumType().map(e -> Sql.qualified(plan.loadSchema(), e.name())).orElse(t.sql());
            StringBuilder col = new StringBuilder(Sql.ident(c.name())).append(' ').append(type);
            defaults.get(i).ifPresent(d -> col.append(" DEFAULT ").append(d));
            if (!c.nullable()) {
                col.append(" NOT NULL");
            }
            cols.add(col.toString());
        }
        String with = plan.fillfactor() == null ? "" : " WITH (fillfactor = " + plan.fillfactor() + ")";
        return "CREATE TABLE " + plan.loadTableSql() + " (\n  " + String.join(",\n  ", cols) + "\n)" + with;
    }

    /** A statement that builds an index, or the reason PostgreSQL cannot. */
    record IndexStatement(IndexDef index, String sql, String skipReason) {}

    IndexStatement index(TablePlan plan, IndexDef idx, IndexNamer namer) {
        String table = plan.pgTable();
        if (idx.type() != null && idx.type().equalsIgnoreCase("FULLTEXT")) {
            return new IndexStatement(idx, null, "FULLTEXT index; PostgreSQL needs a tsvector index instead, e.g. CREATE INDEX ON "
                    + plan.loadTableSql() + " USING gin (to_tsvector('simple', <column>))");
        }
        boolean spatial = idx.type() != null && idx.type().equalsIgnoreCase("SPATIAL");
        if (spatial && !postgis) {
            return new IndexStatement(idx, null, "SPATIAL index and PostGIS is not installed in the target database");
        }
        List<String> parts = new ArrayList<>();
        for (IndexDef.Part p : idx.parts()) {
            if (p.column() == null) {
                return new IndexStatement(idx, null, "functional index part (" + p.expression() + ") is not translated");
            }
            parts.add(p.prefixLength() == null ? Sql.ident(p.column()) : prefixExpression(plan, p));
        }
        String name = namer.name(table, idx.name());
        if (idx.primary() && idx.plainColumns()) {
            return new IndexStatement(idx, "ALTER TABLE " + plan.loadTableSql() + " ADD CONSTRAINT " + Sql.ident(name)
                    + " PRIMARY KEY (" + String.join(", ", parts) + ")" + fillfactor(plan, " USING INDEX"), null);
        }
        return new IndexStatement(idx, "CREATE " + (idx.unique() ? "UNIQUE " : "") + "INDEX " + Sql.ident(name) + " ON "
                + plan.loadTableSql() + (spatial ? " USING gist" : "") + " (" + String.join(", ", parts) + ")"
                + fillfactor(plan, ""), null);
    }

    private static String fillfactor(TablePlan plan, String prefix) {
        return plan.fillfactor() == null ? "" : prefix + " WITH (fillfactor = " + plan.fillfactor() + ")";
    }

    /** MySQL indexes the first n characters (bytes for binary): the same expression keeps uniqueness exact. */
    private static String prefixExpression(TablePlan plan, IndexDef.Part p) {
        ColumnDef c = plan.source().column(p.column()).orElseThrow();
        boolean binary = c.dataType().contains("binary") || c.dataType().contains("blob");
        return binary ? "(substring(" + Sql.ident(p.column()) + " from 1 for " + p.prefixLength() + "))"
                : "(left(" + Sql.ident(p.column()) + ", " + p.prefixLength() + "))";
    }

    /**
     * Makes the auto_increment column generate values after {@code next - 1} (and after the
     * largest value loaded): an identity for integer types, a sequence default otherwise.
     */
    List<String> autoIncrement(TablePlan plan, ColumnDef c, PgType type, long start) {
        String col = Sql.ident(c.name());
        String t = type.sql().toLowerCase();
        if (t.equals("smallint") || t.equals("integer") || t.equals("bigint")) {
            return List.of("ALTER TABLE " + plan.loadTableSql() + " ALTER COLUMN " + col
                    + " ADD GENERATED BY DEFAULT AS IDENTITY (START WITH " + start + ")");
        }
        String seq = Sql.qualified(plan.loadSchema(), IndexNamer.fit(plan.pgTable() + "_" + c.name() + "_seq"));
        return List.of("CREATE SEQUENCE " + seq + " START WITH " + start,
                "ALTER SEQUENCE " + seq + " OWNED BY " + plan.loadTableSql() + "." + col,
                "ALTER TABLE " + plan.loadTableSql() + " ALTER COLUMN " + col + " SET DEFAULT nextval('"
                        + seq.replace("'", "''") + "')");
    }
}
