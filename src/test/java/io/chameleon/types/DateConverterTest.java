package io.chameleon.types;

import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.schema.ColumnDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.chameleon.types.ConverterFixture.STRICT;
import static io.chameleon.types.TestColumns.TABLE;
import static io.chameleon.types.TestColumns.column;
import static io.chameleon.types.TestColumns.notNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateConverterTest {
    private static final ColumnRef REF = new ColumnRef(TABLE, "c");
    private static final ColumnDef DATE = column("date", "date");
    private static final ColumnDef DATETIME = column("datetime", "datetime(6)");
    private static final ColumnDef TIMESTAMP = column("timestamp", "timestamp(3)");

    @ParameterizedTest
    @CsvSource({"2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "1970-01-01"})
    void validDatesPassAsTheyAre(String value) throws Exception {
        assertThat(new ConverterFixture(DATE, STRICT).convert(value)).isEqualTo(value);
    }

    @Test
    void datetimeKeepsItsFractionAndTimestampGetsUtc() throws Exception {
        assertThat(new ConverterFixture(DATETIME, STRICT).convert("2024-02-29 13:45:01.123456"))
                .isEqualTo("2024-02-29 13:45:01.123456");
        assertThat(new ConverterFixture(TIMESTAMP, STRICT).convert("2024-02-29 13:45:01.123"))
                .isEqualTo("2024-02-29 13:45:01.123+00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-00-00", "2020-00-15", "2020-02-00", "0000-01-01"})
    void zeroDatesBecomeNullUnderNull(String value) throws Exception {
        ConverterFixture f = new ConverterFixture(DATE, policy(ZeroDatePolicy.NULL));
        assertThat(f.convert(value)).isEqualTo("\\N");
        assertThat(f.report.countOf(REF, Adjustment.ZERO_DATE_TO_NULL)).isEqualTo(1);
    }

    @Test
    void zeroDatetimesAndTimestampsBecomeMinusInfinityUnderInfinity() throws Exception {
        ConverterFixture datetime = new ConverterFixture(DATETIME, policy(ZeroDatePolicy.INFINITY));
        assertThat(datetime.convert("0000-00-00 00:00:00.000000")).isEqualTo("-infinity");
        assertThat(datetime.convert("2020-00-15 10:00:00.000000")).isEqualTo("-infinity");
        ConverterFixture timestamp = new ConverterFixture(TIMESTAMP, policy(ZeroDatePolicy.INFINITY));
        assertThat(timestamp.convert("0000-00-00 00:00:00.000")).isEqualTo("-infinity");
        assertThat(datetime.report.countOf(REF, Adjustment.ZERO_DATE_TO_MINUS_INFINITY)).isEqualTo(2);
        assertThat(timestamp.report.countOf(REF, Adjustment.ZERO_DATE_TO_MINUS_INFINITY)).isEqualTo(1);
    }

    @Test
    void zeroDateUnderDiscardIsRefusedWithTheKeyToChange() {
        ConverterFixture f = new ConverterFixture(DATE, policy(ZeroDatePolicy.DISCARD));
        assertThatThrownBy(() -> f.convert("0000-00-00")).isInstanceOf(BadValueException.class)
                .hasMessageContaining("shop.items.c")
                .hasMessageContaining("'0000-00-00'")
                .hasMessageContaining("zero_dates: null or zero_dates: infinity");
        assertThat(f.out.length()).isZero();
    }

    @Test
    void zeroDateInANotNullColumnUnderNullIsRefusedPointingToInfinity() {
        ConverterFixture f = new ConverterFixture(notNull(DATE), policy(ZeroDatePolicy.NULL));
        assertThatThrownBy(() -> f.convert("0000-00-00")).isInstanceOf(BadValueException.class)
                .hasMessageContaining("NOT NULL").hasMessageContaining("zero_dates: infinity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-02-30", "2019-02-29", "1900-02-29", "2021-04-31"})
    void impossibleDatesFollowTheSamePolicyCountedApart(String value) throws Exception {
        ConverterFixture f = new ConverterFixture(DATE, policy(ZeroDatePolicy.NULL));
        assertThat(f.convert(value)).isEqualTo("\\N");
        assertThat(f.report.countOf(REF, Adjustment.INVALID_DATE_TO_NULL)).isEqualTo(1);
        ConverterFixture infinity = new ConverterFixture(DATETIME, policy(ZeroDatePolicy.INFINITY));
        assertThat(infinity.convert(value + " 00:00:00")).isEqualTo("-infinity");
        assertThat(infinity.report.countOf(REF, Adjustment.INVALID_DATE_TO_MINUS_INFINITY)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2020", "20-01-01", "2020/01/01", "2020-13-01", "abcd-ef-gh"})
    void textThatIsNoDateIsRefused(String value) {
        assertThatThrownBy(() -> new ConverterFixture(DATE, STRICT).convert(value))
                .isInstanceOf(BadValueException.class).hasMessageContaining("not MySQL's date text");
    }

    private static ValuePolicies policy(ZeroDatePolicy zeroDates) {
        return new ValuePolicies(zeroDates, NulCharPolicy.DISCARD);
    }
}
