package io.chameleon.pgsource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * What the copied tables have in the source that the post-data step does not build (triggers,
 * rules, row-level security policies): one warning each, so nothing is left behind unsaid.
 */
final class SourceLeftOut {
    private static final String SQL = """
            SELECT 'trigger ' || quote_ident(t.tgname), copied.nspname, copied.relname
              FROM pg_trigger t JOIN copied ON t.tgrelid = copied.relid WHERE NOT t.tgisinternal
            UNION ALL
            SELECT 'rule ' || quote_ident(r.rulename), copied.nspname, copied.relname
              FROM pg_rewrite r JOIN copied ON r.ev_class = copied.relid WHERE r.rulename <> '_RETURN'
            UNION ALL
            SELECT 'row-level security policy ' || quote_ident(p.polname), copied.nspname, copied.relname
              FROM pg_policy p JOIN copied ON p.polrelid = copied.relid
            ORDER BY 2, 3, 1""";

    private SourceLeftOut() {}

    static void read(Connection source, CopiedTables copied, Consumer<String> warn) throws SQLException {
        copied.query(source, SQL, rs -> warn.accept(rs.getString(1) + " of " + rs.getString(2) + "." + rs.getString(3)
                + " not built: init_replica from a PostgreSQL source copies no triggers, rules or policies; create it by"
                + " hand in the target if the replica needs it"));
    }
}
