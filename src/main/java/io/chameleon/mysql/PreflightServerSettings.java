package io.chameleon.mysql;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The server variables the checks look at, as {@code SHOW GLOBAL VARIABLES} gives them. A variable
 * the server does not have (binlog_row_metadata before MySQL 8.0.1 / MariaDB 10.5, MySQL-only
 * ones on MariaDB) is simply absent.
 */
record PreflightServerSettings(Map<String, String> values) {

    /** Read in one statement; the names are those of MySQL and MariaDB alike. */
    static final Set<String> NAMES = Set.of("log_bin", "binlog_format", "binlog_row_image", "server_id",
            "binlog_row_value_options", "binlog_row_metadata", "binlog_transaction_compression", "gtid_mode",
            "enforce_gtid_consistency",
            "lower_case_table_names", "partial_revokes", "aurora_version", "basedir");

    PreflightServerSettings {
        Map<String, String> m = new TreeMap<>();
        values.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        values = Map.copyOf(m);
    }

    /** The value, or null when the server has no such variable. */
    String get(String name) {
        return values.get(name);
    }

    boolean isOn(String name) {
        String v = get(name);
        return v != null && (v.equalsIgnoreCase("ON") || v.equals("1"));
    }

    /** MySQL 8 with partial_revokes treats '%' and '_' in database grants literally. */
    boolean grantWildcards() {
        return !isOn("partial_revokes");
    }

    /**
     * "Amazon Aurora" or "Amazon RDS" when the server is one (Aurora has aurora_version; RDS
     * installs under /rdsdbbin/), else null. Both refuse FLUSH TABLES WITH READ LOCK even to an
     * account that holds RELOAD.
     */
    String managedService() {
        if (get("aurora_version") != null) {
            return "Amazon Aurora";
        }
        String basedir = get("basedir");
        return basedir != null && basedir.startsWith("/rdsdbbin/") ? "Amazon RDS" : null;
    }

    /** lower_case_table_names 1 or 2: schema names compare without case. */
    boolean namesIgnoreCase() {
        String v = get("lower_case_table_names");
        return v != null && !v.equals("0");
    }
}
