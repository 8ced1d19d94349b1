package io.chameleon.mysql;

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

    /** {@code "x"} is an identifier, not a string. */
    public boolean ansiQuotes() {
        return sqlMode != UNKNOWN_MODE && (sqlMode & ANSI_QUOTES) != 0;
    }

    /** A backslash in a string is itself, not an escape. */
    public boolean noBackslashEscapes() {
        return sqlMode != UNKNOWN_MODE && (sqlMode & NO_BACKSLASH_ESCAPES) != 0;
    }
}
