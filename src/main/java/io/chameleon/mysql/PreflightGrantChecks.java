package io.chameleon.mysql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether the replica account holds what init_replica and the binlog reader use: SELECT on the
 * mapped schemas (the copy), RELOAD (FLUSH TABLES WITH READ LOCK for one consistent point) or
 * else LOCK TABLES on the schemas, REPLICATION CLIENT / BINLOG MONITOR (SHOW MASTER STATUS) and
 * REPLICATION SLAVE (the binlog dump).
 */
final class PreflightGrantChecks {
    private static final String FALLBACK = "init_replica falls back to per-table locks (LOCK TABLES ... READ)"
            + " on MySQL, to per-worker snapshots with their own binlog coordinates on MariaDB";

    private PreflightGrantChecks() {}

    /**
     * @param grants the account's SHOW GRANTS, parsed
     * @param where host:port of the source, named in every fix
     */
    static List<CheckResult> evaluate(ServerInfo server, PreflightServerSettings vars, PreflightGrants grants,
            PreflightAccount account, Collection<String> schemas, String where) {
        List<CheckResult> out = new ArrayList<>();
        for (String schema : schemas) {
            out.add(select(vars, grants, account, schema, where));
        }
        CheckResult reload = reload(vars, grants, account, where);
        out.add(reload);
        // MariaDB's fallback reads each worker snapshot's own coordinates and locks nothing
        if (reload.status() != CheckResult.Status.OK && !server.isMariaDb()) {
            for (String schema : schemas) {
                out.add(lockTables(vars, grants, account, schema, where));
            }
        }
        String monitor = binlogMonitorPrivilege(server);
        out.add(global(grants, account, where, monitor, binlogMonitorAccepted(server),
                "needed to read the binary log position (" + server.binaryLogStatusStatement() + ")"));
        out.add(global(grants, account, where, "REPLICATION SLAVE", List.of("REPLICATION SLAVE"),
                "needed to stream the binary log"));
        return out;
    }

    /** The name to grant: MariaDB 10.5.2 renamed REPLICATION CLIENT (still an alias) to BINLOG MONITOR. */
    static String binlogMonitorPrivilege(ServerInfo server) {
        return server.isMariaDb() && server.atLeast(10, 5, 2) ? "BINLOG MONITOR" : "REPLICATION CLIENT";
    }

    /**
     * Privileges that allow SHOW MASTER STATUS. SUPER does on MySQL and on MariaDB before 10.5.2,
     * but not since (checked on MariaDB 11.4). MariaDB's SLAVE MONITOR and REPLICATION SLAVE ADMIN
     * are replica-side privileges (SHOW SLAVE STATUS, START SLAVE) and do not.
     */
    static List<String> binlogMonitorAccepted(ServerInfo server) {
        if (server.isMariaDb() && server.atLeast(10, 5, 2)) {
            return List.of("BINLOG MONITOR", "REPLICATION CLIENT");
        }
        return List.of("REPLICATION CLIENT", "SUPER");
    }

    private static CheckResult select(PreflightServerSettings vars, PreflightGrants grants, PreflightAccount account,
            String schema, String where) {
        String name = "grant SELECT on " + schema;
        if (grants.hasOnSchema("SELECT", schema, vars.grantWildcards(), vars.namesIgnoreCase())) {
            return CheckResult.ok(name, "granted to " + account);
        }
        String fix = "on " + where + ": GRANT SELECT ON " + schemaPattern(schema) + " TO " + account.sql() + ";";
        List<String> tables = grants.tablesWithSelect(schema, vars.namesIgnoreCase());
        if (!tables.isEmpty()) {
            return CheckResult.warning(name, "only on the tables " + String.join(", ", tables) + " of `" + schema
                    + "`: other tables cannot be copied" + notes(grants), fix);
        }
        return CheckResult.failed(name, "not granted to " + account + ": tables cannot be copied" + notes(grants),
                fix);
    }

    /**
     * RELOAD allows FLUSH TABLES WITH READ LOCK, one short global lock for one consistent point.
     * Without it, or on Amazon RDS/Aurora, which refuse that lock whatever the grants say,
     * init_replica still works with per-table locks: a warning, not a failure.
     */
    private static CheckResult reload(PreflightServerSettings vars, PreflightGrants grants, PreflightAccount account,
            String where) {
        String managed = vars.managedService();
        boolean granted = grants.hasGlobal(List.of("RELOAD"));
        if (managed != null) {
            return CheckResult.warning("grant RELOAD", (granted ? "granted, but " : "not granted, and ") + managed
                    + " refuses FLUSH TABLES WITH READ LOCK: " + FALLBACK, "");
        }
        if (granted) {
            return CheckResult.ok("grant RELOAD", "granted to " + account);
        }
        return CheckResult.warning("grant RELOAD", "not granted to " + account + ": " + FALLBACK + notes(grants),
                "on " + where + ": GRANT RELOAD ON *.* TO " + account.sql() + "; or leave it: the fallback works");
    }

    /** The per-table fallback locks each table it reads, which takes LOCK TABLES on the schema. */
    private static CheckResult lockTables(PreflightServerSettings vars, PreflightGrants grants,
            PreflightAccount account, String schema, String where) {
        String name = "grant LOCK TABLES on " + schema;
        if (grants.hasOnSchema("LOCK TABLES", schema, vars.grantWildcards(), vars.namesIgnoreCase())) {
            return CheckResult.ok(name, "granted to " + account + ", for the per-table locks");
        }
        return CheckResult.failed(name, "not granted to " + account + ": without RELOAD's global lock,"
                + " init_replica needs it to lock each table while it reads its position" + notes(grants),
                "on " + where + ": GRANT LOCK TABLES ON " + schemaPattern(schema) + " TO " + account.sql() + ";");
    }

    private static CheckResult global(PreflightGrants grants, PreflightAccount account, String where,
            String privilege, List<String> accepted, String why) {
        String name = "grant " + privilege;
        if (grants.hasGlobal(accepted)) {
            return CheckResult.ok(name, "granted to " + account);
        }
        return CheckResult.failed(name, "not granted to " + account + ": " + why + notes(grants),
                "on " + where + ": GRANT " + privilege + " ON *.* TO " + account.sql() + ";");
    }

    /** What the parse could not see, so a missing privilege is reported honestly. */
    private static String notes(PreflightGrants grants) {
        StringBuilder b = new StringBuilder();
        if (!grants.roles().isEmpty()) {
            b.append(" (the account also holds the role(s) ").append(String.join("; ", grants.roles()))
                    .append("; a role's privileges count only where SHOW GRANTS lists them, as MariaDB does for"
                            + " the default role)");
        }
        if (!grants.unreadLines().isEmpty()) {
            b.append(" (").append(grants.unreadLines().size()).append(" SHOW GRANTS line(s) not understood: ")
                    .append(String.join(" | ", grants.unreadLines())).append(')');
        }
        return b.toString();
    }

    /**
     * {@code `schema`.*} for a GRANT. '_' and '%' are left as they are: unescaped they are
     * wildcards that still match the schema itself, and escaped they would be literal backslashes
     * when MySQL 8's partial_revokes is on.
     */
    static String schemaPattern(String schema) {
        return "`" + schema.replace("`", "``") + "`.*";
    }
}
