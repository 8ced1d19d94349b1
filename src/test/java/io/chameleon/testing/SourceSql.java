package io.chameleon.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** SQL that differs between the run's source flavours, for tests that run on both. */
public final class SourceSql {
    /** Rows the numbers table holds on MySQL, which has no sequence engine. */
    static final int NUMBERS = 1 << 19;

    private SourceSql() {}

    /** The statement that shows the binary log's file and position (MySQL 8.4 removed SHOW MASTER STATUS). */
    public static String binlogStatus() {
        return TestServers.sourceIsMysql() ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
    }

    /**
     * A table of the integers 1 to {@code n} in a column {@code seq}, for {@code INSERT ... SELECT ... FROM}:
     * MariaDB's sequence engine, or a derived table of the numbers table on MySQL.
     */
    public static String seq(int n) {
        return seq(1, n);
    }

    /** The integers {@code from} to {@code to} in a column {@code seq}, as {@link #seq(int)}. */
    public static String seq(int from, int to) {
        String name = "seq_" + from + "_to_" + to;
        if (!TestServers.sourceIsMysql()) {
            return name;
        }
        if (to > NUMBERS) {
            throw new IllegalArgumentException("the MySQL numbers table holds " + NUMBERS + " rows, not " + to);
        }
        return "(SELECT seq FROM chameleon_numbers.n WHERE seq BETWEEN " + from + " AND " + to + ") AS " + name;
    }

    /** Creates chameleon_numbers.n on a new MySQL server (outside every test's schema, so never replicated). */
    static void createNumbers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE chameleon_numbers");
            s.execute("CREATE TABLE chameleon_numbers.n (seq INT PRIMARY KEY)");
            s.execute("INSERT INTO chameleon_numbers.n VALUES (1)");
            for (int have = 1; have < NUMBERS; have *= 2) {
                s.execute("INSERT INTO chameleon_numbers.n SELECT seq + " + have + " FROM chameleon_numbers.n");
            }
        }
    }
}
