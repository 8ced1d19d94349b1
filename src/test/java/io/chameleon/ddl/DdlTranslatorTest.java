package io.chameleon.ddl;

import io.chameleon.mysql.SessionSettings;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the case directories cannot show: outcomes about the replica rather than statements. */
class DdlTranslatorTest {
    private static final DdlCase CASE = DdlCase.load(DdlCase.ROOT.resolve("create-table-basic"));
    private static final TableName T = new TableName("ddl_shop", "t");

    private static TrackedTables tracked(String... creates) {
        return CASE.run(new TrackedTables(Map.of(), DdlCase.SCHEMA_CHARSETS), List.of(creates)).tables();
    }

    private static DdlOutcome translate(String sql, TrackedTables tables) {
        return CASE.translator().translate(sql, DdlCase.DEFAULT_DATABASE, tables);
    }

    @Test
    void aTableRenamedInFromAnUntrackedSchemaAsksForSyncTables() {
        DdlOutcome o = translate("RENAME TABLE ddl_other.outside TO inside", TrackedTables.EMPTY);

        assertThat(o.skipped()).isFalse();
        assertThat(o.statements()).isEmpty();
        assertThat(o.warnings()).singleElement().asString()
                .contains("ddl_shop.inside was renamed from ddl_other.outside").contains("run sync_tables for ddl_shop.inside");
    }

    @Test
    void aChangeOfATrackedTableThatCannotBeFollowedStopsItsReplication() {
        TrackedTables before = tracked("CREATE TABLE t (id int PRIMARY KEY)");

        DdlOutcome o = translate("ALTER TABLE t ADD COLUMN v vector(3)", before);

        assertThat(o.skipped()).isTrue();
        assertThat(o.skipReason()).contains("ddl_shop.t.v (vector)").contains("type_override");
        assertThat(o.stopsReplicating()).containsExactly(T);
        assertThat(o.tables().get(T)).isEmpty();
        assertThat(o.warnings()).singleElement().asString().contains("stops replicating").contains("sync_tables");
    }

    @Test
    void aSkippedStatementLeavesTheTrackedTablesAsTheyWere() {
        TrackedTables before = tracked("CREATE TABLE t (id int PRIMARY KEY)");

        for (String sql : new String[] {null, "", "   ", "CREATE VIEW v AS SELECT 1", "ALTER TABLE t ADD COLUMN"}) {
            DdlOutcome o = translate(sql, before);
            assertThat(o.skipped()).as(sql).isTrue();
            assertThat(o.tables()).isSameAs(before);
            assertThat(o.changes()).isEmpty();
        }
    }

    @Test
    void initReplicaIndexNamesAreTrackedAsInitReplicaChoseThem() {
        TrackedTables built = tracked("CREATE TABLE a (id int PRIMARY KEY, d date, KEY created (d))",
                "CREATE TABLE b (id int PRIMARY KEY, d date, KEY created (d))");
        List<io.chameleon.schema.TableDef> defs = built.tables().values().stream().map(TrackedTable::definition).toList();

        TrackedTables seeded = CASE.translator().afterInitReplica(defs, Map.of(), DdlCase.SCHEMA_CHARSETS);

        // init_replica names indexes in table order: b's "created" clashes with a's and gets the table's prefix
        assertThat(seeded.get(new TableName("ddl_shop", "a")).orElseThrow().pgIndexNames())
                .containsEntry("created", "created").containsEntry("PRIMARY", "a_pkey");
        assertThat(seeded.get(new TableName("ddl_shop", "b")).orElseThrow().pgIndexNames())
                .containsEntry("created", "b_created");
        DdlOutcome drop = translate("DROP INDEX created ON b", seeded);
        assertThat(drop.statements()).containsExactly("DROP INDEX \"shop\".\"b_created\"");
    }

    @Test
    void tablesStartAndStopReplicatingWithTheirKey() {
        TrackedTables before = tracked("CREATE TABLE t (id int NOT NULL, code varchar(5) NOT NULL)");
        assertThat(before.get(T).orElseThrow().replicated()).isFalse();

        DdlOutcome gained = translate("ALTER TABLE t ADD UNIQUE KEY (code)", before);
        assertThat(gained.startsReplicating()).containsExactly(T);

        DdlOutcome lost = translate("ALTER TABLE t DROP INDEX code", gained.tables());
        assertThat(lost.stopsReplicating()).containsExactly(T);
        assertThat(lost.warnings()).anyMatch(w -> w.contains("no primary key or unique NOT NULL key any more"));
    }

    @Test
    void theSessionsExplicitDefaultsForTimestampWhenTheEventCarriesItElseTheServers() {
        DdlTranslator globalOff = new DdlTranslator(CASE.source(), CASE.config().typeOverrides(),
                CASE.config().fillfactor(), false, CASE.server(), false);
        String create = "CREATE TABLE t (id int PRIMARY KEY, ts timestamp)";

        ColumnDef serverOff = stamp(globalOff.translate(create, DdlCase.DEFAULT_DATABASE, TrackedTables.EMPTY,
                SessionSettings.DEFAULT));
        ColumnDef sessionOn = stamp(globalOff.translate(create, DdlCase.DEFAULT_DATABASE, TrackedTables.EMPTY,
                new SessionSettings(SessionSettings.UNKNOWN_MODE, true)));
        ColumnDef sessionOff = stamp(CASE.translator().translate(create, DdlCase.DEFAULT_DATABASE, TrackedTables.EMPTY,
                new SessionSettings(SessionSettings.UNKNOWN_MODE, false)));

        assertThat(serverOff.nullable()).isFalse();
        assertThat(serverOff.defaultValue()).isEqualTo("current_timestamp()");
        assertThat(sessionOff).isEqualTo(serverOff);
        assertThat(sessionOn.nullable()).isTrue();
        assertThat(sessionOn.defaultKind()).isEqualTo(ColumnDef.DefaultKind.NULL);
    }

    private static ColumnDef stamp(DdlOutcome o) {
        return o.tables().get(T).orElseThrow().definition().columns().get(1);
    }
}
