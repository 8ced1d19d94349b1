package io.chameleon.binlog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Account statements lose their credentials, and keep what tells which account it was. */
class AccountStatementsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // MySQL writes hashes, in text or hex
        "CREATE USER IF NOT EXISTS 'usr_replica'@'%' IDENTIFIED WITH 'caching_sha2_password' AS '$A$005$x\\'y''z'"
            + "|CREATE USER IF NOT EXISTS 'usr_replica'@'%' IDENTIFIED WITH 'caching_sha2_password' AS '***'",
        "ALTER USER 'u'@'localhost' IDENTIFIED WITH 'caching_sha2_password' AS 0x244124303035 REQUIRE NONE"
            + "|ALTER USER 'u'@'localhost' IDENTIFIED WITH 'caching_sha2_password' AS '***' REQUIRE NONE",
        "ALTER USER 'u'@'%' IDENTIFIED WITH mysql_native_password AS X'2A3133' PASSWORD EXPIRE"
            + "|ALTER USER 'u'@'%' IDENTIFIED WITH mysql_native_password AS X'***' PASSWORD EXPIRE",
        // MariaDB writes what was typed
        "CREATE USER `app`@`%` IDENTIFIED BY 'S3cret!'|CREATE USER `app`@`%` IDENTIFIED BY '***'",
        "create or replace user app@localhost identified by \"S3\\\"cret\"|create or replace user app@localhost identified by '***'",
        "ALTER USER app@'%' IDENTIFIED BY PASSWORD '*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29'"
            + "|ALTER USER app@'%' IDENTIFIED BY PASSWORD '***'",
        "ALTER USER 'u'@'%' IDENTIFIED BY 'new' REPLACE 'old' RETAIN CURRENT PASSWORD"
            + "|ALTER USER 'u'@'%' IDENTIFIED BY '***' REPLACE '***' RETAIN CURRENT PASSWORD",
        "GRANT SELECT ON `db`.* TO 'u'@'%' IDENTIFIED BY 'pw'|GRANT SELECT ON `db`.* TO 'u'@'%' IDENTIFIED BY '***'",
        "SET PASSWORD FOR 'u'@'%' = PASSWORD('plain')|SET PASSWORD FOR 'u'@'%' = PASSWORD('***')",
        "SET PASSWORD FOR u@'%'='plain'|SET PASSWORD FOR u@'%'='***'",
        "set password = 'plain'|set password = '***'",
        "CREATE USER 'u'@'%' IDENTIFIED VIA ed25519 USING PASSWORD('pw') OR unix_socket"
            + "|CREATE USER 'u'@'%' IDENTIFIED VIA ed25519 USING PASSWORD('***') OR unix_socket",
        "CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (USER 'r', PASSWORD 'pw', HOST 'h')"
            + "|CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (USER '***', PASSWORD '***', HOST '***')",
        "/* xid=1 */ SET STATEMENT max_statement_time=5 FOR CREATE USER 'u'@'%' IDENTIFIED BY _utf8mb4'pw'"
            + "|/* xid=1 */ SET STATEMENT max_statement_time=5 FOR CREATE USER 'u'@'%' IDENTIFIED BY _utf8mb4'***'",
        // a quote never closed: the rest is masked
        "CREATE USER 'u'@'%' IDENTIFIED BY 'pw\\' unclosed|CREATE USER 'u'@'%' IDENTIFIED BY '***'",
    })
    void credentialsAreMasked(String statement, String logged) {
        assertThat(AccountStatements.redact(statement)).isEqualTo(logged);
    }

    @Test
    void otherStatementsStayAsTheyAre() {
        for (String sql : new String[] {
            "CREATE TABLE users (password VARCHAR(40) DEFAULT 'IDENTIFIED BY x')",
            "ALTER TABLE t ADD COLUMN password_hash CHAR(60) DEFAULT 'secret'",
            "INSERT INTO grants VALUES ('GRANT')", "SET PASSWORD_HISTORY = 3", "BEGIN", "DROP USER 'u'@'%'"}) {
            assertThat(AccountStatements.redact(sql)).isEqualTo(sql);
        }
        assertThat(AccountStatements.redact(null)).isNull();
    }
}
