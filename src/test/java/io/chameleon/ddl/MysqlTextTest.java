package io.chameleon.ddl;

import io.chameleon.mysql.MysqlStrings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MysqlTextTest {
    @Test
    void identifiersLoseTheirQuotes() {
        assertThat(MysqlText.identifier("`my ``table```")).isEqualTo("my `table`");
        assertThat(MysqlText.identifier("plain")).isEqualTo("plain");
    }

    @Test
    void stringEscapesAreMysqls() {
        assertThat(MysqlStrings.unescape("it''s \\'ok\\' a\\\\b \\n \\% \\_ \\0", '\'')).isEqualTo("it's 'ok' a\\b \n \\% \\_ \0");
        assertThat(MysqlStrings.unescape("say \"\"hi\"\"", '"')).isEqualTo("say \"hi\"");
    }

    @Test
    void hexAndBitLiteralsGiveTheirDigits() {
        assertThat(MysqlText.hexDigits("X'0a0B'")).isEqualTo("0a0B");
        assertThat(MysqlText.hexDigits("0xA")).isEqualTo("0A");
        assertThat(MysqlText.bitDigits("b'101'")).isEqualTo("101");
        assertThat(MysqlText.bitDigits("0b11")).isEqualTo("11");
    }
}
