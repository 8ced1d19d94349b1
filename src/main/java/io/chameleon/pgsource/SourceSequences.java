package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sequences the copied tables use: serial ones (owned by a column), free-standing ones their
 * defaults call, and identity columns' sequences, with the source's options and current value.
 * The value is read when {@link #read} runs; sequences are not transactional, so inside the
 * copy's snapshot it is at least the value of any row the snapshot copied.
 */
final class SourceSequences {
    private static final String SQL = """
            , seqs AS (
              SELECT d.objid AS seqid FROM pg_depend d JOIN copied ON d.refobjid = copied.relid
               WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
              UNION
              SELECT d.refobjid FROM pg_attrdef ad JOIN copied ON ad.adrelid = copied.relid
                JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid AND d.refclassid = 'pg_class'::regclass)
            SELECT n.nspname, s.relname, format_type(q.seqtypid, NULL), q.seqstart, q.seqincrement, q.seqmin, q.seqmax,
                   q.seqcache, q.seqcycle, o.deptype, tn.nspname, t.relname, a.attname, a.attidentity,
                   o.refobjid IN (SELECT relid FROM copied) AS owner_copied, obj_description(s.oid, 'pg_class')
              FROM seqs JOIN pg_class s ON s.oid = seqs.seqid AND s.relkind = 'S'
              JOIN pg_namespace n ON n.oid = s.relnamespace JOIN pg_sequence q ON q.seqrelid = s.oid
              LEFT JOIN pg_depend o ON o.classid = 'pg_class'::regclass AND o.objid = s.oid
                   AND o.refclassid = 'pg_class'::regclass AND o.deptype IN ('a', 'i')
              LEFT JOIN pg_class t ON t.oid = o.refobjid LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
              LEFT JOIN pg_attribute a ON a.attrelid = o.refobjid AND a.attnum = o.refobjsubid
             ORDER BY 1, 2""";

    private SourceSequences() {}

    /**
     * Adds to {@code create} the statements that create the sequences (identities included) and set
     * their values, and to {@code own} those that make serial sequences owned by their column.
     */
    static void read(Connection source, CopiedTables copied, List<Step> create, List<Step> own, Consumer<String> warn)
            throws SQLException {
        List<Sequence> found = new ArrayList<>();
        copied.query(source, SQL, rs -> found.add(Sequence.of(rs)));
        for (Sequence s : found) {
            String name = s.schema + "." + s.name;
            if (!copied.mapped(s.schema)) {
                warn.accept("sequence " + name + " not built: its schema is not in schema_mappings (a default of a"
                        + " copied table calls it; map " + s.schema + " or create the sequence by hand)");
                continue;
            }
            readValue(source, s);
            String target = copied.target(s.schema, s.name);
            String setval = "SELECT setval(" + Sql.literal(target) + ", " + s.lastValue + ", " + s.isCalled + ")";
            String column = s.ownerCopied ? copied.target(s.ownerSchema, s.ownerTable) + "." + Sql.ident(s.ownerColumn) : null;
            if ("i".equals(s.dependency)) {
                String kind = "a".equals(s.identity) ? "ALWAYS" : "BY DEFAULT";
                create.add(new Step("identity of " + s.ownerSchema + "." + s.ownerTable + "." + s.ownerColumn,
                        "ALTER TABLE " + copied.target(s.ownerSchema, s.ownerTable) + " ALTER COLUMN "
                                + Sql.ident(s.ownerColumn) + " ADD GENERATED " + kind + " AS IDENTITY (SEQUENCE NAME "
                                + target + " " + s.options(false) + ")"));
            } else {
                create.add(new Step("sequence " + name, "CREATE SEQUENCE " + target + " " + s.options(true)));
                if (column != null) {
                    own.add(new Step("ownership of sequence " + name, "ALTER SEQUENCE " + target + " OWNED BY " + column));
                } else if (s.ownerTable != null) {
                    warn.accept("sequence " + name + " is built without OWNED BY: it belongs to " + s.ownerSchema + "."
                            + s.ownerTable + ", which is not copied");
                }
            }
            create.add(new Step("value of sequence " + name, setval));
            if (s.comment != null) {
                create.add(new Step("comment of sequence " + name, "COMMENT ON SEQUENCE " + target + " IS "
                        + Sql.literal(s.comment)));
            }
        }
    }

    private static void readValue(Connection source, Sequence s) throws SQLException {
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT last_value, is_called FROM " + Sql.qualified(s.schema, s.name))) {
            rs.next();
            s.lastValue = rs.getLong(1);
            s.isCalled = rs.getBoolean(2);
        }
    }

    /** One source sequence; its value is filled in by {@link #readValue}. */
    private static final class Sequence {
        String schema;
        String name;
        String type;
        long start;
        long increment;
        long min;
        long max;
        long cache;
        boolean cycle;
        String dependency;
        String ownerSchema;
        String ownerTable;
        String ownerColumn;
        String identity;
        boolean ownerCopied;
        String comment;
        long lastValue;
        boolean isCalled;

        static Sequence of(ResultSet rs) throws SQLException {
            Sequence s = new Sequence();
            s.schema = rs.getString(1);
            s.name = rs.getString(2);
            s.type = rs.getString(3);
            s.start = rs.getLong(4);
            s.increment = rs.getLong(5);
            s.min = rs.getLong(6);
            s.max = rs.getLong(7);
            s.cache = rs.getLong(8);
            s.cycle = rs.getBoolean(9);
            s.dependency = rs.getString(10);
            s.ownerSchema = rs.getString(11);
            s.ownerTable = rs.getString(12);
            s.ownerColumn = rs.getString(13);
            s.identity = rs.getString(14);
            s.ownerCopied = rs.getBoolean(15);
            s.comment = rs.getString(16);
            return s;
        }

        /** @param withType false for an identity, whose sequence takes the column's type (AS would conflict) */
        String options(boolean withType) {
            return (withType ? "AS " + type + " " : "") + "INCREMENT BY " + increment + " MINVALUE " + min + " MAXVALUE " + max + " START WITH "
                    + start + " CACHE " + cache + (cycle ? " CYCLE" : " NO CYCLE");
        }
    }
}
