package io.chameleon.catalog;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static io.chameleon.catalog.CatalogFixtures.execute;
import static io.chameleon.catalog.CatalogFixtures.freshDatabase;
import static io.chameleon.catalog.CatalogFixtures.source;
import static io.chameleon.catalog.CatalogFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sch_chameleon that is not ours is never dropped, altered or written to, whatever the command. */
class ForeignCatalogueIT {
    private static final String CONTENTS = "SELECT c.relname || ':' || c.relnatts FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'sch_chameleon'"
            + " UNION ALL SELECT 'source ' || t_source || ' ' || enm_status FROM sch_chameleon.t_sources ORDER BY 1";

    @Test
    void pgChameleonsCatalogueIsRefusedByEveryEntryPoint() throws Exception {
        try (Connection c = freshDatabase()) {
            createPgChameleonCatalogue(c);
            List<String> before = strings(c, CONTENTS);
            CatalogMigrations migrations = new CatalogMigrations(c);

            for (CatalogMigrationsIT.ThrowingCall call : List.<CatalogMigrationsIT.ThrowingCall>of(migrations::create,
                    migrations::upgrade, migrations::drop, migrations::version, migrations::history,
                    () -> Catalog.open(c).sources().add(source("s", Map.of("a", "a"))))) {
                assertThatThrownBy(call::run).isInstanceOf(CatalogException.class)
                        .hasMessageContaining("pg_chameleon's replica catalogue")
                        .hasMessageContaining("t_sources")
                        .hasMessageContaining("will not drop or alter it")
                        .hasMessageContaining("another target database");
            }
            assertThat(strings(c, CONTENTS)).isEqualTo(before);
        }
    }

    @Test
    void aSchemaOfThatNameWithoutOurVersionTableIsRefused() throws Exception {
        try (Connection c = freshDatabase()) {
            execute(c, "CREATE SCHEMA sch_chameleon; CREATE TABLE sch_chameleon.notes (note text)");

            assertThatThrownBy(() -> new CatalogMigrations(c).drop()).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("not a Chameleon catalogue")
                    .hasMessageContaining("tables notes");
            assertThatThrownBy(() -> new CatalogMigrations(c).create()).isInstanceOf(CatalogException.class);
            assertThat(strings(c, "SELECT relname FROM pg_class WHERE relname = 'notes'")).containsExactly("notes");
        }
    }

    @Test
    void anEmptySchemaOfThatNameIsRefusedToo() throws Exception {
        try (Connection c = freshDatabase()) {
            execute(c, "CREATE SCHEMA sch_chameleon");

            assertThatThrownBy(() -> new CatalogMigrations(c).create()).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("is empty");
        }
    }

    /** The tables pg_chameleon 2.0 creates, reduced to a few columns, with a source in it. */
    private static void createPgChameleonCatalogue(Connection c) throws Exception {
        execute(c, "CREATE SCHEMA sch_chameleon;"
                + " CREATE TABLE sch_chameleon.t_version (t_version text);"
                + " CREATE TABLE sch_chameleon.t_sources (i_id_source serial PRIMARY KEY, t_source text,"
                + "   enm_status text, b_consistent boolean);"
                + " CREATE TABLE sch_chameleon.t_replica_tables (i_id_table serial, i_id_source integer,"
                + "   v_table_name text, v_schema_name text);"
                + " CREATE TABLE sch_chameleon.t_replica_batch (i_id_batch serial, i_id_source integer);"
                + " CREATE TABLE sch_chameleon.t_log_replica (i_id_event bigserial, i_id_batch bigint);"
                + " CREATE TABLE sch_chameleon.t_log_replica_mysql_1 () INHERITS (sch_chameleon.t_log_replica);"
                + " CREATE TABLE sch_chameleon.t_error_log (i_id_log bigserial, i_id_batch bigint);"
                + " CREATE TABLE sch_chameleon.t_discarded_rows (i_id_row bigserial, i_id_batch bigint);"
                + " INSERT INTO sch_chameleon.t_version VALUES ('2.0.7');"
                + " INSERT INTO sch_chameleon.t_sources (t_source, enm_status, b_consistent)"
                + "   VALUES ('mysql', 'running', true)");
    }
}
