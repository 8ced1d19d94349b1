package io.chameleon.format;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {
    @Test
    void stringsAreEscapedAsJsonRequires() {
        assertThat(Json.string("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
        assertThat(Json.string(null)).isEqualTo("null");
        assertThat(Json.string("😀é")).isEqualTo("\"😀é\"");
    }

    @Test
    void objectsKeepTheirOrderAndNulls() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("z", "1");
        row.put("a", null);

        assertThat(Json.compact(row)).isEqualTo("{\"z\":\"1\",\"a\":null}");
        assertThat(Json.compact(List.of("x", "y"))).isEqualTo("[\"x\",\"y\"]");
        assertThat(Json.compact(List.of())).isEqualTo("[]");
    }
}
