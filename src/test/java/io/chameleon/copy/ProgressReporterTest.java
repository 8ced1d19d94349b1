package io.chameleon.copy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressReporterTest {
    @Test
    void formatsBytesCountsAndEta() {
        assertThat(ProgressReporter.bytes(512)).isEqualTo("512 B");
        assertThat(ProgressReporter.bytes(5L << 20)).isEqualTo("5.0 MiB");
        assertThat(ProgressReporter.count(1234567)).isEqualTo("1,234,567");
        assertThat(ProgressReporter.eta(1000, 0)).isEqualTo("0s");
        assertThat(ProgressReporter.eta(0, 10)).isEqualTo("?");
        assertThat(ProgressReporter.eta(100, 9000)).isEqualTo("1m30s");
        assertThat(ProgressReporter.eta(1, 7200)).isEqualTo("2h00m");
    }
}
