package io.chameleon.mysql;

import io.chameleon.config.DbConn;
import io.chameleon.config.SourceConfig;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the checks of a mysql source: connects as its db_conn user, reads what the checks need in
 * a handful of read-only statements, and hands the values to the evaluators.
 */
final class PreflightSource {
    private PreflightSource() {}

    static List<CheckResult> check(SourceConfig source) {
        DbConn db = source.dbConn();
        List<CheckResult> out = new ArrayList<>();
        try (Connection c = new MysqlConnector(db).open()) {
            PreflightAccount account = PreflightAccount.parse(queryOne(c, "SELECT CURRENT_USER()"));
            out.add(CheckResult.ok(PreflightConnectFailure.NAME, db.describe() + " as " + account));
            try {
                evaluate(c, source, account, out);
            } catch (SQLException | IllegalArgumentException e) { // the latter: a VERSION() ServerInfo cannot read
                out.add(CheckResult.failed("mysql read", "reading the server's settings on " + db.describe()
                        + " failed: " + CheckResult.redact(e.getMessage(), db.password(), db.user()),
                        "check the connection to " + db.describe() + " and run chameleon check again"));
            }
        } catch (SQLException e) {
            out.add(PreflightConnectFailure.of(e, source));
        }
        return out;
    }

    private static void evaluate(Connection c, SourceConfig source, PreflightAccount account, List<CheckResult> out)
            throws SQLException {
        String where = source.dbConn().describe();
        ServerInfo server = ServerInfo.read(c);
        PreflightServerSettings vars = settings(c);
        out.add(PreflightVersionCheck.evaluate(server, vars.get("aurora_version")));
        out.addAll(PreflightBinlogChecks.evaluate(server, vars, where, source.name(), source.myServerId(),
                source.gtidEnable()));
        PreflightGrants grants = PreflightGrants.parse(column(c, "SHOW GRANTS"));
        out.addAll(PreflightGrantChecks.evaluate(server, vars, grants, account, source.schemaMappings().keySet(),
                where));
        out.addAll(PreflightSchemaChecks.evaluate(source.schemaMappings().keySet(),
                column(c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"), account, where, source.name()));
    }

    private static PreflightServerSettings settings(Connection c) throws SQLException {
        String in = String.join("','", PreflightServerSettings.NAMES);
        Map<String, String> values = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('" + in + "')")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return new PreflightServerSettings(values);
    }

    private static String queryOne(Connection c, String sql) throws SQLException {
        List<String> values = column(c, sql);
        return values.isEmpty() ? "" : values.get(0);
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
