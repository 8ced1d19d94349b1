package io.chameleon.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuantitiesTest {
    @Test
    void formatsBytesAndCounts() {
        assertThat(Quantities.bytes(512)).isEqualTo("512 B");
        assertThat(Quantities.bytes(5L << 20)).isEqualTo("5.0 MiB");
        assertThat(Quantities.bytes(3L << 40)).isEqualTo("3.0 TiB");
        assertThat(Quantities.count(1234567)).isEqualTo("1,234,567");
    }
}
