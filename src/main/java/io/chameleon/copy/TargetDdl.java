package io.chameleon.copy;

import io.chameleon.pg.Sql;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.types.DefaultTranslator;
import io.chameleon.types.PgType;
import io.chameleon.types.TranslatedDefault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL statements that build a table: its enum types and columns before the data, its
 * primary key, indexes and identity after. What PostgreSQL cannot build comes back as a skip
 * with the reason, for the log. The initial load and DDL replay both build tables here.
 */
public final class TargetDdl {
    private final boolean postgis;
    private final DefaultTranslator defaults;

    public TargetDdl(boolean postgis, DefaultTranslator defaults) {
        this.postgis = postgis;
        this.defaults = defaults;
    }

    public List<String> enumTypes(TargetTable table) {
        List<String> sql = new ArrayList<>();
        for (PgType t : table.pgTypes()) {
            t.enumType().ifPresent(e -> sql.add(e.createSql(table.schema())));
        }
        return sql;
    }

    /** A statement with the warnings met while writing it (defaults PostgreSQL cannot express). */
    public record Statement(String sql, List<String> warnings) {
        public Statement {
            warnings = List.copyOf(warnings);
        }
    }

    public Statement createTable(TargetTable table) {
        List<String> cols = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < table.source().columns().size(); i++) {
            Statement col = column(table, i);
            cols.add(col.sql());
            warnings.addAll(col.warnings());
        }
        String with = table.fillfactor() == null ? "" : " WITH (fillfactor = " + table.fillfactor() + ")";
        return new Statement("CREATE TABLE " + table.tableSql() + " (\n  " + String.join(",\n  ", cols) + "\n)" + with,
                warnings);
    }

    /** The definition of column {@code index}: name, type, default (none for auto_increment) and NOT NULL. */
    public Statement column(TargetTable table, int index) {
        ColumnDef c = table.source().columns().get(index);
        StringBuilder col = new StringBuilder(Sql.ident(c.name())).append(' ').append(typeSql(table, index));
        TranslatedDefault d = defaultOf(table, index);
        // the warning names the table and column already
        List<String> warnings = d.warning().stream().toList();
        if (!c.autoIncrement()) {
            d.expression().ifPresent(e -> col.append(" DEFAULT ").append(e));
        }
        if (!c.nullable()) {
            col.append(" NOT NULL");
        }
        return new Statement(col.toString(), warnings);
    }

    /** Column {@code index}'s PostgreSQL type as written in its table's schema. */
    public String typeSql(TargetTable table, int index) {
        return table.pgTypes().get(index).sqlIn(table.schema());
    }

    /** Column {@code index}'s MySQL default as a PostgreSQL DEFAULT expression, or why there is none. */
    public TranslatedDefault defaultOf(TargetTable table, int index) {
        ColumnDef c = table.source().columns().get(index);
        return defaults.translate(table.source().name(), c, table.pgTypes().get(index), table.schema());
    }

    /** A statement that builds an index under the PostgreSQL name {@code name}, or the reason PostgreSQL cannot. */
    public record IndexStatement(IndexDef index, String name, String sql, String skipReason) {}

    public IndexStatement index(TargetTable table, IndexDef idx, IndexNamer namer) {
        if (idx.type() != null && idx.type().equalsIgnoreCase("FULLTEXT")) {
            return new IndexStatement(idx, null, null, "FULLTEXT index; PostgreSQL needs a tsvector index instead, e.g. CREATE INDEX ON "
                    + table.tableSql() + " USING gin (to_tsvector('simple', <column>))");
        }
        boolean spatial = idx.type() != null && idx.type().equalsIgnoreCase("SPATIAL");
        if (spatial && !postgis) {
            return new IndexStatement(idx, null, null, "SPATIAL index and PostGIS is not installed in the target database");
        }
        List<String> parts = new ArrayList<>();
        for (IndexDef.Part p : idx.parts()) {
            if (p.column() == null) {
                return new IndexStatement(idx, null, null, "functional index part (" + p.expression() + ") is not translated");
            }
            parts.add(p.prefixLength() == null ? Sql.ident(p.column()) : prefixExpression(table, p));
        }
        String name = namer.name(table.pgTable(), idx.name());
        if (idx.primary() && idx.plainColumns()) {
            return new IndexStatement(idx, name, "ALTER TABLE " + table.tableSql() + " ADD CONSTRAINT " + Sql.ident(name)
                    + " PRIMARY KEY (" + String.join(", ", parts) + ")" + fillfactor(table, " USING INDEX"), null);
        }
        return new IndexStatement(idx, name, "CREATE " + (idx.unique() ? "UNIQUE " : "") + "INDEX " + Sql.ident(name) + " ON "
                + table.tableSql() + (spatial ? " USING gist" : "") + " (" + String.join(", ", parts) + ")"
                + fillfactor(table, ""), null);
    }

    private static String fillfactor(TargetTable table, String prefix) {
        return table.fillfactor() == null ? "" : prefix + " WITH (fillfactor = " + table.fillfactor() + ")";
    }

    /** MySQL indexes the first n characters (bytes for binary): the same expression keeps uniqueness exact. */
    private static String prefixExpression(TargetTable table, IndexDef.Part p) {
        ColumnDef c = table.source().column(p.column()).orElseThrow();
        boolean binary = c.dataType().contains("binary") || c.dataType().contains("blob");
        return binary ? "(substring(" + Sql.ident(p.column()) + " from 1 for " + p.prefixLength() + "))"
                : "(left(" + Sql.ident(p.column()) + ", " + p.prefixLength() + "))";
    }

    /**
     * Makes the auto_increment column generate values after {@code next - 1} (and after the
     * largest value loaded): an identity for integer types, a sequence default otherwise.
     */
    public List<String> autoIncrement(TargetTable table, ColumnDef c, PgType type, long start) {
        String col = Sql.ident(c.name());
        if (isIdentityType(type)) {
            return List.of("ALTER TABLE " + table.tableSql() + " ALTER COLUMN " + col
                    + " ADD GENERATED BY DEFAULT AS IDENTITY (START WITH " + start + ")");
        }
        String seq = sequenceSql(table, c);
        return List.of("CREATE SEQUENCE " + seq + " START WITH " + start,
                "ALTER SEQUENCE " + seq + " OWNED BY " + table.tableSql() + "." + col,
                "ALTER TABLE " + table.tableSql() + " ALTER COLUMN " + col + " SET DEFAULT nextval('"
                        + seq.replace("'", "''") + "')");
    }

    /** PostgreSQL identities are integers only; other auto_increment columns get a sequence. */
    public static boolean isIdentityType(PgType type) {
        String t = type.sql().toLowerCase();
        return t.equals("smallint") || t.equals("integer") || t.equals("bigint");
    }

    /** The sequence of a non-integer auto_increment column. */
    public static String sequenceSql(TargetTable table, ColumnDef c) {
        return Sql.qualified(table.schema(), sequenceName(table.pgTable(), c.name()));
    }

    /** The name of the sequence of a non-integer auto_increment column, unqualified. */
    public static String sequenceName(String pgTable, String column) {
        return IndexNamer.fit(pgTable + "_" + column + "_seq");
    }
}
