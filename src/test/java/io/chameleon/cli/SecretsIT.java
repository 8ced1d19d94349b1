package io.chameleon.cli;

import io.chameleon.testing.BackgroundProcess;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.ReplicaFixture.Run;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica with a log file sees account statements with credentials go by, and a start with a
 * wrong password: neither the configured secrets nor the accounts' passwords and hashes are in
 * its log, the catalogue or any command's output.
 */
class SecretsIT {
    private static final String LOG_NAME = "test_mysql_replica";

    @Test
    void noSecretInTheLogTheCatalogueOrTheOutput() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("secrets");
        String tag = fx.mysqlSchema.replaceAll("[^a-z0-9]", "");
        String pgUser = "chm_" + tag;
        String pgPassword = "PgPw-" + tag;
        String wrongPassword = "WrongPw-" + tag;
        String account = "acct_" + tag.substring(Math.max(0, tag.length() - 20));
        List<String> secrets = new ArrayList<>(List.of(TestServers.ADMIN_PASSWORD, pgPassword, wrongPassword));
        List<Run> runs = new ArrayList<>();

        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("CREATE ROLE " + pgUser + " LOGIN SUPERUSER PASSWORD '" + pgPassword + "'");
        }
        String good = fx.config().replace("  user: \"postgres\"\n  password: \"postgres\"\n",
                "  user: \"" + pgUser + "\"\n  password: \"" + pgPassword + "\"\n");
        assertThat(good).contains(pgPassword);
        fx.useConfig(good);
        fx.mysqlExec("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))", "INSERT INTO t VALUES (1, 'before')");
        fx.initReplica();
        runs.add(fx.ok("check", "--source", fx.sourceName));
        assertThat(runs.get(0).out()).as("the file is 644").contains("chmod 600 " + fx.configFile);

        fx.useConfig(good.replace("log_dest: stdout\n", "log_dest: file\n"));
        Path logs = fx.dir.resolve("logs");
        Run start = fx.run("start_replica", "--source", fx.sourceName);
        runs.add(start);
        assertThat(start.exitCode()).as(start.all() + BackgroundProcess.logs(logs, LOG_NAME)).isZero();
        BackgroundProcess replica = BackgroundProcess.of(start, logs, LOG_NAME);
        try {
            secrets.addAll(accountStatements(fx, account));
            fx.mysqlExec("INSERT INTO t VALUES (2, 'after')");
            try (Connection my = fx.mysql()) {
                ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my),
                        () -> replica.isAlive() ? null : new AssertionError("the replica ended" + replica.output()),
                        Duration.ofSeconds(120));
            }
            assertThat(fx.diff("t")).isEmpty();
            runs.add(fx.ok("stop_replica", "--source", fx.sourceName));
            assertThat(replica.awaitExit(Duration.ofSeconds(60))).as(replica.output()).isTrue();
        } finally {
            replica.killIfAlive();
        }
        String log = Files.readString(logs.resolve(LOG_NAME + ".log"));
        // the statements were seen, without their credentials; the binlog library's lines are in our format
        assertThat(log).contains("CREATE USER", "ALTER USER", "'***'", "MysqlGtidDumpClient: Connected to ")
                .doesNotContain("com.github.shyiko.mysql.binlog");

        // a wrong password, at check and at a start in the background
        fx.useConfig(good.replace("password: \"" + TestServers.ADMIN_PASSWORD + "\"", "password: \"" + wrongPassword
                + "\""));
        Run check = fx.run("check", "--source", fx.sourceName);
        runs.add(check);
        assertThat(check.exitCode()).as(check.all()).isNotZero();
        assertThat(check.all()).contains("Access denied");
        fx.useConfig(fx.config().replace("log_dest: stdout\n", "log_dest: file\n"));
        Run failing = fx.run("start_replica", "--source", fx.sourceName);
        runs.add(failing);
        if (failing.exitCode() == 0) {
            BackgroundProcess child = BackgroundProcess.of(failing, logs, LOG_NAME);
            try {
                assertThat(child.awaitExit(Duration.ofSeconds(120))).as(child.output()).isTrue();
            } finally {
                child.killIfAlive();
            }
        }
        assertThat(failing.all() + BackgroundProcess.logs(logs, LOG_NAME)).contains("Access denied");
        fx.useConfig(good);
        runs.add(fx.ok("show_errors"));
        runs.add(fx.ok("show_status", "--source", fx.sourceName));

        List<String> places = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.toList()) {
                places.add(f.getFileName() + ":\n" + Files.readString(f));
            }
        }
        for (Run r : runs) {
            places.add("output:\n" + r.all());
        }
        places.add("catalogue:\n" + catalogue(fx));
        for (String place : places) {
            for (String secret : secrets) {
                assertThat(place).as("%s in %s", secret, place).doesNotContain(secret);
            }
        }
    }

    /**
     * Account statements with credentials, as the flavour writes them; returns the passwords and
     * hashes that the binlog carries.
     */
    private static List<String> accountStatements(ReplicaFixture fx, String account) throws SQLException {
        String tag = account.substring(5);
        String a = "'" + account + "'@'%'";
        String b = "'" + account + "b'@'%'";
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            out.add("AcctPw" + i + "-" + tag);
        }
        fx.mysqlExec("CREATE USER " + a + " IDENTIFIED BY '" + out.get(0) + "'",
                "ALTER USER " + a + " IDENTIFIED BY '" + out.get(1) + "'");
        if (TestServers.sourceIsMysql()) {
            fx.mysqlExec("GRANT SELECT ON `" + fx.mysqlSchema + "`.* TO " + a,
                    "SET PASSWORD FOR " + a + " = '" + out.get(3) + "'",
                    "CREATE USER " + b + " IDENTIFIED WITH caching_sha2_password BY '" + out.get(4) + "'");
            String hex = one(fx, "SELECT HEX(authentication_string) FROM mysql.user WHERE user = '" + account + "b'");
            // the hash form MySQL writes to its binlog, replayed as a statement of its own
            fx.mysqlExec("CREATE USER '" + account + "c'@'%' IDENTIFIED WITH caching_sha2_password AS 0x" + hex);
            out.add(hex);
            // the hash's text after its $A$iii$ prefix and 20-byte salt
            out.add(one(fx, "SELECT SUBSTRING(authentication_string, 28) FROM mysql.user WHERE user = '" + account
                    + "b'"));
            out.add("$A$0");
        } else {
            String hash = one(fx, "SELECT PASSWORD('" + out.get(4) + "')");
            fx.mysqlExec("GRANT SELECT ON `" + fx.mysqlSchema + "`.* TO " + a + " IDENTIFIED BY '" + out.get(2) + "'",
                    "SET PASSWORD FOR " + a + " = PASSWORD('" + out.get(3) + "')",
                    "CREATE USER " + b + " IDENTIFIED BY PASSWORD '" + hash + "'");
            out.add(hash.substring(1));
        }
        return out;
    }

    private static String one(ReplicaFixture fx, String sql) throws SQLException {
        try (Connection c = fx.mysql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every row of every catalogue table, as JSON. */
    private static String catalogue(ReplicaFixture fx) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Connection c = fx.pg(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(table_name) FROM information_schema.tables"
                    + " WHERE table_schema = 'sch_chameleon' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).isNotEmpty();
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT row_to_json(t)::text FROM sch_chameleon." + table + " t")) {
                    while (rs.next()) {
                        b.append(table).append(' ').append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }
}
