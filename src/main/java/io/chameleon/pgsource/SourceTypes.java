package io.chameleon.pgsource;

import io.chameleon.pg.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides what a source type becomes in the target. Built-in types (pg_catalog, below the first
 * user OID) keep their declaration and may travel in binary. Enums and domains of a mapped schema
 * are re-created in the target schema. Any other type (an extension's, a composite, a user range)
 * keeps its name when the target has a type of that name, and is otherwise copied as its text form
 * into a {@code text} column.
 */
final class SourceTypes {
    private static final Logger LOG = LoggerFactory.getLogger(SourceTypes.class);
    /** PostgreSQL's FirstNormalObjectId: OIDs below it are the server's own. */
    private static final long FIRST_USER_OID = 16384;

    /**
     * The columns {@link #classify} reads, for a type {@code t} with modifier {@code typmod}: the
     * declaration, and the element type {@code e} (the type itself unless an array) with its schema.
     */
    static String typeColumns(String type, String typmod) {
        return "format_type(" + type + ", " + typmod + ") AS declared, e.oid AS elem_oid, en.nspname AS elem_schema,"
                + " e.typname AS elem_name, e.typtype AS elem_kind, (t.typcategory = 'A' AND t.typelem <> 0) AS is_array,"
                + " EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = e.oid"
                + " AND d.deptype = 'e') AS in_extension";
    }

    /** The joins {@link #typeColumns} needs, for the type OID expression {@code type}. */
    static String typeJoins(String type) {
        return " JOIN pg_type t ON t.oid = " + type
                + " JOIN pg_type e ON e.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END"
                + " JOIN pg_namespace en ON en.oid = e.typnamespace";
    }

    /** What a type becomes: the target's declaration, and how its values travel. */
    record Mapped(String declaration, boolean builtIn, boolean asText) {}

    private final Map<String, String> loadSchemas;
    private final Predicate<String> targetHasType;

    /**
     * @param loadSchemas each mapped source schema → the schema its tables and types are built in
     * @param targetHasType whether the target has a type of this (qualified) name
     */
    SourceTypes(Map<String, String> loadSchemas, Predicate<String> targetHasType) {
        this.loadSchemas = loadSchemas;
        this.targetHasType = targetHasType;
    }

    /** Whether the element type is an enum or domain of a mapped schema, which the copy creates. */
    boolean recreated(ResultSet rs) throws SQLException {
        String kind = rs.getString("elem_kind");
        return loadSchemas.containsKey(rs.getString("elem_schema")) && !rs.getBoolean("in_extension")
                && ("e".equals(kind) || "d".equals(kind));
    }

    /** @param what the column or domain, for the log line when the type is copied as text */
    Mapped classify(ResultSet rs, String what) throws SQLException {
        String declared = rs.getString("declared");
        if ("pg_catalog".equals(rs.getString("elem_schema")) && rs.getLong("elem_oid") < FIRST_USER_OID) {
            return new Mapped(declared, true, false);
        }
        if (recreated(rs)) {
            String name = Sql.qualified(loadSchemas.get(rs.getString("elem_schema")), rs.getString("elem_name"));
            return new Mapped(name + (rs.getBoolean("is_array") ? "[]" : ""), false, false);
        }
        if (targetHasType.test(declared)) {
            return new Mapped(declared, false, false);
        }
        LOG.warn("{} is of type {}, which the target database does not have (an extension's type, a composite or a"
                + " range of the source's own): copied as its text form into a text column; install the extension in"
                + " the target and run init_replica again to keep the type", what, declared);
        return new Mapped("text", false, true);
    }
}
