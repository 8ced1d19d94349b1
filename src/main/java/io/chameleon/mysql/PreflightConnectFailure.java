package io.chameleon.mysql;

import io.chameleon.config.DbConn;
import io.chameleon.config.SourceConfig;

import java.sql.SQLException;

/** Turns a failed connection to the source into one line naming host:port, the user and the likely fix. */
final class PreflightConnectFailure {
    static final String NAME = "mysql connect";

    /** MySQL/MariaDB error codes: wrong user or password; account not allowed from this client's host. */
    private static final int ACCESS_DENIED = 1045;
    private static final int HOST_NOT_ALLOWED = 1130;

    private PreflightConnectFailure() {}

    static CheckResult of(SQLException e, SourceConfig source) {
        DbConn db = source.dbConn();
        String found = CheckResult.redact(e.getMessage(), db.password(), db.user());
        String key = "db_conn of source '" + source.name() + "'";
        String fix = switch (e.getErrorCode()) {
            case ACCESS_DENIED -> "check user and password in " + key + "; on " + db.describe()
                    + " the account must exist for the address chameleon connects from: SELECT user, host FROM"
                    + " mysql.user WHERE user = '" + db.user().replace("'", "''") + "';";
            case HOST_NOT_ALLOWED -> "on " + db.describe() + " create the account for the address chameleon"
                    + " connects from, e.g. CREATE USER '" + db.user().replace("'", "''")
                    + "'@'%' IDENTIFIED BY '<password>'; then run chameleon check again for the grants it needs";
            default -> "check host and port in " + key + ", that the server listens on " + db.describe()
                    + " (bind_address, port, skip_networking) and that no firewall blocks it";
        };
        return CheckResult.failed(NAME, found, fix);
    }
}
