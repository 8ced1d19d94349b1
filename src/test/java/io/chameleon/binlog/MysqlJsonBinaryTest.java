package io.chameleon.binlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MySQL's binary JSON decoded to the text MySQL prints. The vectors are the binlog bytes and the
 * {@code CAST(doc AS CHAR)} of documents written to MySQL 9.7.4 ({@link JsonVectorCapture}); the
 * named cases pin the forms that differ from other formatters.
 */
class MysqlJsonBinaryTest {
    record Vector(String sql, byte[] binary, String mysqlText) {
        @Override
        public String toString() {
            return sql.length() > 80 ? sql.substring(0, 80) + "..." : sql;
        }
    }

    static List<Vector> vectors() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                MysqlJsonBinaryTest.class.getResourceAsStream("/mysql-json/vectors.tsv.gz")), StandardCharsets.UTF_8))) {
            return in.lines().map(l -> l.split("\t", 3))
                    .map(f -> new Vector(f[0], HexFormat.of().parseHex(f[1]), f[2])).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void capturedDocumentReadsAsMysqlPrintsIt(Vector v) {
        assertThat(MysqlJsonBinary.parse(v.binary()).text()).isEqualTo(v.mysqlText());
    }

    @Test
    void vectorsCoverBothSizesOfObjectsAndArrays() throws IOException {
        assertThat(vectors()).extracting(v -> (int) v.binary()[0]).contains(0x00, 0x01, 0x02, 0x03);
    }

    @Test
    void doublesAreMysqlsShortestTextKeepingAPointOrExponent() {
        assertThat(text("'[1e100, 0.1, -0.0, 3.0, 1e15,")).startsWith("[1e100, 0.1, -0.0, 3.0, 1e15, 1e16,")
                .contains(", 0.00000015, ", ", 1.8446744073709552e19, ");
        assertThat(text("'[0.30000000000000004,")).contains(", 1234567890123456.8, ", ", 1e-16, 0.0000000000000015]");
        assertThat(MysqlJsonBinary.doubleText(-0.0)).isEqualTo("-0.0");
        assertThat(MysqlJsonBinary.doubleText(100)).isEqualTo("100.0");
    }

    @Test
    void integersKeepTheirWidthAndSign() {
        assertThat(text("'[32767, 32768")).contains("-9223372036854775808, 18446744073709551615]", "65535, 65536");
    }

    @Test
    void stringsEscapeOnlyQuoteBackslashAndControlCharacters() {
        assertThat(text("json_array(concat(_utf8mb4'a',char(0 using utf8mb4)"))
                .isEqualTo("[\"a\\u0000\\u0001\\b\\t\\n\\f\\r\\u001b\\u001f\\\"\\\\/\u007fé€😀\u2028\"]");
    }

    @Test
    void opaqueValuesPrintAsMysqlDoes() {
        assertThat(text("json_array(cast('2024-02-29' as date)")).isEqualTo("[\"2024-02-29\", \"838:59:59.000000\","
                + " \"-838:59:58.999999\", \"-00:00:01.500000\", \"00:00:00.000000\", \"2024-02-29 13:14:15.123456\","
                + " \"2024-02-29 13:14:15.000000\", \"0001-01-01 00:00:00.000000\", \"9999-12-31 23:59:59.999999\","
                + " \"2024-01-01 00:00:00.500000\", \"1970-01-01 00:00:01.000000\", \"1000-01-01\"]");
        assertThat(text("json_array(cast(3.14 as decimal(10,4))")).startsWith("[3.1400, -0.50, 12345678901234567890.1234567890");
        assertThat(text("json_array(x'00ff'")).startsWith("[\"base64:type15:AP8=\", \"base64:type15:YWJj\", \"base64:type15:BQ==\"")
                .contains("eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\\neA==\"");
    }

    @Test
    void emptyDocumentIsJsonNull() {
        // MySQL's value for a JSON NOT NULL column added to a table with rows
        assertThat(MysqlJsonBinary.parse(new byte[0]).text()).isEqualTo("null");
    }

    @Test
    void truncatedDocumentIsRefusedWithItsSize() {
        byte[] whole = vector("'{\"a\": [1,2,3]").binary();
        byte[] cut = Arrays.copyOf(whole, 12);
        assertThatThrownBy(() -> MysqlJsonBinary.parse(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 bytes");
    }

    @Test
    void unknownTypeIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> MysqlJsonBinary.parse(new byte[] {0x0e, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown value type 0xe at byte 0");
    }

    /** The text decoded from the vector whose SQL starts with {@code sqlStart}, checked against MySQL's. */
    private static String text(String sqlStart) {
        Vector v = vector(sqlStart);
        String text = MysqlJsonBinary.parse(v.binary()).text();
        assertThat(text).isEqualTo(v.mysqlText());
        return text;
    }

    private static Vector vector(String sqlStart) {
        try {
            return vectors().stream().filter(v -> v.sql().startsWith(sqlStart)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
