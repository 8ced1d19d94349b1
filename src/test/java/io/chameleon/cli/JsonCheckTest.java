package io.chameleon.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tests' JSON check accepts JSON and refuses what only looks like it. */
class JsonCheckTest {
    @Test
    void readsValues() {
        assertThat(JsonCheck.parse(" {\"a\": [1, -2.5e3, true, null, \"x\\\"\\u00e9\"], \"b\": {}} \n"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2500.0, true, null, "x\"é"), "b", Map.of()));
        assertThat(JsonCheck.array("[]")).isEmpty();
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : List.of("", "{", "{a: 1}", "{\"a\": 1,}", "[1,]", "[1] [2]", "'x'", "01", "1.", "{\"a\":1,\"a\":2}",
                "\"tab\there\"", "nul", "[NaN]")) {
            assertThatThrownBy(() -> JsonCheck.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
