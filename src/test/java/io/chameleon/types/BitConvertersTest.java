package io.chameleon.types;

import io.chameleon.schema.ColumnDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.chameleon.types.ColumnConvertersTest.hex;
import static io.chameleon.types.ConverterFixture.STRICT;
import static io.chameleon.types.TestColumns.TABLE;
import static io.chameleon.types.TestColumns.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BitConvertersTest {

    @ParameterizedTest(name = "bit({0}) {1} → {2}")
    @CsvSource({
        "1,01,1",
        "1,00,0",
        "10,0281,1010000001",
        "10,0005,0000000101",
        "10,05,0000000101",
        "8,a5,10100101",
        "64,ffffffffffffffff,1111111111111111111111111111111111111111111111111111111111111111",
    })
    void rendersTheLowNBitsMostSignificantFirst(int width, String bytes, String expected) throws Exception {
        assertThat(new ConverterFixture(column("bit", "bit(" + width + ")"), STRICT).convert(hex(bytes)))
                .isEqualTo(expected);
    }

    @Test
    void refusesBitsAboveTheWidth() {
        ConverterFixture f = new ConverterFixture(column("bit", "bit(10)"), STRICT);
        assertThatThrownBy(() -> f.convert(hex("0481"))).isInstanceOf(BadValueException.class)
                .hasMessageContaining("10 bits");
    }

    @ParameterizedTest
    @CsvSource({"0281,641", "00,0", "ffffffffffffffff,18446744073709551615"})
    void overriddenToANumberIsTheUnsignedValue(String bytes, String expected) throws Exception {
        assertThat(overridden("bit(64)", "bigint").convert(hex(bytes))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"00,f", "01,t", "0100,t", "0000,f"})
    void overriddenToBooleanIsFalseOnlyWhenAllBitsAreZero(String bytes, String expected) throws Exception {
        assertThat(overridden("bit(1)", "boolean").convert(hex(bytes))).isEqualTo(expected);
    }

    private static ConverterFixture overridden(String columnType, String target) {
        ColumnDef c = column("bit", columnType);
        return new ConverterFixture(c, new TypeMapper(TypeMapperTest.rules(columnType, target, "*"), false)
                .map(TABLE, c), STRICT);
    }
}
