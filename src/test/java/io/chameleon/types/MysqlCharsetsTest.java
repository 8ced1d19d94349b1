package io.chameleon.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static io.chameleon.types.ColumnConvertersTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MysqlCharsetsTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            utf8     | c3a9f09f9880 | é😀
            utf8mb3  | c3a9         | é
            utf8mb4  | f09f9880     | 😀
            UTF8MB4  | 41           | A
            latin1   | e980         | é€
            latin2   | b1           | ą
            ascii    | 41           | A
            ucs2     | 00e9         | é
            utf16    | d83dde00     | 😀
            utf16le  | 3dd800de     | 😀
            utf32    | 0001f600     | 😀
            cp1250   | 9a           | š
            cp1251   | c0           | А
            cp1256   | c7           | ا
            cp1257   | e0           | ą
            gbk      | d6d0         | 中
            gb2312   | d6d0         | 中
            gb18030  | 9439fc36     | 😀
            big5     | a4a4         | 中
            sjis     | 93fa         | 日
            cp932    | 8740         | ①
            ujis     | c6fc         | 日
            eucjpms  | c6fc         | 日
            euckr    | c7d1         | 한
            koi8r    | c1           | а
            koi8u    | a4           | є
            greek    | e1           | α
            hebrew   | e0           | א
            tis620   | a1           | ก
            """)
    void decodesEachCharacterSet(String mysql, String bytes, String expected) {
        assertThat(new String(hex(bytes), MysqlCharsets.forName(mysql))).isEqualTo(expected);
    }

    @Test
    void mysqlLatin1KeepsTheBytesCp1252LeavesUndefinedAsC1Controls() {
        // checked on MariaDB: CONVERT(_latin1 x'818d8f909d' USING utf8mb4) = U+0081 U+008D U+008F U+0090 U+009D
        assertThat(new String(hex("818d8f909d"), MysqlCharsets.forName("latin1"))).isEqualTo("\u0081\u008d\u008f\u0090\u009d");
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(new String(all, MysqlCharsets.forName("latin1"))).doesNotContain("\uFFFD").hasSize(256);
    }

    @Test
    void binaryKeepsEveryByte() {
        assertThat(new String(hex("00ff80"), MysqlCharsets.forName("binary")).getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo(hex("00ff80"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"armscii8", "dec8", "geostd8", "nonsense"})
    void unknownSetsAreRefusedWithTheFix(String name) {
        assertThatThrownBy(() -> MysqlCharsets.forName(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'").hasMessageContaining("utf8mb4");
    }
}
