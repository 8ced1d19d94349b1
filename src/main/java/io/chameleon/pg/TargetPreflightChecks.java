package io.chameleon.pg;

import io.chameleon.config.PgConn;
import io.chameleon.mysql.CheckResult;

/** Evaluates what {@link TargetPreflight} read from the target; pure, so each message is unit-tested. */
final class TargetPreflightChecks {
    /** Below it chameleon does not run; below {@link #TESTED_MAJOR} it runs untested. */
    static final int MINIMUM_MAJOR = 10;
    static final int TESTED_MAJOR = 12;

    private TargetPreflightChecks() {}

    static CheckResult connectFailure(String sqlState, String message, PgConn conn) {
        String state = sqlState == null ? "" : sqlState;
        String fix;
        if (state.equals("28P01") || state.equals("28000")) {
            fix = "check user and password in pg_conn; pg_hba.conf on " + conn.host() + ":" + conn.port()
                    + " must allow " + conn.user() + " to connect to " + conn.database() + " from this machine";
        } else if (state.equals("3D000")) {
            fix = "on " + conn.host() + ":" + conn.port() + ", as a superuser: CREATE DATABASE "
                    + Sql.ident(conn.database()) + " OWNER " + Sql.ident(conn.user()) + ";";
        } else {
            fix = "check host and port in pg_conn, that PostgreSQL listens on " + conn.host() + ":" + conn.port()
                    + " (listen_addresses, port) and that no firewall blocks it";
        }
        return CheckResult.failed(TargetPreflight.CONNECT, message, fix);
    }

    /** @param versionNum {@code server_version_num}, e.g. 170011 */
    static CheckResult version(int versionNum, String versionText, PgConn conn) {
        int major = versionNum / 10_000; // 90624 is 9.6, 170011 is 17
        String name = "postgresql version";
        if (major < MINIMUM_MAJOR) {
            return CheckResult.failed(name, versionText + ": chameleon needs PostgreSQL " + MINIMUM_MAJOR
                    + " or later", "upgrade the PostgreSQL server at " + conn.describe());
        }
        if (major < TESTED_MAJOR) {
            return CheckResult.warning(name, versionText + ": older than " + TESTED_MAJOR
                    + ", the oldest version chameleon is tested with", "upgrade the PostgreSQL server at "
                    + conn.describe() + " to " + TESTED_MAJOR + " or later");
        }
        return CheckResult.ok(name, versionText);
    }

    /** init_replica creates the loading and destination schemas, so the user needs CREATE on the database. */
    static CheckResult create(boolean canCreate, PgConn conn) {
        String name = "postgresql CREATE on database";
        if (canCreate) {
            return CheckResult.ok(name, conn.user() + " may create schemas in " + conn.database());
        }
        return CheckResult.failed(name, conn.user() + " may not create schemas in " + conn.database(),
                "on " + conn.host() + ":" + conn.port() + ", as a superuser or the database owner: GRANT CREATE ON"
                        + " DATABASE " + Sql.ident(conn.database()) + " TO " + Sql.ident(conn.user()) + ";");
    }

    /** Information only: without PostGIS spatial columns cannot become PostGIS types. */
    static CheckResult postgis(String installed, String available, PgConn conn) {
        if (installed != null) {
            return CheckResult.ok("postgis", "installed, version " + installed);
        }
        return CheckResult.ok("postgis", "not installed in " + conn.database() + (available == null
                ? " nor available on the server" : " (" + available + " is available: CREATE EXTENSION postgis;)")
                + ": spatial columns are not mapped to PostGIS types");
    }

    /** Information only: whether the catalogue exists is for create_replica_schema and init_replica to act on. */
    static CheckResult catalogue(boolean exists, PgConn conn) {
        return CheckResult.ok("sch_chameleon", exists ? "exists in " + conn.database()
                : "not in " + conn.database() + " yet: create_replica_schema creates it");
    }
}
