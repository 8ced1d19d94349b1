package io.chameleon.mysql;

/**
 * The account the server authenticated, as {@code SELECT CURRENT_USER()} names it. Fixes grant to
 * this account, not to the configured user name: a login as {@code usr_replica} may match the
 * account {@code 'usr_replica'@'10.0.%'}.
 */
public record PreflightAccount(String user, String host) {

    /** Parses {@code user@host}; the host never contains '@', so the last one separates them. */
    public static PreflightAccount parse(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        return at < 0 ? new PreflightAccount(currentUser, "%")
                : new PreflightAccount(currentUser.substring(0, at), currentUser.substring(at + 1));
    }

    /** {@code 'user'@'host'}, ready to paste into a GRANT. */
    public String sql() {
        return quote(user) + "@" + quote(host);
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return sql();
    }
}
