package io.chameleon.catalog;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {
    @Test
    void stringsAreEscapedAsJsonRequires() {
        assertThat(JsonText.string("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
        assertThat(JsonText.string(null)).isEqualTo("null");
        assertThat(JsonText.string("😀é")).isEqualTo("\"😀é\"");
    }

    @Test
    void objectsKeepTheirOrderAndNulls() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("z", "1");
        row.put("a", null);

        assertThat(JsonText.object(row)).isEqualTo("{\"z\":\"1\",\"a\":null}");
        assertThat(JsonText.strings(List.of("x", "y"))).isEqualTo("[\"x\",\"y\"]");
        assertThat(JsonText.strings(List.of())).isEqualTo("[]");
    }
}
