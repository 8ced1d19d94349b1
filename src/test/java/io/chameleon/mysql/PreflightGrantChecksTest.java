package io.chameleon.mysql;

import io.chameleon.mysql.CheckResult.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightGrantChecksTest {
    private static final ServerInfo MARIADB_11 = ServerInfo.parse("11.4.5-MariaDB-log");
    private static final ServerInfo MARIADB_10_4 = ServerInfo.parse("10.4.34-MariaDB");
    private static final ServerInfo MYSQL_8 = ServerInfo.parse("8.0.36");
    private static final PreflightAccount ACCOUNT = new PreflightAccount("usr_replica", "%");
    private static final PreflightServerSettings DEFAULTS = new PreflightServerSettings(Map.of());
    private static final String WHERE = "db1.example.com:3306";

    private static List<CheckResult> evaluate(ServerInfo server, String... grants) {
        return PreflightGrantChecks.evaluate(server, DEFAULTS, PreflightGrants.parse(List.of(grants)), ACCOUNT,
                List.of("sakila"), WHERE);
    }

    private static CheckResult named(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void thePgChameleonGuideGrantsPass() {
        List<CheckResult> r = evaluate(MYSQL_8, "GRANT RELOAD, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `usr_replica`@`%`",
                "GRANT ALL PRIVILEGES ON `sakila`.* TO `usr_replica`@`%`");
        assertThat(r).extracting(CheckResult::name).containsExactly("grant SELECT on sakila", "grant RELOAD",
                "grant REPLICATION CLIENT", "grant REPLICATION SLAVE");
        assertThat(r).allMatch(c -> c.status() == Status.OK);
    }

    @Test
    void selectOnlyUserGetsTheExactGrants() {
        List<CheckResult> r = evaluate(MARIADB_11, "GRANT USAGE ON *.* TO `usr_replica`@`%`",
                "GRANT SELECT ON `sakila`.* TO `usr_replica`@`%`");
        assertThat(named(r, "grant SELECT on sakila").status()).isEqualTo(Status.OK);
        assertThat(named(r, "grant BINLOG MONITOR").status()).isEqualTo(Status.FAILED);
        assertThat(named(r, "grant BINLOG MONITOR").fix())
                .isEqualTo("on db1.example.com:3306: GRANT BINLOG MONITOR ON *.* TO 'usr_replica'@'%';");
        assertThat(named(r, "grant REPLICATION SLAVE").fix())
                .isEqualTo("on db1.example.com:3306: GRANT REPLICATION SLAVE ON *.* TO 'usr_replica'@'%';");
        assertThat(named(r, "grant REPLICATION SLAVE").found()).contains("not granted to 'usr_replica'@'%'");
    }

    @Test
    void missingReloadIsAWarningThatNamesTheFallbackAndChecksLockTables() {
        List<CheckResult> r = evaluate(MYSQL_8, "GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `usr_replica`@`%`");
        CheckResult reload = named(r, "grant RELOAD");
        assertThat(reload.status()).isEqualTo(Status.WARNING);
        assertThat(reload.found()).contains("falls back to per-table locks");
        assertThat(reload.fix()).startsWith("on db1.example.com:3306: GRANT RELOAD ON *.* TO 'usr_replica'@'%';");
        CheckResult lock = named(r, "grant LOCK TABLES on sakila");
        assertThat(lock.status()).isEqualTo(Status.FAILED);
        assertThat(lock.fix()).isEqualTo("on db1.example.com:3306: GRANT LOCK TABLES ON `sakila`.* TO 'usr_replica'@'%';");
    }

    @Test
    void mariaDbFallbackNeedsNoLockTables() {
        List<CheckResult> r = evaluate(MARIADB_11, "GRANT SELECT, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `usr_replica`@`%`");
        assertThat(named(r, "grant RELOAD").found()).contains("per-worker snapshots");
        assertThat(r).extracting(CheckResult::name).doesNotContain("grant LOCK TABLES on sakila");
    }

    @Test
    void withReloadTheLockTablesCheckIsNotNeeded() {
        List<CheckResult> r = evaluate(MYSQL_8, "GRANT SELECT, RELOAD ON *.* TO `usr_replica`@`%`");
        assertThat(r).extracting(CheckResult::name).doesNotContain("grant LOCK TABLES on sakila");
    }

    @Test
    void rdsAndAuroraRefuseTheGlobalLockEvenWithReload() {
        PreflightGrants grants = PreflightGrants.parse(List.of("GRANT SELECT, RELOAD, LOCK TABLES, REPLICATION SLAVE,"
                + " REPLICATION CLIENT ON *.* TO `admin`@`%` WITH GRANT OPTION"));
        for (var vars : List.of(Map.of("basedir", "/rdsdbbin/mysql-8.0.35.R2/"), Map.of("aurora_version", "3.04.0"))) {
            List<CheckResult> r = PreflightGrantChecks.evaluate(MYSQL_8, new PreflightServerSettings(vars), grants,
                    ACCOUNT, List.of("sakila"), WHERE);
            CheckResult reload = named(r, "grant RELOAD");
            assertThat(reload.status()).isEqualTo(Status.WARNING);
            assertThat(reload.found()).matches("granted, but Amazon (RDS|Aurora) refuses FLUSH TABLES WITH READ LOCK:"
                    + " init_replica falls back to per-table locks .*");
            assertThat(reload.fix()).isEmpty();
            assertThat(named(r, "grant LOCK TABLES on sakila").status()).isEqualTo(Status.OK);
        }
    }

    @Test
    void missingSelectNamesTheSchemaPattern() {
        CheckResult select = named(evaluate(MYSQL_8, "GRANT RELOAD ON *.* TO `usr_replica`@`%`"), "grant SELECT on sakila");
        assertThat(select.status()).isEqualTo(Status.FAILED);
        assertThat(select.fix()).isEqualTo("on db1.example.com:3306: GRANT SELECT ON `sakila`.* TO 'usr_replica'@'%';");
    }

    @Test
    void selectOnSomeTablesOnlyIsAWarning() {
        CheckResult select = named(evaluate(MYSQL_8, "GRANT SELECT ON `sakila`.`actor` TO `usr_replica`@`%`"),
                "grant SELECT on sakila");
        assertThat(select.status()).isEqualTo(Status.WARNING);
        assertThat(select.found()).contains("only on the tables actor of `sakila`");
    }

    @Test
    void superShowsTheBinlogPositionOnMysqlAndOldMariadbOnly() {
        String superOnly = "GRANT SUPER ON *.* TO `usr_replica`@`%`";
        assertThat(named(evaluate(MYSQL_8, superOnly), "grant REPLICATION CLIENT").status()).isEqualTo(Status.OK);
        assertThat(named(evaluate(MARIADB_10_4, superOnly), "grant REPLICATION CLIENT").status()).isEqualTo(Status.OK);
        assertThat(named(evaluate(MARIADB_11, superOnly), "grant BINLOG MONITOR").status()).isEqualTo(Status.FAILED);
    }

    @Test
    void mariadbAcceptsTheOldNameToo() {
        assertThat(named(evaluate(MARIADB_11, "GRANT REPLICATION CLIENT ON *.* TO `usr_replica`@`%`"),
                "grant BINLOG MONITOR").status()).isEqualTo(Status.OK);
    }

    @Test
    void rolesAndUnreadLinesAreNoted() {
        CheckResult slave = named(evaluate(MYSQL_8, "GRANT `r_repl`@`%` TO `usr_replica`@`%`", "GRANT ??? ON *.*"),
                "grant REPLICATION SLAVE");
        assertThat(slave.found()).contains("also holds the role(s) r_repl@%")
                .contains("1 SHOW GRANTS line(s) not understood: GRANT ??? ON *.*");
    }

    @Test
    void schemaPatternDoublesBackquotes() {
        assertThat(PreflightGrantChecks.schemaPattern("we`ird")).isEqualTo("`we``ird`.*");
    }
}
