package io.chameleon.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {
    private static final Path HOME = Path.of("/home/u");

    @ParameterizedTest
    @ValueSource(strings = {"1 day", "12 hours", "2 hours 30 minutes", "1 day 06:00:00", "90", "1d", "3 weeks",
            "1 mon", "@ 1 day", "1 year 2 months", "10:00", "P1D", "PT12H", "1.5 hours", "1 DAY", "2 days ago"})
    void intervalsPostgresqlAccepts(String text) {
        assertThat(ValueTypes.interval().parse(text, HOME)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"forever", "1 dya", "day", "1 day and a bit", "10:0", "-"})
    void intervalsPostgresqlRefuses(String text) {
        assertThatThrownBy(() -> ValueTypes.interval().parse(text, HOME)).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"120s", "120 s", "500ms", "2min", "1h", "1d", "0s", "250us"})
    void lockTimeoutsWithAUnit(String text) {
        assertThat(ValueTypes.pgDuration().parse(text, HOME)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"120", "120S", "2 minutes", "1.5s", "s"})
    void lockTimeoutsRefused(String text) {
        assertThatThrownBy(() -> ValueTypes.pgDuration().parse(text, HOME)).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @CsvSource({"314572800,300M", "1073741824,1G", "65536,64k", "1000,1000", "3072,3k"})
    void sizesPrintInTheirShortestExactForm(long bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "M", "-1", "0", "0k", "99999999999999999999", "9000000000G", "1 M", "1T"})
    void sizesRefused(String text) {
        assertThat(ByteSize.parse(text)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({"copy_mode,copy_mode,0", "copymode,copy_mode,1", "hots,host,1", "schema_mapping,schema_mappings,1",
            "abc,xyz,3"})
    void editDistanceCountsASwapAsOneEdit(String a, String b, int distance) {
        assertThat(KeySuggestions.distance(a, b)).isEqualTo(distance);
    }
}
