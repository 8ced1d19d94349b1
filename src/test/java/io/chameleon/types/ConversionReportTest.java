package io.chameleon.types;

import org.junit.jupiter.api.Test;

import static io.chameleon.types.TestColumns.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

class ConversionReportTest {
    private static final ColumnRef A = new ColumnRef(TABLE, "a");
    private static final ColumnRef B = new ColumnRef(TABLE, "b");

    @Test
    void countsPerColumnAndKindAndMergesWorkerReports() {
        ConversionReport one = new ConversionReport();
        one.record(B, Adjustment.NUL_CHAR_STRIPPED);
        one.record(A, Adjustment.ZERO_DATE_TO_NULL);
        one.record(A, Adjustment.ZERO_DATE_TO_NULL);
        ConversionReport two = new ConversionReport();
        two.record(A, Adjustment.ZERO_DATE_TO_NULL);
        two.record(A, Adjustment.INVALID_DATE_TO_NULL);
        one.add(two);

        assertThat(one.total()).isEqualTo(5);
        assertThat(one.countOf(A, Adjustment.ZERO_DATE_TO_NULL)).isEqualTo(3);
        assertThat(one.entries()).extracting(ConversionReport.Entry::toString).containsExactly(
                "shop.items.a: 3 zero or partly-zero dates stored as NULL (zero_dates: null)",
                "shop.items.a: 1 impossible dates such as Feb 30 stored as NULL (zero_dates: null)",
                "shop.items.b: 1 values with NUL characters stored without them (nul_chars: strip)");
        assertThat(two.total()).isEqualTo(2);
        assertThat(new ConversionReport().isEmpty()).isTrue();
    }

    @Test
    void sinceGivesThePairsAValueAddedInTheOrderTheyCame() {
        ConversionReport report = new ConversionReport();
        report.record(B, Adjustment.NUL_CHAR_STRIPPED);
        int mark = report.size();
        report.record(B, Adjustment.NUL_CHAR_STRIPPED);
        assertThat(report.since(mark)).isEmpty();
        report.record(A, Adjustment.ZERO_DATE_TO_NULL);
        report.record(A, Adjustment.INVALID_DATE_TO_NULL);

        assertThat(report.size()).isEqualTo(3);
        assertThat(report.since(mark)).extracting(ConversionReport.Entry::kind)
                .containsExactly(Adjustment.ZERO_DATE_TO_NULL, Adjustment.INVALID_DATE_TO_NULL);
    }
}
