package io.chameleon.copy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexNamerTest {
    @Test
    void keepsMysqlNamesUntilTheyClashInTheSchema() {
        IndexNamer n = new IndexNamer(List.of("orders", "items"));
        assertThat(n.name("orders", "PRIMARY")).isEqualTo("orders_pkey");
        assertThat(n.name("orders", "idx_created")).isEqualTo("idx_created");
        assertThat(n.name("items", "idx_created")).isEqualTo("items_idx_created");
        assertThat(n.name("items", "orders")).isEqualTo("items_orders");
    }

    @Test
    void namesAreCutToPostgresLimitOnCharacterBoundaries() {
        String longName = "é".repeat(40);
        String fitted = IndexNamer.fit(longName);
        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(fitted).startsWith("éé").doesNotContain("\uFFFD");
        assertThat(IndexNamer.fit(longName)).isEqualTo(fitted);
        assertThat(IndexNamer.fit("short")).isEqualTo("short");
    }
}
