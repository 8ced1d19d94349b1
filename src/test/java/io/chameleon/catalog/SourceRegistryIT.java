package io.chameleon.catalog;

import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.chameleon.catalog.CatalogFixtures.freshCatalog;
import static io.chameleon.catalog.CatalogFixtures.freshDatabase;
import static io.chameleon.catalog.CatalogFixtures.source;
import static io.chameleon.catalog.CatalogFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceRegistryIT {
    @Test
    void addSourceRecordsItReadyWithItsMappings() throws Exception {
        try (Connection c = freshDatabase()) {
            SourceRegistry sources = freshCatalog(c).sources();
            Map<String, String> mappings = new LinkedHashMap<>();
            mappings.put("sakila", "db_sakila");
            mappings.put("shop", "shop");

            AddSourceOutcome added = sources.add(source("mysql", mappings));

            assertThat(added.alreadyPresent()).isFalse();
            SourceRecord record = sources.get("mysql");
            assertThat(record.id()).isEqualTo(added.sourceId());
            assertThat(record.status()).isEqualTo(SourceStatus.READY);
            assertThat(record.consistent()).isFalse();
            assertThat(record.applied()).isNull();
            assertThat(strings(c, "SELECT mysql_schema || '>' || pg_schema FROM sch_chameleon.schema_mappings"
                    + " ORDER BY 1")).containsExactly("sakila>db_sakila", "shop>shop");
        }
    }

    @Test
    void addingAnExistingSourceChangesNothingAndSaysSo() throws Exception {
        try (Connection c = freshDatabase()) {
            SourceRegistry sources = freshCatalog(c).sources();
            int id = sources.add(source("mysql", Map.of("sakila", "sakila"))).sourceId();

            AddSourceOutcome again = sources.add(source("mysql", Map.of("other", "other")));

            assertThat(again).isEqualTo(new AddSourceOutcome(id, "mysql", true));
            assertThat(strings(c, "SELECT pg_schema FROM sch_chameleon.schema_mappings")).containsExactly("sakila");
        }
    }

    @Test
    void aPostgresSchemaBelongsToOneSourceOnly() throws Exception {
        try (Connection c = freshDatabase()) {
            SourceRegistry sources = freshCatalog(c).sources();
            sources.add(source("first", Map.of("sakila", "sakila")));

            assertThatThrownBy(() -> sources.add(source("second", Map.of("shop", "shop", "sakila2", "sakila"))))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("PostgreSQL schema 'sakila' is already the destination of source 'first'")
                    .hasMessageContaining("MySQL schema 'sakila2' of source 'second'");
            assertThat(sources.names()).containsExactly("first");
        }
    }

    @Test
    void theUniqueConstraintHoldsEvenWithoutTheCheck() throws Exception {
        try (Connection c = freshDatabase()) {
            freshCatalog(c).sources().add(source("first", Map.of("sakila", "sakila")));

            assertThatThrownBy(() -> CatalogFixtures.execute(c, "INSERT INTO sch_chameleon.schema_mappings"
                    + " SELECT source_id, 'other', 'sakila' FROM sch_chameleon.sources"))
                    .hasMessageContaining("schema_mappings_pg_schema_key");
        }
    }

    @Test
    void twoMysqlSchemasIntoOnePostgresSchemaOrIntoTheCatalogueAreRefused() throws Exception {
        try (Connection c = freshDatabase()) {
            SourceRegistry sources = freshCatalog(c).sources();

            assertThatThrownBy(() -> sources.add(source("s", Map.of("a", "same", "b", "same"))))
                    .isInstanceOf(CatalogException.class).hasMessageContaining("to PostgreSQL schema 'same'");
            assertThatThrownBy(() -> sources.add(source("s", Map.of("a", "sch_chameleon"))))
                    .isInstanceOf(CatalogException.class).hasMessageContaining("the replica catalogue");
            assertThat(sources.names()).isEmpty();
        }
    }

    @Test
    void anUnknownSourceIsNamedWithTheKnownOnes() throws Exception {
        try (Connection c = freshDatabase()) {
            SourceRegistry sources = freshCatalog(c).sources();
            assertThatThrownBy(() -> sources.id("nope")).hasMessageContaining("has no sources yet");

            sources.add(source("beta", Map.of("b", "b")));
            sources.add(source("alpha", Map.of("a", "a")));

            assertThatThrownBy(() -> sources.id("nope")).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("source 'nope' is not in the replica catalogue")
                    .hasMessageContaining("alpha, beta")
                    .hasMessageContaining("add_source --source nope");
        }
    }

    @Test
    void dropSourceRemovesEverythingOfItAndNothingElse() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int gone = catalog.sources().add(source("gone", Map.of("g", "g"))).sourceId();
            int kept = catalog.sources().add(source("kept", Map.of("k", "k"))).sourceId();
            for (int id : List.of(gone, kept)) {
                String schema = id == gone ? "g" : "k";
                catalog.tables().upsert(id, List.of(ReplicatedTablesIT.table(schema, "t", List.of("id"))));
                catalog.discardedRows().record(id, DiscardedRow.of(new TableName(schema, "t"), "id=1", null, "bad",
                        null, null));
                catalog.errors().log(id, new ErrorEntry(null, null, null, "failed", null));
            }

            catalog.sources().drop("gone", SourceTransition.DROP_SOURCE, "this-host");

            assertThat(catalog.sources().names()).containsExactly("kept");
            for (String table : List.of("schema_mappings", "replicated_tables", "discarded_rows", "error_log")) {
                assertThat(strings(c, "SELECT DISTINCT source_id FROM sch_chameleon." + table))
                        .as(table).containsExactly(String.valueOf(kept));
            }
            assertThatThrownBy(() -> catalog.sources().drop("gone", SourceTransition.DROP_SOURCE, "this-host")).isInstanceOf(CatalogException.class);
        }
    }
}
