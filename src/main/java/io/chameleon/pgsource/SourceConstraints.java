package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Primary keys, unique and exclusion constraints, checks and foreign keys of the copied tables,
 * with their names, as pg_get_constraintdef prints them (DEFERRABLE, NULLS NOT DISTINCT, INCLUDE,
 * MATCH FULL and the actions come with it).
 *
 * <p>Partitions and inheritance children: a constraint a partition got from its parent
 * (conparentid, or a check not local to the child) is left out when the parent is copied: the
 * parent's constraint is built once, and recurses to partitions if the target is partitioned. So
 * are the extra rows PostgreSQL keeps for a foreign key to each partition of a partitioned table.
 */
final class SourceConstraints {
    private static final String SQL = """
            SELECT copied.nspname, copied.relname, con.conname, con.contype, pg_get_constraintdef(con.oid),
                   rn.nspname, r.relname, r.oid IN (SELECT relid FROM copied), con.convalidated,
                   obj_description(con.oid, 'pg_constraint')
              FROM pg_constraint con JOIN copied ON con.conrelid = copied.relid
              LEFT JOIN pg_class r ON r.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
             WHERE con.contype IN ('p', 'u', 'x', 'c', 'f')
               AND NOT (con.conparentid <> 0 AND EXISTS (SELECT FROM pg_constraint pc JOIN copied pt ON pt.relid = pc.conrelid
                                                          WHERE pc.oid = con.conparentid))
               AND NOT (NOT con.conislocal AND EXISTS (SELECT FROM pg_inherits i JOIN copied pt ON pt.relid = i.inhparent
                                                        WHERE i.inhrelid = con.conrelid))
             ORDER BY 1, 2, 3""";

    /** A foreign key build() creates NOT VALID, and the statement that validates it. */
    record ForeignKey(Step create, Step validate) {}

    private SourceConstraints() {}

    static void read(Connection source, CopiedTables copied, List<Step> keys, List<Step> checks, List<ForeignKey> foreignKeys,
            List<Step> comments, Consumer<String> warn) throws SQLException {
        copied.query(source, SQL, rs -> {
            String table = copied.target(rs.getString(1), rs.getString(2));
            String name = rs.getString(3);
            String type = rs.getString(4);
            String definition = copied.requalify(rs.getString(5));
            String what = kind(type) + " " + name + " of " + rs.getString(1) + "." + rs.getString(2);
            String add = "ALTER TABLE " + table + " ADD CONSTRAINT " + Sql.ident(name) + " " + definition;
            switch (type) {
                case "p", "u", "x" -> keys.add(new Step(what, add));
                case "c" -> checks.add(new Step(what, add));
                default -> {
                    if (!rs.getBoolean(8)) {
                        warn.accept(what + " not built: it references " + rs.getString(6) + "." + rs.getString(7)
                                + ", which is not copied (copy that table too, or create the key by hand)");
                        return;
                    }
                    // a key the source itself holds NOT VALID stays so: its rows may break it
                    boolean validated = rs.getBoolean(9);
                    foreignKeys.add(new ForeignKey(new Step(what, validated ? add + " NOT VALID" : add), validated
                            ? new Step("foreign key " + Sql.ident(name) + " of " + table, "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + Sql.ident(name)) : null));
                }
            }
            if (rs.getString(10) != null) {
                comments.add(new Step("comment of " + what, "COMMENT ON CONSTRAINT " + Sql.ident(name) + " ON " + table
                        + " IS " + Sql.literal(rs.getString(10))));
            }
        });
    }

    private static String kind(String contype) {
        return switch (contype) {
            case "p" -> "primary key";
            case "u" -> "unique constraint";
            case "x" -> "exclusion constraint";
            case "c" -> "check constraint";
            default -> "foreign key";
        };
    }
}
