package io.chameleon.mysql;

import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The embedded PostgreSQL trusts every local connection, so a wrong password cannot fail. This
 * puts a password rule for one test role at the top of pg_hba.conf, and restores the file when
 * closed; every other role keeps connecting as before.
 */
final class PreflightPasswordRequired implements AutoCloseable {
    private final Path hbaFile;
    private final String original;

    private PreflightPasswordRequired(Path hbaFile, String original) {
        this.hbaFile = hbaFile;
        this.original = original;
    }

    /** Skips the test when pg_hba.conf is not a local file this JVM may write (an external server). */
    static PreflightPasswordRequired forRole(String role, String wrongPassword) throws Exception {
        Path hba = Path.of(query("SHOW hba_file"));
        Assumptions.assumeTrue(Files.isWritable(hba), "pg_hba.conf of the test PostgreSQL is not writable here");
        String original = Files.readString(hba);
        String rules = "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role + " ::1/128 scram-sha-256\n";
        Files.writeString(hba, rules + original);
        PreflightPasswordRequired guard = new PreflightPasswordRequired(hba, original);
        guard.reloadUntilRefused(role, wrongPassword);
        return guard;
    }

    @Override
    public void close() throws Exception {
        Files.writeString(hbaFile, original);
        query("SELECT pg_reload_conf()::text");
    }

    /** pg_reload_conf only signals the server: wait until a wrong password is refused. */
    private void reloadUntilRefused(String role, String wrongPassword) throws Exception {
        query("SELECT pg_reload_conf()::text");
        TestServers.Endpoint e = TestServers.postgres();
        Properties p = new Properties();
        p.setProperty("user", role);
        p.setProperty("password", wrongPassword);
        for (int i = 0; i < 100; i++) {
            try (Connection ignored = DriverManager.getConnection(
                    "jdbc:postgresql://" + e.host() + ":" + e.port() + "/postgres", p)) {
                Thread.sleep(50);
            } catch (SQLException expected) {
                return;
            }
        }
        throw new IllegalStateException("PostgreSQL still accepts a wrong password for " + role);
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = TestServers.pgConnection("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
