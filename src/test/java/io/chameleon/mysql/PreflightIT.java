package io.chameleon.mysql;

import io.chameleon.config.DbConn;
import io.chameleon.config.PgConn;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.CheckResult.Status;
import io.chameleon.mysql.PreflightReport.Verdict;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The preflight against the embedded MariaDB 11.4 (binlog ROW/FULL, server id 1) and PostgreSQL 17. */
class PreflightIT {
    private static String schema;
    private static String pgDatabase;

    @BeforeAll
    static void databases() throws SQLException {
        schema = TestServers.createMysqlDatabase("preflight");
        pgDatabase = TestServers.createPgDatabase("preflight");
    }

    private static DbConn mysqlAs(String user, String password) {
        TestServers.Endpoint e = TestServers.mysql();
        return new DbConn(e.host(), e.port(), user, password, "utf8mb4", 10, null);
    }

    private static PgConn pgAs(String user, String password) {
        TestServers.Endpoint e = TestServers.postgres();
        return new PgConn(e.host(), e.port(), user, password, pgDatabase, "utf8");
    }

    private static PgConn pgAdmin() {
        return pgAs(TestServers.postgres().user(), TestServers.postgres().password());
    }

    private static SourceConfig source(DbConn db, String mysqlSchema, int myServerId) {
        return PreflightTestSources.mysql("it_source", db, Map.of(mysqlSchema, "pg_" + mysqlSchema), myServerId);
    }

    private static DbConn admin() {
        return mysqlAs(TestServers.ADMIN_USER, TestServers.ADMIN_PASSWORD);
    }

    private static String mysqlWhere() {
        return TestServers.mysql().host() + ":" + TestServers.mysql().port();
    }

    private static CheckResult named(PreflightReport report, String name) {
        return report.results().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in\n" + PreflightRenderer.render(report)));
    }

    /** Creates a MySQL account with a password and the given grants (with %s for the account). */
    private static String mysqlUser(String... grants) throws SQLException {
        String user = TestServers.uniqueName("pf_user");
        try (Connection c = TestServers.mysqlConnection(null); Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'user-pw-123'");
            for (String g : grants) {
                s.execute(String.format(g, "'" + user + "'@'%'"));
            }
        }
        return user;
    }

    /** A PostgreSQL login role with password role-pw-123 and no privilege beyond PUBLIC's. */
    private static String pgRole() throws SQLException {
        String role = TestServers.uniqueName("pf_role");
        try (Connection c = TestServers.pgConnection("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'role-pw-123'");
        }
        return role;
    }

    @Test
    void everyCheckPassesForTheAdminUser() {
        PreflightReport report = Preflight.run(source(admin(), schema, 100), pgAdmin());
        assertThat(report.verdict()).as(PreflightRenderer.render(report)).isEqualTo(Verdict.PASSED);
        assertThat(report.results()).extracting(CheckResult::name).contains("mysql connect", "mysql version", "log_bin",
                "binlog_format", "binlog_row_image", "server_id", "binlog_row_metadata", "grant SELECT on " + schema,
                "grant RELOAD", "grant BINLOG MONITOR", "grant REPLICATION SLAVE", "schema " + schema,
                "postgresql connect", "postgresql version", "postgresql CREATE on database", "postgis", "sch_chameleon");
        assertThat(named(report, "mysql connect").found())
                .isEqualTo(mysqlWhere() + " as '" + TestServers.ADMIN_USER + "'@'%'");
    }

