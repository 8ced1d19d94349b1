package io.chameleon.types;

import io.chameleon.config.TypeOverride;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;
import java.util.List;

import static io.chameleon.types.ConverterFixture.LENIENT;
import static io.chameleon.types.ConverterFixture.STRICT;
import static io.chameleon.types.TestColumns.TABLE;
import static io.chameleon.types.TestColumns.column;
import static io.chameleon.types.TestColumns.labelled;
import static io.chameleon.types.TestColumns.sized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnConvertersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tinyint   | tinyint(4)          | -128
            tinyint   | tinyint(3) unsigned | 255
            int       | int(10) unsigned    | 4294967295
            bigint    | bigint(20)          | -9223372036854775808
            bigint    | bigint(20) unsigned | 18446744073709551615
            decimal   | decimal(65,30)      | -12345678901234567890123456789012345.123456789012345678901234567890
            decimal   | decimal(5,2)        | 0.00
            float     | float               | 3.4e38
            float     | float               | 1.4013e-45
            double    | double              | 1e20
            double    | double              | 2.2250738585072014e-308
            year      | year(4)             | 0000
            year      | year(4)             | 2155
            time      | time(6)             | -838:59:59.000000
            time      | time                | 838:59:59
            time      | time(6)             | -00:00:00.500000
            """)
    void numbersAndTimesPassAsMysqlWroteThem(String dataType, String columnType, String value) throws Exception {
        assertThat(new ConverterFixture(column(dataType, columnType), STRICT).convert(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"0,f", "-0.00,f", "0e5,f", "1,t", "-5,t", "127,t", "1e-5,t", "0.001,t"})
    void numberOverriddenToBooleanIsFalseOnlyForZero(String value, String expected) throws Exception {
        ColumnDef c = column("tinyint", "tinyint(1)");
        PgType t = new TypeMapper(TypeMapperTest.rules("tinyint(1)", "boolean", "*"), false).map(TABLE, c);
        assertThat(new ConverterFixture(c, t, STRICT).convert(value)).isEqualTo(expected);
    }

    @Test
    void textIsEscapedForCopy() throws Exception {
        ConverterFixture f = new ConverterFixture(sized(column("varchar", "varchar(50)"), 50L, null, null, null), STRICT);
        assertThat(f.convert("tab\there\nnew\\line\r😀 é€")).isEqualTo("tab\\there\\nnew\\\\line\\r😀 é€");
        assertThat(f.convert("")).isEmpty();
        assertThat(f.report.isEmpty()).isTrue();
    }

    @Test
    void nulCharsAreStrippedAndCounted() throws Exception {
        ConverterFixture f = new ConverterFixture(column("text", "text"), LENIENT);
        assertThat(f.convert("a\0b\0")).isEqualTo("ab");
        assertThat(f.convert("c\0")).isEqualTo("c");
        assertThat(f.report.countOf(new ColumnRef(TABLE, "c"), Adjustment.NUL_CHAR_STRIPPED)).isEqualTo(2);
    }

    @Test
    void nulCharsUnderDiscardRefuseTheValueAndLeaveTheBufferAsItWas() throws Exception {
        ConverterFixture f = new ConverterFixture(column("text", "text"), STRICT);
        f.out.writeAscii(TestColumns.utf8("1\t"));
        ColumnConverter c = ColumnConverters.of(TABLE, column("text", "text"), PgType.of("text", ValueFormat.TEXT), STRICT);
        assertThatThrownBy(() -> c.write(TestColumns.utf8("a\0b"), f.out, f.report))
                .isInstanceOf(BadValueException.class)
                .hasMessageContaining("shop.items.c")
                .hasMessageContaining("'a\\0b'")
                .hasMessageContaining("nul_chars: strip");
        assertThat(TestColumns.text(f.out)).isEqualTo("1\t");
        assertThat(f.report.isEmpty()).isTrue();
    }

    @Test
    void enumLabelIsText() throws Exception {
        assertThat(new ConverterFixture(labelled("enum", "a", "b\tc"), STRICT).convert("b\tc")).isEqualTo("b\\tc");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            x,z           | {"x","z"}
            ``            | {}
            only          | {"only"}
            a b,{c},NULL  | {"a b","{c}","NULL"}
            q"t,back\\sl  | {"q\\\\"t","back\\\\\\\\sl"}
            """)
    void setBecomesAQuotedTextArrayEscapedTwice(String value, String expected) throws Exception {
        assertThat(new ConverterFixture(labelled("set", "x", "z"), STRICT).convert(value)).isEqualTo(expected);
    }

    @Test
    void setMemberWithTabIsEscapedForCopy() throws Exception {
        assertThat(new ConverterFixture(labelled("set", "a\tb"), STRICT).convert("a\tb")).isEqualTo("{\"a\\tb\"}");
    }

    @Test
    void jsonPassesAsTextWithCopyEscapes() throws Exception {
        ConverterFixture f = new ConverterFixture(column("json", "json"), STRICT);
        assertThat(f.convert("{\"a\": [1, 2.50, \"ü\\n\"]}")).isEqualTo("{\"a\": [1, 2.50, \"ü\\\\n\"]}");
    }

    @Test
    void jsonNulEscapesAreStrippedUnderStrip() throws Exception {
        ConverterFixture f = new ConverterFixture(column("json", "json"), LENIENT);
        assertThat(f.convert("{\"a\":\"x\\u0000y\"}")).isEqualTo("{\"a\":\"xy\"}");
        assertThat(f.report.countOf(new ColumnRef(TABLE, "c"), Adjustment.NUL_CHAR_STRIPPED)).isEqualTo(1);
    }

    @Test
    void jsonEscapedBackslashBeforeU0000IsNotANul() throws Exception {
        ConverterFixture f = new ConverterFixture(column("json", "json"), STRICT);
        assertThat(f.convert("[\"\\\\u0000\"]")).isEqualTo("[\"\\\\\\\\u0000\"]");
    }

    @Test
    void jsonNulEscapeUnderDiscardIsRefused() {
        ConverterFixture f = new ConverterFixture(column("json", "json"), STRICT);
        assertThatThrownBy(() -> f.convert("[\"\\u0000\"]")).isInstanceOf(BadValueException.class)
                .hasMessageContaining("nul_chars");
        assertThat(f.out.length()).isZero();
    }

    @Test
    void binaryBecomesByteaOfTheSameBytes() throws Exception {
        ConverterFixture f = new ConverterFixture(column("binary", "binary(4)"), STRICT);
        assertThat(f.convert(new byte[] {0, 1, 2, 0})).isEqualTo("\\\\x00010200");
        assertThat(f.convert(new byte[] {'\\', '\t', (byte) 0xFF})).isEqualTo("\\\\x5c09ff");
    }

    @Test
    void anythingOverriddenToByteaKeepsItsBytes() throws Exception {
        ColumnDef c = column("varchar", "varchar(5)");
        PgType t = new TypeMapper(TypeMapperTest.rules("varchar(5)", "bytea", "*"), false).map(TABLE, c);
        assertThat(new ConverterFixture(c, t, STRICT).convert("é")).isEqualTo("\\\\xc3a9");
    }

    @Test
    void forTableBuildsOneConverterPerColumnInOrder() throws Exception {
        ColumnDef a = TestColumns.named("a", column("int", "int(11)"));
        ColumnDef b = TestColumns.named("b", column("binary", "binary(1)"));
        TableDef table = new TableDef(TABLE, "InnoDB", List.of(a, b), List.of(), 0, 0, 0);
        TypeMapper mapper = new TypeMapper(TypeOverride.Rules.NONE, false);
        ColumnConverter[] converters = ColumnConverters.forTable(table,
                List.of(mapper.map(TABLE, a), mapper.map(TABLE, b)), STRICT);
        CopyTextBuffer out = new CopyTextBuffer();
        converters[0].write(TestColumns.utf8("7"), out, new ConversionReport());
        out.fieldSeparator();
        converters[1].write(new byte[] {7}, out, new ConversionReport());
        assertThat(TestColumns.text(out)).isEqualTo("7\t\\\\x07");
        assertThatThrownBy(() -> ColumnConverters.forTable(table, List.of(mapper.map(TABLE, a)), STRICT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 columns but 1 types");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123e4567-e89b-12d3-a456-426614174000", "::ffff:1.2.3.4"})
    void mariadbUuidAndInetPassAsText(String value) throws Exception {
        assertThat(new ConverterFixture(column("uuid", "uuid"), STRICT).convert(value)).isEqualTo(value);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
