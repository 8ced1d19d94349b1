package io.chameleon.mysql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SHOW GRANTS lines as MySQL 5.7, MySQL 8.0 and MariaDB 10.x/11.x print them. */
class PreflightGrantsTest {
    private static final List<String> REPLICATION_CLIENT = List.of("REPLICATION CLIENT");

    private static PreflightGrants parse(String... lines) {
        return PreflightGrants.parse(List.of(lines));
    }

    @Test
    void mysql57GlobalGrantsWithSingleQuotedAccount() {
        PreflightGrants g = parse("GRANT SELECT, RELOAD, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'usr_replica'@'%'");
        assertThat(g.hasGlobal(List.of("RELOAD"))).isTrue();
        assertThat(g.hasGlobal(REPLICATION_CLIENT)).isTrue();
        assertThat(g.hasGlobal(List.of("REPLICATION SLAVE"))).isTrue();
        assertThat(g.hasOnSchema("SELECT", "sakila", true, false)).isTrue();
        assertThat(g.unreadLines()).isEmpty();
    }

    @Test
    void mysql57DatabaseGrantFromThePgChameleonGuide() {
        PreflightGrants g = parse("GRANT USAGE ON *.* TO 'usr_replica'@'%'",
                "GRANT ALL PRIVILEGES ON `sakila`.* TO 'usr_replica'@'%'");
        assertThat(g.hasOnSchema("SELECT", "sakila", true, false)).isTrue();
        assertThat(g.hasOnSchema("SELECT", "world", true, false)).isFalse();
        assertThat(g.hasGlobal(List.of("RELOAD"))).isFalse();
    }

    @Test
    void mysql56PasswordHashAndProxyLinesAreHarmless() {
        PreflightGrants g = parse("GRANT USAGE ON *.* TO 'u'@'%' IDENTIFIED BY PASSWORD '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'",
                "GRANT PROXY ON ''@'' TO 'root'@'localhost' WITH GRANT OPTION");
        assertThat(g.hasGlobal(List.of("RELOAD"))).isFalse();
        assertThat(g.hasOnSchema("SELECT", "sakila", true, false)).isFalse();
        assertThat(g.unreadLines()).isEmpty();
        assertThat(g.roles()).isEmpty();
    }

    @Test
    void mysql8RdsMasterUserListsEveryPrivilegeInsteadOfAll() {
        PreflightGrants g = parse("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, PROCESS, REFERENCES, INDEX,"
                + " ALTER, SHOW DATABASES, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, REPLICATION SLAVE,"
                + " REPLICATION CLIENT, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, CREATE USER, EVENT,"
                + " TRIGGER ON *.* TO `admin`@`%` WITH GRANT OPTION",
                "GRANT APPLICATION_PASSWORD_ADMIN,AUDIT_ABORT_EXEMPT,BACKUP_ADMIN,REPLICATION_SLAVE_ADMIN ON *.*"
                        + " TO `admin`@`%` WITH GRANT OPTION");
        assertThat(g.hasGlobal(List.of("RELOAD"))).isTrue();
        assertThat(g.hasGlobal(List.of("BACKUP_ADMIN"))).isTrue();
        assertThat(g.hasOnSchema("SELECT", "anything", true, false)).isTrue();
    }

    @Test
    void mysql8DynamicReplicationAdminIsNotReplicationSlave() {
        PreflightGrants g = parse("GRANT REPLICATION_SLAVE_ADMIN,REPLICATION_APPLIER ON *.* TO `u`@`%`");
        assertThat(g.hasGlobal(List.of("REPLICATION SLAVE"))).isFalse();
        assertThat(g.hasGlobal(List.of("REPLICATION_SLAVE_ADMIN"))).isTrue();
    }

    @Test
    void mysql8PartialRevokeTakesOneSchemaOutOfAGlobalSelect() {
        PreflightGrants g = parse("GRANT SELECT, RELOAD ON *.* TO `u`@`%`", "REVOKE SELECT ON `payroll`.* FROM `u`@`%`");
        assertThat(g.hasOnSchema("SELECT", "sakila", false, false)).isTrue();
        assertThat(g.hasOnSchema("SELECT", "payroll", false, false)).isFalse();
    }

    @Test
    void mysql8RoleMembershipIsNamedNotCounted() {
        PreflightGrants g = parse("GRANT USAGE ON *.* TO `u`@`%`", "GRANT `r_repl`@`%`,`r_read`@`%` TO `u`@`%`");
        assertThat(g.roles()).containsExactly("r_repl@%, r_read@%");
        assertThat(g.hasGlobal(List.of("REPLICATION SLAVE"))).isFalse();
    }

    @Test
    void tableAndColumnGrantsDoNotCoverTheSchema() {
        PreflightGrants g = parse("GRANT SELECT ON `shop`.`orders` TO `u`@`%`",
                "GRANT SELECT (`id`, `name`), INSERT ON `shop`.`customer` TO `u`@`%`",
                "GRANT EXECUTE ON PROCEDURE `shop`.`refresh` TO `u`@`%`");
        assertThat(g.hasOnSchema("SELECT", "shop", true, false)).isFalse();
        assertThat(g.tablesWithSelect("shop", false)).containsExactly("orders");
        assertThat(g.unreadLines()).isEmpty();
    }

