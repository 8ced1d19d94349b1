package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The settings that make a value's text form the same on both sides, so a text COPY carries it
 * exactly: UTC for timestamptz and timetz, ISO dates, postgres intervals, shortest exact floats,
 * hex bytea. Money's text depends on lc_monetary: the target takes the source's.
 */
final class SessionSettings {
    private SessionSettings() {}

    static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';"
                    + " SET extra_float_digits = 3; SET bytea_output = 'hex'; SET xmloption = 'content'");
        }
    }

    static String lcMonetary(Connection source) throws SQLException {
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("SHOW lc_monetary")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The target's session as the source's; the source's lc_monetary must exist on the target's host. */
    static void applyToTarget(Connection target, String lcMonetary) throws SQLException {
        apply(target);
        try (Statement s = target.createStatement()) {
            s.execute("SET lc_monetary = " + Sql.literal(lcMonetary));
        }
    }
}
