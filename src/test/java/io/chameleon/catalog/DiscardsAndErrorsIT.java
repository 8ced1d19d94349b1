package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.chameleon.catalog.CatalogFixtures.freshCatalog;
import static io.chameleon.catalog.CatalogFixtures.freshDatabase;
import static io.chameleon.catalog.CatalogFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscardsAndErrorsIT {
    private static final TableName ORDERS = new TableName("shop", "orders");

    @Test
    void aDiscardedRowKeepsItsImageInColumnOrderWithTheReason() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("shop", "shop"))).sourceId();
            Map<String, String> image = new LinkedHashMap<>();
            image.put("z_id", "42");
            image.put("a_note", "it's \"quoted\" \\ and 😀\nnext line");
            image.put("shipped", null);
            image.put("m_name", "nul\0inside");
            BinlogPosition at = new BinlogPosition("mysql-bin.000007", 1234, null);

            catalog.discardedRows().recordAll(id, List.of(
                    DiscardedRow.of(ORDERS, "z_id=42", "m_name", "NUL character in text (nul_chars: discard)", image, at),
                    DiscardedRow.of(ORDERS, null, null, "zero date into NOT NULL column", null, null)));

            List<DiscardedRow> rows = catalog.discardedRows().list(id, ORDERS);
            assertThat(rows).hasSize(2);
            DiscardedRow first = rows.get(0);
            assertThat(first.rowImage()).containsExactly(Map.entry("z_id", "42"),
                    Map.entry("a_note", "it's \"quoted\" \\ and 😀\nnext line"), entry("shipped", null),
                    Map.entry("m_name", "nul\\u0000inside"));
            assertThat(first.position()).isEqualTo(at);
            assertThat(first.rowKey()).isEqualTo("z_id=42");
            assertThat(first.column()).isEqualTo("m_name");
            assertThat(first.discardedAt()).isNotNull();
            assertThat(rows.get(1).rowImage()).isNull();
            assertThat(rows.get(1).position()).isNull();
            assertThat(catalog.discardedRows().count(id)).isEqualTo(2);
        }
    }

    @Test
    void loggedErrorsAreListedAndShownInFull() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("shop", "shop"))).sourceId();
            long first = catalog.errors().log(id, new ErrorEntry(17L, ORDERS, "INSERT INTO \"shop\".\"orders\" ...",
                    "value too long for type character varying(3)", new BinlogPosition("mysql-bin.000002", 99, null)));
            long second = catalog.errors().log(id, new ErrorEntry(null, null, null, "lock timeout\0", null));

            assertThat(catalog.status().errors()).extracting(ErrorSummary::logId, ErrorSummary::sourceName,
                    ErrorSummary::batchId, ErrorSummary::table, ErrorSummary::schema)
                    .containsExactly(tuple(first, "mysql", 17L, "orders", "shop"),
                            tuple(second, "mysql", null, null, null));
            ErrorDetail detail = catalog.status().error(first);
            assertThat(detail.sql()).isEqualTo("INSERT INTO \"shop\".\"orders\" ...");
            assertThat(detail.message()).isEqualTo("value too long for type character varying(3)");
            assertThat(detail.position()).isEqualTo(new BinlogPosition("mysql-bin.000002", 99, null));
            assertThat(detail.summary().errorAt()).isNotNull();
            assertThat(catalog.status().error(second).message()).isEqualTo("lock timeout\\u0000");
            assertThatThrownBy(() -> catalog.status().error(second + 1000)).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("no error with log id " + (second + 1000));
        }
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return new AbstractMap.SimpleEntry<>(key, value);
    }
}