    @Test
    void mariadb11ShowsReplicationClientAsBinlogMonitorWithPasswordHash() {
        PreflightGrants g = parse("GRANT RELOAD, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `scr0`@`%` IDENTIFIED BY"
                + " PASSWORD '*D821809F681A40A6E379B50D0463EFAE20BDD122'");
        assertThat(g.hasGlobal(List.of("BINLOG MONITOR"))).isTrue();
        assertThat(g.hasGlobal(List.of("RELOAD"))).isTrue();
        assertThat(g.hasGlobal(List.of("REPLICATION SLAVE"))).isTrue();
    }

    @Test
    void mariadbAllPrivilegesWithAuthenticationPlugins() {
        PreflightGrants g = parse("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` IDENTIFIED VIA"
                + " mysql_native_password USING 'invalid' OR unix_socket WITH GRANT OPTION");
        assertThat(g.hasGlobal(List.of("BINLOG MONITOR"))).isTrue();
        assertThat(g.hasGlobal(List.of("RELOAD"))).isTrue();
        assertThat(g.hasOnSchema("SELECT", "x", true, false)).isTrue();
    }

    @Test
    void mariadbReplicaSidePrivilegesAreNotBinlogMonitor() {
        PreflightGrants g = parse("GRANT SLAVE MONITOR, REPLICATION SLAVE ADMIN, REPLICATION MASTER ADMIN, BINLOG ADMIN"
                + " ON *.* TO `u`@`%`");
        assertThat(g.hasGlobal(List.of("BINLOG MONITOR", "REPLICATION CLIENT"))).isFalse();
        assertThat(g.hasGlobal(List.of("REPLICATION SLAVE"))).isFalse();
    }

    @Test
    void mariadbPublicGrantsCount() {
        PreflightGrants g = parse("GRANT USAGE ON *.* TO `u`@`%`",
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, LOCK TABLES, DELETE HISTORY, SHOW CREATE ROUTINE"
                        + " ON `test\\_%`.* TO PUBLIC");
        assertThat(g.hasOnSchema("SELECT", "test_1", true, false)).isTrue();
        assertThat(g.hasOnSchema("SELECT", "testx1", true, false)).isFalse();
    }

    @Test
    void mariadbActiveDefaultRoleGrantsAreListedAndCount() {
        PreflightGrants g = parse("GRANT `rr` TO `rolu`@`%`",
                "GRANT USAGE ON *.* TO `rolu`@`%` IDENTIFIED BY PASSWORD '*D821809F681A40A6E379B50D0463EFAE20BDD122'",
                "GRANT REPLICATION SLAVE ON *.* TO `rr`", "SET DEFAULT ROLE `rr` FOR `rolu`@`%`");
        assertThat(g.hasGlobal(List.of("REPLICATION SLAVE"))).isTrue();
        assertThat(g.roles()).containsExactly("rr");
        assertThat(g.unreadLines()).isEmpty();
    }

    @Test
    void doubledBackquoteInADatabaseName() {
        PreflightGrants g = parse("GRANT ALL PRIVILEGES ON `we``ird`.* TO `u`@`%`");
        assertThat(g.hasOnSchema("SELECT", "we`ird", true, false)).isTrue();
    }

    @Test
    void grantOptionAndResourceLimitsAreIgnored() {
        PreflightGrants g = parse("GRANT USAGE ON *.* TO `u`@`%` REQUIRE SSL WITH MAX_QUERIES_PER_HOUR 100",
                "GRANT SELECT ON `sakila`.* TO `u`@`%` WITH GRANT OPTION");
        assertThat(g.hasOnSchema("SELECT", "sakila", true, false)).isTrue();
        assertThat(g.unreadLines()).isEmpty();
    }

    @Test
    void lockTablesComesWithAllOnTheSchema() {
        PreflightGrants g = parse("GRANT ALL PRIVILEGES ON `sakila`.* TO `u`@`%`", "GRANT SELECT ON `world`.* TO `u`@`%`");
        assertThat(g.hasOnSchema("LOCK TABLES", "sakila", true, false)).isTrue();
        assertThat(g.hasOnSchema("LOCK TABLES", "world", true, false)).isFalse();
    }

    @Test
    void lowerCaseAllIsAllPrivileges() {
        assertThat(parse("grant all on *.* to 'u'@'%'").hasGlobal(List.of("RELOAD"))).isTrue();
    }

    @Test
    void anUnreadableLineIsKeptForTheReport() {
        PreflightGrants g = parse("GRANT SELECT ON `sakila.* TO u", "GRANT RELOAD ON *.* TO `u`@`%`");
        assertThat(g.unreadLines()).containsExactly("GRANT SELECT ON `sakila.* TO u");
        assertThat(g.hasGlobal(List.of("RELOAD"))).isTrue();
    }

    @ParameterizedTest(name = "{0} matches {1}: {4}")
    @CsvSource({
        "sakila,     sakila,   true,  false, true",
        "sakila,     Sakila,   true,  false, false",
        "sakila,     Sakila,   true,  true,  true",
        "sak%,       sakila,   true,  false, true",
        "sak%,       sakila,   false, false, false",
        "my_db,      myXdb,    true,  false, true",
        "my\\_db,    myXdb,    true,  false, false",
        "my\\_db,    my_db,    true,  false, true",
        "test\\_%,   test_1,   true,  false, true",
        "%,          anything, true,  false, true",
        "a.b,        aXb,      true,  false, false",
    })
    void databasePatterns(String pattern, String schema, boolean wildcards, boolean ignoreCase, boolean expected) {
        assertThat(PreflightGrants.matches(pattern, schema, wildcards, ignoreCase)).isEqualTo(expected);
    }
}
