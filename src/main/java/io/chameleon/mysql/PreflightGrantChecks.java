package io.chameleon.mysql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether the replica account holds what init_replica and the binlog reader use: SELECT on the
 * mapped schemas (the copy), RELOAD (FLUSH TABLES WITH READ LOCK for one consistent point),
 * REPLICATION CLIENT / BINLOG MONITOR (SHOW MASTER STATUS) and REPLICATION SLAVE (the binlog dump).
 */
final class PreflightGrantChecks {
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
        out.add(reload(grants, account, where));
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
        if (grants.canSelect(schema, vars.grantWildcards(), vars.namesIgnoreCase())) {
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

    /** Without RELOAD (Amazon RDS and Aurora never give it) init_replica still works, lock by lock. */
    private static CheckResult reload(PreflightGrants grants, PreflightAccount account, String where) {
        if (grants.hasGlobal(List.of("RELOAD"))) {
            return CheckResult.ok("grant RELOAD", "granted to " + account);
        }
        return CheckResult.warning("grant RELOAD", "not granted to " + account + ": init_replica cannot run"
                + " FLUSH TABLES WITH READ LOCK and falls back to per-table locks (LOCK TABLES ... READ, which needs"
                + " the LOCK TABLES privilege), holding each table's lock while its position is read" + notes(grants),
                "on " + where + ": GRANT RELOAD ON *.* TO " + account.sql() + "; (not possible on Amazon RDS/Aurora,"
                        + " where the per-table fallback is the way)");
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
