package io.chameleon.mysql;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the binary log carries what the replica needs: every changed row, whole, in ROW
 * events, from a server with an id of its own. Pure evaluation of the variables, so every
 * combination is unit-tested without restarting a server.
 */
final class PreflightBinlogChecks {
    /** These variables also have a session value, taken from the global one when a session starts. */
    private static final String SESSIONS_KEEP_OLD_VALUE =
            "Sessions already connected keep writing with the old value until they reconnect:"
                    + " reconnect the applications before init_replica";

    private PreflightBinlogChecks() {}

    /**
     * @param where host:port of the source, named in every fix
     * @param sourceName the source whose my_server_id and gtid_enable keys are checked
     */
    static List<CheckResult> evaluate(ServerInfo server, PreflightServerSettings vars, String where,
            String sourceName, long myServerId, boolean gtidEnable) {
        List<CheckResult> out = new ArrayList<>();
        out.add(logBin(vars, where));
        out.add(required(vars, where, "binlog_format", "ROW",
                "statement and mixed events carry SQL text, not the changed rows"));
        out.add(rowImage(vars, where));
        out.add(serverId(vars, where, sourceName, myServerId));
        String valueOptions = vars.get("binlog_row_value_options");
        if (valueOptions != null) {
            out.add(rowValueOptions(valueOptions));
        }
        out.add(rowMetadata(vars, where));
        String compression = vars.get("binlog_transaction_compression");
        if (compression != null) {
            out.add(compression(vars));
        }
        if (gtidEnable) {
            out.add(gtid(server, vars, where, sourceName));
        }
        return out;
    }

    private static CheckResult logBin(PreflightServerSettings vars, String where) {
        if (vars.isOn("log_bin")) {
            return CheckResult.ok("log_bin", "ON");
        }
        return CheckResult.failed("log_bin", "OFF: the server writes no binary log to replicate from",
                "on " + where + ": put 'log_bin = mysql-bin' under [mysqld] in my.cnf (and remove any skip-log-bin)"
                        + " and restart the server; there is no SET GLOBAL for it. On Amazon RDS enable automated"
                        + " backups; on Aurora set binlog_format in the DB cluster parameter group");
    }

    private static CheckResult rowImage(PreflightServerSettings vars, String where) {
        if (vars.get("binlog_row_image") == null) {
            return CheckResult.ok("binlog_row_image", "not a setting on this server: row images are always full");
        }
        return required(vars, where, "binlog_row_image", "FULL",
                "MINIMAL and NOBLOB leave unchanged columns out of the row events");
    }

    /** A variable that must have one value; both flavours can change these without a restart. */
    private static CheckResult required(PreflightServerSettings vars, String where, String name, String value,
            String why) {
        String actual = vars.get(name);
        if (value.equalsIgnoreCase(actual)) {
            return CheckResult.ok(name, value);
        }
        return CheckResult.failed(name, (actual == null ? "unknown" : actual) + ", must be " + value + ": " + why,
                settingFix(where, name, value) + ". " + SESSIONS_KEEP_OLD_VALUE);
    }

    private static CheckResult serverId(PreflightServerSettings vars, String where, String sourceName,
            long myServerId) {
        long id = parseId(vars.get("server_id"));
        if (id == 0) {
            long suggested = myServerId == 1 ? 2 : 1;
            return CheckResult.failed("server_id", "0: a server without an id refuses binary log clients",
                    settingFix(where, "server_id", Long.toString(suggested)));
        }
        if (id == myServerId) {
            return CheckResult.failed("server_id", id + ", the same as my_server_id of source '" + sourceName
                    + "': the server would take the replica for itself",
                    "set my_server_id of source '" + sourceName + "' to an id that neither " + where
                            + " nor any of its replicas uses (e.g. " + (id + 100) + ")");
        }
        return CheckResult.ok("server_id", id + " (the replica connects as " + myServerId + ")");
    }

    /**
     * Shown, never failed: with PARTIAL_JSON, MySQL logs JSON_SET / JSON_REPLACE / JSON_REMOVE updates
     * as diffs, which the replica applies to the before image (pg_chameleon #158 lost them).
     */
    private static CheckResult rowValueOptions(String value) {
        return CheckResult.ok("binlog_row_value_options", value.isEmpty() ? "'' (full JSON values)"
                : value.toUpperCase().contains("PARTIAL_JSON") ? value + " (JSON updates arrive as diffs, applied to"
                + " the before image)" : value);
    }

    /** MySQL 8.0.20+ can write each transaction as one zstd-compressed event; the replica unpacks those too. */
    private static CheckResult compression(PreflightServerSettings vars) {
        return CheckResult.ok("binlog_transaction_compression", vars.isOn("binlog_transaction_compression")
                ? "ON: transactions are logged compressed (TRANSACTION_PAYLOAD events), which the replica unpacks"
                : "OFF");
    }

    private static CheckResult rowMetadata(PreflightServerSettings vars, String where) {
        String value = vars.get("binlog_row_metadata");
        if (value == null) {
            return CheckResult.ok("binlog_row_metadata",
                    "not available before MySQL 8.0.1 / MariaDB 10.5: column names come from information_schema");
        }
        if (value.equalsIgnoreCase("FULL")) {
            return CheckResult.ok("binlog_row_metadata", "FULL");
        }
        return CheckResult.warning("binlog_row_metadata", value
                + ", FULL recommended: row events then name their columns, so the stream can cross-check them",
                settingFix(where, "binlog_row_metadata", "FULL"));
    }

    private static CheckResult gtid(ServerInfo server, PreflightServerSettings vars, String where,
            String sourceName) {
        if (server.isMariaDb()) {
            return CheckResult.ok("gtid_mode", "MariaDB: GTIDs are always written");
        }
        if (vars.isOn("gtid_mode")) {
            return CheckResult.ok("gtid_mode", "ON");
        }
        return CheckResult.failed("gtid_mode", vars.get("gtid_mode") + ", but source '" + sourceName
                + "' has gtid_enable: Yes",
                "on " + where + ": put 'gtid_mode = ON' and 'enforce_gtid_consistency = ON' under [mysqld] in"
                        + " my.cnf; online, run SET GLOBAL enforce_gtid_consistency = ON; then SET GLOBAL"
                        + " gtid_mode = OFF_PERMISSIVE; SET GLOBAL gtid_mode = ON_PERMISSIVE; SET GLOBAL gtid_mode"
                        + " = ON; one at a time. Or set gtid_enable: No for source '" + sourceName + "'");
    }

    /** The my.cnf line that survives restarts and the SET GLOBAL that applies it at once. */
    static String settingFix(String where, String name, String value) {
        // SET GLOBAL refuses a quoted number for a numeric variable such as server_id.
        String literal = value.chars().allMatch(Character::isDigit) ? value : "'" + value + "'";
        return "on " + where + ": put '" + name + " = " + value + "' under [mysqld] in my.cnf and run SET GLOBAL "
                + name + " = " + literal + "; to apply it without a restart; on Amazon RDS/Aurora set " + name
                + " in the DB parameter group";
    }

    private static long parseId(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
