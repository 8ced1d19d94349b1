package io.chameleon.ddl;

import io.chameleon.mysql.SessionSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTextTest {
    private static final long ANSI_QUOTES = 1L << 2;
    private static final long NO_BACKSLASH_ESCAPES = 1L << 20;

    private static String read(String sql, long mode) {
        return SessionText.inDefaultMode(sql, new SessionSettings(mode, null));
    }

    @Test
    void theDefaultModeLeavesTheTextAsItIs() {
        String sql = "ALTER TABLE \"t\" ADD c varchar(9) DEFAULT 'a\\'b'";
        assertThat(SessionText.inDefaultMode(sql, SessionSettings.DEFAULT)).isSameAs(sql);
        assertThat(read(sql, 0)).isSameAs(sql);
    }

    @Test
    void underNoBackslashEscapesABackslashStaysABackslash() {
        assertThat(read("ALTER TABLE t ADD c varchar(9) DEFAULT 'C:\\temp\\', ADD d int", NO_BACKSLASH_ESCAPES))
                .isEqualTo("ALTER TABLE t ADD c varchar(9) DEFAULT 'C:\\\\temp\\\\', ADD d int");
        assertThat(read("SELECT 'it''s \\n', \"a\\\"", NO_BACKSLASH_ESCAPES)).isEqualTo("SELECT 'it''s \\\\n', \"a\\\\\"");
    }

    @Test
    void underAnsiQuotesDoubleQuotesNameThings() {
        assertThat(read("CREATE TABLE \"my \"\"t\"\" `x`\" (\"id\" int DEFAULT '\"')", ANSI_QUOTES))
                .isEqualTo("CREATE TABLE `my \"t\" ``x``` (`id` int DEFAULT '\"')");
        // backslash escapes still apply to strings when only ANSI_QUOTES is set
        assertThat(read("ALTER TABLE \"t\" ADD c char(3) DEFAULT 'a\\'b'", ANSI_QUOTES))
                .isEqualTo("ALTER TABLE `t` ADD c char(3) DEFAULT 'a\\'b'");
    }

    @Test
    void commentsAndBackquotedNamesAreCopied() {
        long both = ANSI_QUOTES | NO_BACKSLASH_ESCAPES;
        assertThat(read("ALTER TABLE `a\\\"b` /* \"x\" 'y\\' */ ADD c int -- \"z\" \\\n, ADD d int # 'q\\", both))
                .isEqualTo("ALTER TABLE `a\\\"b` /* \"x\" 'y\\' */ ADD c int -- \"z\" \\\n, ADD d int # 'q\\");
        // a version comment is code
        assertThat(read("CREATE TABLE t (c int) /*!50100 COMMENT='a\\' */", both))
                .isEqualTo("CREATE TABLE t (c int) /*!50100 COMMENT='a\\\\' */");
    }
}
