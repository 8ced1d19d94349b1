package io.chameleon.pgsource;

import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.CheckResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check} of a pgsql source: it connects to the database named in db_conn, its mapped
 * schemas exist, and the user may read every table to copy. A hot standby that may cancel a long
 * copy is told as a warning.
 */
public final class SourcePreflight {
    private SourcePreflight() {}

    public static List<CheckResult> check(SourceConfig source) {
        List<CheckResult> out = new ArrayList<>();
        var db = source.dbConn();
        String where = db.describe() + "/" + db.database();
        try (Connection c = PgSourceLoad.connector(db).open()) {
            out.add(CheckResult.ok("pgsql source connect", where + " as " + db.user()));
            for (String schema : source.schemaMappings().keySet()) {
                out.add(schema(c, schema, where));
            }
            out.add(standby(c, where));
        } catch (SQLException e) {
            out.add(CheckResult.failed("pgsql source connect", "cannot connect to " + where + " as " + db.user() + ": "
                    + CheckResult.redact(e.getMessage(), db.password(), db.user()), "check db_conn (host, port, user,"
                    + " password, database) of source " + source.name() + "; the database must exist"));
        }
        return out;
    }

    private static CheckResult schema(Connection c, String schema, String where) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = ?),"
                + " (SELECT string_agg(quote_ident(n.nspname) || '.' || quote_ident(r.relname), ', ' ORDER BY r.relname)"
                + " FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = ?"
                + " AND r.relkind IN ('r', 'p') AND NOT r.relispartition AND NOT has_table_privilege(r.oid, 'SELECT'))")) {
            s.setString(1, schema);
            s.setString(2, schema);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return CheckResult.failed("pgsql source schema " + schema, "no schema " + schema + " in " + where,
                            "correct schema_mappings, or create the schema in the source");
                }
                String unreadable = rs.getString(2);
                if (unreadable != null) {
                    return CheckResult.failed("pgsql source schema " + schema, "the user cannot read " + unreadable,
                            "GRANT USAGE ON SCHEMA and SELECT ON those tables to the user of db_conn");
                }
                return CheckResult.ok("pgsql source schema " + schema, "every table is readable");
            }
        }
    }

    /**
     * A standby exports snapshots as a primary does, but replaying the primary's changes cancels a
     * query that still needs rows those changes remove, unless the standby holds them back.
     */
    private static CheckResult standby(Connection c, String where) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_is_in_recovery(), current_setting('hot_standby_feedback'),"
                + " current_setting('max_standby_streaming_delay')"); ResultSet rs = s.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return CheckResult.ok("pgsql source snapshot", "a primary: the copy reads every table in one snapshot");
            }
            String delay = rs.getString(3);
            if ("on".equals(rs.getString(2)) || "-1".equals(delay)) {
                return CheckResult.ok("pgsql source snapshot", where + " is a hot standby: the copy reads every table"
                        + " in one snapshot exported there");
            }
            return CheckResult.warning("pgsql source snapshot", where + " is a hot standby with hot_standby_feedback"
                    + " off and max_standby_streaming_delay " + delay + ": replaying the primary's vacuum may cancel"
                    + " a long copy (conflict with recovery); the copy still reads every table in one snapshot",
                    "set hot_standby_feedback = on on the standby, or copy from the primary");
        }
    }
}