    @Test
    void selectOnlyUserFailsTheReplicationGrantsWithTheExactStatements() throws SQLException {
        String user = mysqlUser("GRANT SELECT ON `" + schema + "`.* TO %s");
        PreflightReport report = Preflight.run(source(mysqlAs(user, "user-pw-123"), schema, 100), pgAdmin());
        String account = "'" + user + "'@'%'";

        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(named(report, "grant SELECT on " + schema).status()).isEqualTo(Status.OK);
        assertThat(named(report, "schema " + schema).status()).isEqualTo(Status.OK);
        CheckResult reload = named(report, "grant RELOAD");
        assertThat(reload.status()).isEqualTo(Status.WARNING);
        assertThat(reload.fix()).startsWith("on " + mysqlWhere() + ": GRANT RELOAD ON *.* TO " + account + ";");
        // MariaDB's fallback (per-worker snapshots) needs no LOCK TABLES
        assertThat(report.results()).extracting(CheckResult::name).doesNotContain("grant LOCK TABLES on " + schema);
        CheckResult monitor = named(report, "grant BINLOG MONITOR");
        assertThat(monitor.status()).isEqualTo(Status.FAILED);
        assertThat(monitor.fix()).isEqualTo("on " + mysqlWhere() + ": GRANT BINLOG MONITOR ON *.* TO " + account + ";");
        CheckResult slave = named(report, "grant REPLICATION SLAVE");
        assertThat(slave.status()).isEqualTo(Status.FAILED);
        assertThat(slave.fix()).isEqualTo("on " + mysqlWhere() + ": GRANT REPLICATION SLAVE ON *.* TO " + account + ";");
        assertThat(PreflightRenderer.render(report)).contains("GRANT REPLICATION SLAVE ON *.* TO " + account + ";")
                .doesNotContain("user-pw-123");
    }

    @Test
    void theGrantsFromTheFixesMakeTheChecksPass() throws SQLException {
        String user = mysqlUser("GRANT SELECT ON `" + schema + "`.* TO %s",
                "GRANT RELOAD, BINLOG MONITOR, REPLICATION SLAVE ON *.* TO %s");
        PreflightReport report = Preflight.run(source(mysqlAs(user, "user-pw-123"), schema, 100), pgAdmin());
        assertThat(report.verdict()).as(PreflightRenderer.render(report)).isEqualTo(Verdict.PASSED);
    }

    @Test
    void aMissingSchemaFails() {
        String missing = TestServers.uniqueName("pf_missing");
        PreflightReport report = Preflight.run(source(admin(), missing, 100), pgAdmin());
        CheckResult r = named(report, "schema " + missing);
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.found()).contains("no schema `" + missing + "` on " + mysqlWhere());
        assertThat(r.fix()).contains("schema_mappings of source 'it_source'");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void myServerIdEqualToTheServersIdFails() {
        PreflightReport report = Preflight.run(source(admin(), schema, 1), pgAdmin());
        CheckResult r = named(report, "server_id");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.found()).startsWith("1, the same as my_server_id of source 'it_source'");
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aWrongMysqlPasswordIsOneClearLineWithoutThePassword() {
        String wrong = "wrong-mysql-pw-42";
        PreflightReport report = Preflight.run(source(mysqlAs(TestServers.ADMIN_USER, wrong), schema, 100), pgAdmin());
        CheckResult r = named(report, "mysql connect");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.found()).contains(mysqlWhere()).contains(TestServers.ADMIN_USER).doesNotContain(wrong);
        assertThat(r.fix()).contains("check user and password");
        assertThat(PreflightRenderer.render(report)).doesNotContain(wrong);
        // the target is still checked, so every problem shows in one run
        assertThat(named(report, "postgresql connect").status()).isEqualTo(Status.OK);
    }

    @Test
    void aWrongPostgresPasswordIsOneClearLineWithoutThePassword() throws Exception {
        String role = pgRole();
        String wrong = "wrong-pg-pw-42";
        try (PreflightPasswordRequired ignored = PreflightPasswordRequired.forRole(role, wrong)) {
            PreflightReport report = Preflight.run(source(admin(), schema, 100), pgAs(role, wrong));
            CheckResult r = named(report, "postgresql connect");
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.found()).contains(TestServers.postgres().host() + ":" + TestServers.postgres().port())
                    .contains(role).contains("password authentication failed").doesNotContain(wrong);
            assertThat(r.fix()).contains("check user and password in pg_conn");
            assertThat(PreflightRenderer.render(report)).doesNotContain(wrong);
            assertThat(report.results()).extracting(CheckResult::name).doesNotContain("postgresql version");
        }
    }

    @Test
    void aPostgresUserWithoutCreateOnTheDatabaseFails() throws SQLException {
        String role = pgRole();
        PreflightReport report = Preflight.run(source(admin(), schema, 100), pgAs(role, "role-pw-123"));
        CheckResult r = named(report, "postgresql CREATE on database");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.fix()).endsWith("GRANT CREATE ON DATABASE \"" + pgDatabase + "\" TO \"" + role + "\";");
    }
}
