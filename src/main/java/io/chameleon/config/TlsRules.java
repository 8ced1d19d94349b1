package io.chameleon.config;

import java.util.ArrayList;
import java.util.List;

/** The ssl keys of pg_conn and of each db_conn that only make sense together. */
final class TlsRules {
    private TlsRules() {
    }

    /** Throws a {@link ConfigException} with every broken rule. */
    static void check(ChameleonConfig config) {
        List<ConfigException> problems = new ArrayList<>();
        check("pg_conn", config.pgConn().tls(), problems);
        config.sources().values().forEach(s -> check("sources." + s.name() + ".db_conn", s.dbConn().tls(), problems));
        if (!problems.isEmpty()) {
            throw ConfigException.of(problems);
        }
    }

    private static void check(String at, Tls tls, List<ConfigException> problems) {
        // no silent fallback to a trust store the user did not name: verifying needs the CA said out loud
        if (tls.mode().verifiesCa() && tls.rootCert() == null) {
            problems.add(new ConfigException(at + ".sslrootcert", "nothing",
                    "the CA file the server's certificate is checked against (required by sslmode "
                            + tls.mode().keyword() + ")"));
        }
        if ((tls.cert() == null) != (tls.key() == null)) {
            String missing = tls.cert() == null ? "sslcert" : "sslkey";
            problems.add(new ConfigException(at + "." + missing, "nothing",
                    "a file: sslcert and sslkey are given together"));
        }
    }
}
