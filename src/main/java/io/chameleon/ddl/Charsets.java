package io.chameleon.ddl;

import io.chameleon.mysql.ServerInfo;

import java.util.Locale;

/** Character set names as information_schema reports them. */
public final class Charsets {
    private Charsets() {
    }

    /** {@code utf8} is {@code utf8mb3} since MariaDB 10.6 and MySQL 8.0.30, which report it so. */
    static String normalise(String charset, ServerInfo server) {
        String c = charset.toLowerCase(Locale.ROOT);
        if (c.equals("utf8") && (server.isMariaDb() ? server.atLeast(10, 6, 0) : server.atLeast(8, 0, 30))) {
            return "utf8mb3";
        }
        return c;
    }
}
