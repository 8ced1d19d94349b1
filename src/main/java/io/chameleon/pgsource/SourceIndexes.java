package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The copied tables' indexes that are not a key's own index, with their names, as
 * pg_get_indexdef prints them (method, expressions, WHERE, INCLUDE, ordering, opclasses,
 * collations, storage parameters), the table swapped for the target's.
 *
 * <p>Partitioned tables: a partition's index attached to its parent's index (pg_inherits) is left
 * out when the parent is copied; the parent's index is built without ONLY, so on a partitioned
 * target it recurses to the partitions and on a plain target it is an ordinary index. An index
 * the source marks invalid (a failed CREATE INDEX CONCURRENTLY) is not built, with a warning.
 */
final class SourceIndexes {
    private static final String SQL = """
            SELECT copied.nspname, copied.relname, ic.relname, pg_get_indexdef(i.indexrelid), i.indisvalid,
                   format('CREATE %sINDEX %I ON ', CASE WHEN i.indisunique THEN 'UNIQUE ' END, ic.relname),
                   format('%I.%I USING ', copied.nspname, copied.relname), obj_description(i.indexrelid, 'pg_class')
              FROM pg_index i JOIN copied ON i.indrelid = copied.relid JOIN pg_class ic ON ic.oid = i.indexrelid
             WHERE NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                                                             AND c.contype IN ('p', 'u', 'x'))
               AND NOT EXISTS (SELECT FROM pg_inherits h JOIN pg_index pi ON pi.indexrelid = h.inhparent
                                 JOIN copied pt ON pt.relid = pi.indrelid WHERE h.inhrelid = i.indexrelid)
             ORDER BY 1, 2, 3""";

    private SourceIndexes() {}

    static void read(Connection source, CopiedTables copied, List<Step> indexes, List<Step> comments, Consumer<String> warn)
            throws SQLException {
        copied.query(source, SQL, rs -> {
            String name = rs.getString(3);
            String what = "index " + name + " of " + rs.getString(1) + "." + rs.getString(2);
            String definition = rs.getString(4);
            if (!rs.getBoolean(5)) {
                warn.accept(what + " not built: it is invalid in the source (" + definition + "); rebuild it there"
                        + " (REINDEX INDEX) or create it by hand");
                return;
            }
            String head = rs.getString(6);
            String table = rs.getString(7);
            int at = definition.startsWith(head + "ONLY ") ? head.length() + 5 : head.length();
            if (!definition.startsWith(head) || !definition.startsWith(table, at)) {
                warn.accept(what + " not built: its definition has an unexpected form (" + definition + ")");
                return;
            }
            String target = copied.target(rs.getString(1), rs.getString(2));
            String unique = head.startsWith("CREATE UNIQUE ") ? "UNIQUE " : "";
            indexes.add(new Step(what, "CREATE " + unique + "INDEX " + Sql.ident(name) + " ON " + target + " USING "
                    + copied.requalify(definition.substring(at + table.length()))));
            if (rs.getString(8) != null) {
                comments.add(new Step("comment of " + what, "COMMENT ON INDEX " + copied.target(rs.getString(1), name)
                        + " IS " + Sql.literal(rs.getString(8))));
            }
        });
    }
}
