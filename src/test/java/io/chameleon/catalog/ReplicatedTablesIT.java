package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static io.chameleon.catalog.CatalogFixtures.freshCatalog;
import static io.chameleon.catalog.CatalogFixtures.freshDatabase;
import static io.chameleon.catalog.CatalogFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicatedTablesIT {
    static final BinlogPosition SNAPSHOT = new BinlogPosition("mysql-bin.000003", 4711, "0-1-235");

    /** A replicated table in the PostgreSQL schema of the same name, keyed by {@code key}. */
    static ReplicatedTable table(String schema, String name, List<String> key) {
        return new ReplicatedTable(new TableName(schema, name), schema, name, true, key, null,
                List.of(new TrackedColumn("id", "int", "int(10) unsigned", "bigint", false, true, null, List.of(), false)),
                SNAPSHOT, null, null, null);
    }

    @Test
    void tablesComeBackWithTheirColumnsInOrderAndTheirSnapshotPoint() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("shop", "shop"))).sourceId();
            List<TrackedColumn> columns = List.of(
                    new TrackedColumn("z_id", "bigint", "bigint(20)", "bigint", false, false, null, List.of(), false),
                    new TrackedColumn("Größe \"quoted\"", "enum", "enum('S','M','it''s')", "text", true, false,
                            "utf8mb4", List.of("S", "M", "it's"), false),
                    new TrackedColumn("a_total", "decimal", "decimal(10,2)", "numeric(10,2)", true, false, null,
                            List.of(), true));
            ReplicatedTable orders = new ReplicatedTable(new TableName("shop", "Orders"), "shop", "Orders", true,
                    List.of("z_id"), null, columns, SNAPSHOT, null, null, null);

            catalog.tables().replaceAll(id, List.of(orders));

            assertThat(catalog.tables().list(id)).containsExactly(orders);
        }
    }

    @Test
    void aTableWithoutKeyIsCopiedButNotReplicatedWithTheReason() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("shop", "pg_shop"))).sourceId();
            ColumnDef note = new ColumnDef("note", 1, "text", "text", true, null, ColumnDef.DefaultKind.NONE, "utf8mb4",
                    65535L, null, null, null, false, false, false, List.of());
            TableDef log = new TableDef(new TableName("shop", "log"), "InnoDB", List.of(note),
                    List.of(new IndexDef("i_note", false, false, "BTREE", List.of(new IndexDef.Part("note", 10, null)))),
                    0, 0, 0);

            catalog.tables().replaceAll(id, List.of(ReplicatedTable.planned(log, "pg_shop",
                    List.of(TrackedColumn.of(note, "text")), SNAPSHOT)));

            ReplicatedTable stored = catalog.tables().list(id).get(0);
            assertThat(stored.replicated()).isFalse();
            assertThat(stored.replicaKey()).isNull();
            assertThat(stored.notReplicatedReason()).isEqualTo("no primary key or unique NOT NULL key");
            assertThat(stored.pgSchema()).isEqualTo("pg_shop");
            assertThat(stored.columns()).containsExactly(TrackedColumn.of(note, "text"));
        }
    }

    @Test
    void replaceAllKeepsExactlyTheGivenTablesAndResetsTheirCopyState() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();
            int other = catalog.sources().add(source("other", Map.of("o", "o"))).sourceId();
            catalog.tables().replaceAll(other, List.of(table("o", "t", List.of("id"))));
            catalog.tables().replaceAll(id, List.of(table("s", "a", List.of("id")), table("s", "b", List.of("id"))));
            catalog.tables().markCopied(id, new TableName("s", "a"), 10, 2048);
            catalog.tables().saveDefinition(id, new TableName("s", "a"), "{\"stale\": true}");
            catalog.tables().saveSchemaCharsets(id, Map.of("s", "latin1"));

            catalog.tables().replaceAll(id, List.of(table("s", "a", List.of("id")), table("s", "c", List.of("id"))));

            assertThat(catalog.tables().definitions(id)).as("a new copy forgets the definitions DDL replay tracked")
                    .isEmpty();
            assertThat(catalog.tables().schemaCharsets(id)).isEmpty();

            assertThat(catalog.tables().list(id)).extracting(t -> t.mysqlName().table()).containsExactly("a", "c");
            assertThat(catalog.tables().list(id).get(0).copied()).isFalse();
            assertThat(catalog.tables().list(other)).hasSize(1);
        }
    }

    @Test
    void copyProgressAndDisablingAreRecordedPerTable() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();
            TableName a = new TableName("s", "a");
            catalog.tables().upsert(id, List.of(table("s", "a", List.of("id"))));

            catalog.tables().markCopied(id, a, 1000, 65536);
            catalog.tables().disable(id, a, "on_error_replay continue: value too long for type character varying(3)");

            ReplicatedTable stored = catalog.tables().list(id).get(0);
            assertThat(stored.rowsCopied()).isEqualTo(1000);
            assertThat(stored.bytesCopied()).isEqualTo(65536);
            assertThat(stored.copiedAt()).isNotNull();
            assertThat(stored.replicated()).isFalse();
            assertThat(stored.replicaKey()).containsExactly("id");
            assertThat(stored.notReplicatedReason()).contains("value too long");
            assertThatThrownBy(() -> catalog.tables().markCopied(id, new TableName("s", "missing"), 1, 1))
                    .isInstanceOf(CatalogException.class).hasMessageContaining("s.missing");
        }
    }

    @Test
    void anAlteredTableKeepsItsStateAndARemovedOneGoes() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "s"))).sourceId();
            catalog.tables().upsert(id, List.of(table("s", "a", List.of("id")), table("s", "b", List.of("id"))));
            catalog.tables().markCopied(id, new TableName("s", "a"), 5, 50);
            ReplicatedTable a = catalog.tables().list(id).get(0);
            List<TrackedColumn> altered = List.of(a.columns().get(0),
                    new TrackedColumn("added", "varchar", "varchar(20)", "varchar(20)", true, false, "utf8mb4",
                            List.of(), false));

            catalog.tables().upsert(id, List.of(a.withColumns(altered)));
            catalog.tables().remove(id, new TableName("s", "b"));

            assertThat(catalog.tables().list(id)).containsExactly(a.withColumns(altered));
        }
    }

    @Test
    void aTableOutsideTheSourcesMappingsIsRefused() throws Exception {
        try (Connection c = freshDatabase()) {
            Catalog catalog = freshCatalog(c);
            int id = catalog.sources().add(source("mysql", Map.of("s", "pg_s"))).sourceId();

            assertThatThrownBy(() -> catalog.tables().upsert(id, List.of(table("s", "a", List.of("id")))))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("table s.a cannot be recorded into PostgreSQL schema 's'")
                    .hasMessageContaining("{s=pg_s}");
        }
    }
}
