package io.chameleon.mysql;

/** Whether the server is a flavour and version chameleon is built and tested for. */
final class PreflightVersionCheck {
    static final String NAME = "mysql version";
    static final String SUPPORTED = "MySQL 5.7, 8.0, 8.4 and 9.x, MariaDB 10.x and 11.x";

    private PreflightVersionCheck() {}

    static boolean supported(ServerInfo s) {
        if (s.isMariaDb()) {
            return s.major() == 10 || s.major() == 11;
        }
        return (s.major() == 5 && s.minor() == 7) || s.major() == 8 || s.major() == 9;
    }

    /** @param auroraVersion {@code @@aurora_version} when the server is Amazon Aurora, else null */
    static CheckResult evaluate(ServerInfo server, String auroraVersion) {
        String found = server + (auroraVersion == null ? "" : " (Aurora MySQL " + auroraVersion + ")")
                + ", reported as '" + server.versionText() + "'";
        if (supported(server)) {
            return CheckResult.ok(NAME, found);
        }
        return CheckResult.warning(NAME, found + ": not a supported version",
                "replicate from " + SUPPORTED + "; the other checks still apply, but this version is untested");
    }
}
