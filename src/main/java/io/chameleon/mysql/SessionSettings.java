package io.chameleon.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The settings of the session that wrote a statement to the binlog, as far as they change how the
 * statement reads: its sql_mode (from the QUERY event's status variables) and, where MySQL logs
 * it, explicit_defaults_for_timestamp.
 *
 * @param sqlMode the sql_mode bits, or {@link #UNKNOWN_MODE} when the event did not carry them
 * @param explicitDefaultsForTimestamp the session's value when the event carries it (MySQL 8), else null
 */
public record SessionSettings(long sqlMode, Boolean explicitDefaultsForTimestamp) {
    public static final long UNKNOWN_MODE = -1;
    /** MySQL's default reading: backslash escapes, double quotes around strings. */
    public static final SessionSettings DEFAULT = new SessionSettings(UNKNOWN_MODE, null);

    private static final long ANSI_QUOTES = 1L << 2;
    private static final long NO_BACKSLASH_ESCAPES = 1L << 20;
    private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;

    /**
     * The server's global explicit_defaults_for_timestamp: what a session has unless it sets its
     * own, and all the binlog tells of it on MariaDB. Servers older than the variable (MySQL 5.5,
     * MariaDB 10.0) always behave as OFF.
     */
    public static boolean globalExplicitDefaultsForTimestamp(Connection mysql) throws SQLException {
        try (Statement s = mysql.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@GLOBAL.explicit_defaults_for_timestamp")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_SYSTEM_VARIABLE) {
                return false;
            }
            throw e;
        }
    }

    /** {@code "x"} is an identifier, not a string. */
    public boolean ansiQuotes() {
        return sqlMode != UNKNOWN_MODE && (sqlMode & ANSI_QUOTES) != 0;
    }

    /** A backslash in a string is itself, not an escape. */
    public boolean noBackslashEscapes() {
        return sqlMode != UNKNOWN_MODE && (sqlMode & NO_BACKSLASH_ESCAPES) != 0;
    }
}
