package io.chameleon.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of server a source is: MySQL or MariaDB, and which version. Statements that differ
 * between them (binary log status, GTID variables) are chosen here, in one place.
 */
public record ServerInfo(Flavour flavour, int major, int minor, int patch, String versionText) {

    public enum Flavour { MYSQL, MARIADB }

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    public static ServerInfo read(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return parse(rs.getString(1));
        }
    }

    public static ServerInfo parse(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            throw new IllegalArgumentException("unrecognised server version '" + version + "'");
        }
        Flavour f = version.toLowerCase().contains("mariadb") ? Flavour.MARIADB : Flavour.MYSQL;
        return new ServerInfo(f, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), version);
    }

    public boolean atLeast(int maj, int min, int pat) {
        if (major != maj) {
            return major > maj;
        }
        if (minor != min) {
            return minor > min;
        }
        return patch >= pat;
    }

    public boolean isMariaDb() {
        return flavour == Flavour.MARIADB;
    }

    /** MySQL 8.4 removed SHOW MASTER STATUS (pg_chameleon #194). */
    public String binaryLogStatusStatement() {
        return !isMariaDb() && atLeast(8, 2, 0) ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
    }

    /** The variable holding the executed GTID position: a GTID set on MySQL, domain-server-seq on MariaDB. */
    public String gtidVariable() {
        return isMariaDb() ? "@@GLOBAL.gtid_binlog_pos" : "@@GLOBAL.gtid_executed";
    }

    @Override
    public String toString() {
        return (isMariaDb() ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
    }
}
