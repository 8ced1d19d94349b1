package io.chameleon.binlog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's FLOAT/DOUBLE text, as BinlogValuesIT saw MariaDB 11.4 print it. */
class FloatTextTest {
    @Test
    void floatHasSixSignificantDigitsAndExponentPastFifteenPlaces() {
        assertThat(FloatText.ofFloat(0.1f)).isEqualTo("0.1");
        assertThat(FloatText.ofFloat(123456789f)).isEqualTo("123457000");
        assertThat(FloatText.ofFloat(-3.40282e38f)).isEqualTo("-3.40282e38");
        assertThat(FloatText.ofFloat(1.23457e-10f)).isEqualTo("0.000000000123457");
        assertThat(FloatText.ofFloat(0f)).isEqualTo("0");
    }

    @Test
    void doubleIsTheShortestTextThatReadsBack() {
        assertThat(FloatText.ofDouble(0.1)).isEqualTo("0.1");
        assertThat(FloatText.ofDouble(1.7976931348623157e308)).isEqualTo("1.7976931348623157e308");
        assertThat(FloatText.ofDouble(1e15)).isEqualTo("1e15");
        assertThat(FloatText.ofDouble(123456789012345678d)).isEqualTo("1.2345678901234568e17");
        assertThat(FloatText.ofDouble(1e16)).isEqualTo("1e16");
        assertThat(FloatText.ofDouble(1e-15)).isEqualTo("0.000000000000001");
        assertThat(FloatText.ofDouble(1.2345678901234567e-10)).isEqualTo("0.00000000012345678901234568");
        assertThat(FloatText.ofDouble(1e-14)).isEqualTo("0.00000000000001");
    }
}
