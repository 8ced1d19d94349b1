package io.chameleon.ddl;

import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracked foreign keys through DDL, as MySQL 9.7 and MariaDB 10.11 showed them in
 * information_schema after the same statements.
 */
class ForeignKeyDdlTest {
    private static final DdlCase CASE = DdlCase.load(DdlCase.ROOT.resolve("create-table-basic"));
    private static final String DB = DdlCase.DEFAULT_DATABASE;
    private static final String PARENT = "CREATE TABLE p (id int PRIMARY KEY, k int, UNIQUE KEY (k))";

    private static TrackedTables run(ServerInfo server, String... statements) {
        DdlTranslator translator = new DdlTranslator(CASE.source(), CASE.config().typeOverrides(),
                CASE.config().fillfactor(), false, server);
        TrackedTables t = new TrackedTables(Map.of(), DdlCase.SCHEMA_CHARSETS);
        for (String sql : statements) {
            DdlOutcome o = translator.translate(sql, DB, t);
            assertThat(o.skipped()).as(sql + ": " + o.skipReason()).isFalse();
            t = o.tables();
        }
        return t;
    }

    private static TrackedTables mariadb(String... statements) {
        return run(ServerInfo.parse("10.11.19-MariaDB"), statements);
    }

    private static TrackedTables mysql(String... statements) {
        return run(ServerInfo.parse("9.7.4"), statements);
    }

    private static TableName table(String name) {
        return new TableName(DB, name);
    }

    private static List<ForeignKeyDef> keys(TrackedTables t, String name) {
        return t.get(table(name)).orElseThrow().definition().foreignKeys();
    }

    private static List<String> names(TrackedTables t, String name) {
        return keys(t, name).stream().map(ForeignKeyDef::name).toList();
    }

    @Test
    void createTableTracksItsKeysWithTheServersDefaultAction() {
        String child = "CREATE TABLE c (id int PRIMARY KEY, pid int, k int, FOREIGN KEY (pid) REFERENCES p(id),"
                + " CONSTRAINT sym FOREIGN KEY fi (k) REFERENCES p(k) ON DELETE CASCADE ON UPDATE SET NULL)";

        assertThat(keys(mariadb(PARENT, child), "c")).containsExactly(
                new ForeignKeyDef("c_ibfk_1", table("c"), List.of("pid"), table("p"), List.of("id"), "RESTRICT", "RESTRICT"),
                new ForeignKeyDef("sym", table("c"), List.of("k"), table("p"), List.of("k"), "CASCADE", "SET NULL"));
        assertThat(keys(mysql(PARENT, child), "c").get(0).onDelete()).isEqualTo("NO ACTION");
        // InnoDB names the key's index after the symbol, not the index name
        assertThat(mysql(PARENT, child).get(table("c")).orElseThrow().definition().indexes())
                .extracting(i -> i.name()).contains("sym").doesNotContain("fi");
    }

    @Test
    void anIndexNameWithoutSymbolNamesTheKeyOnMariadbOnly() {
        String child = "CREATE TABLE c (id int PRIMARY KEY, pid int, FOREIGN KEY fi (pid) REFERENCES p(id))";

        assertThat(names(mariadb(PARENT, child), "c")).containsExactly("fi");
        assertThat(names(mysql(PARENT, child), "c")).containsExactly("c_ibfk_1");
    }

    @Test
    void inlineReferencesComeBeforeLaterClausesAndAnUnnamedParentKeyIsItsPrimaryKey() {
        String child = "CREATE TABLE c (a int, b int REFERENCES p(id) ON DELETE CASCADE,"
                + " FOREIGN KEY (a) REFERENCES p ON DELETE SET NULL)";

        List<ForeignKeyDef> k = keys(mysql(PARENT, child), "c");

        assertThat(k).extracting(ForeignKeyDef::name).containsExactly("c_ibfk_1", "c_ibfk_2");
        assertThat(k).extracting(ForeignKeyDef::columns).containsExactly(List.of("b"), List.of("a"));
        assertThat(k.get(1).referencedColumns()).containsExactly("id");
        assertThat(k.get(1).onDelete()).isEqualTo("SET NULL");
        // MySQL 8 parsed and ignored inline REFERENCES
        assertThat(keys(run(ServerInfo.parse("8.4.3"), PARENT, "CREATE TABLE c (a int REFERENCES p(id))"), "c")).isEmpty();
    }

    @Test
    void alterNumbersNewKeysAfterTheHighestGeneratedNameAndDropsByName() {
        List<String> statements = new ArrayList<>(List.of(PARENT, "CREATE TABLE c (id int PRIMARY KEY, pid int,"
                + " FOREIGN KEY (pid) REFERENCES p(id), FOREIGN KEY (pid) REFERENCES p(id))",
                "ALTER TABLE c ADD FOREIGN KEY (pid) REFERENCES p(id)",
                "ALTER TABLE c DROP FOREIGN KEY c_ibfk_1",
                "ALTER TABLE c ADD CONSTRAINT c_ibfk_9 FOREIGN KEY (pid) REFERENCES p(id)",
                "ALTER TABLE c ADD FOREIGN KEY (pid) REFERENCES p(id) ON UPDATE CASCADE",
                "ALTER TABLE c DROP CONSTRAINT c_ibfk_2"));

        TrackedTables t = mariadb(statements.toArray(String[]::new));

        assertThat(names(t, "c")).containsExactly("c_ibfk_3", "c_ibfk_9", "c_ibfk_10");
        assertThat(keys(t, "c").get(2).onUpdate()).isEqualTo("CASCADE");
    }

    @Test
    void likeCopiesNoKeysAndDropTableTakesOnlyItsOwn() {
        TrackedTables t = mariadb(PARENT, "CREATE TABLE c (id int PRIMARY KEY, pid int, FOREIGN KEY (pid) REFERENCES p(id))",
                "CREATE TABLE c2 LIKE c", "CREATE TABLE g (id int PRIMARY KEY, cid int, FOREIGN KEY (cid) REFERENCES c(id))",
                "DROP TABLE c");

        assertThat(keys(t, "c2")).isEmpty();
        assertThat(t.get(table("c"))).isEmpty();
        assertThat(keys(t, "g")).singleElement().extracting(ForeignKeyDef::referenced).isEqualTo(table("c"));
    }

    @Test
    void renamedTablesTakeTheirKeysAlongAndReferencesFollowThem() {
        TrackedTables t = mariadb(PARENT, "CREATE TABLE c (id int PRIMARY KEY, pid int, up int,"
                + " FOREIGN KEY (pid) REFERENCES p(id), CONSTRAINT own FOREIGN KEY (up) REFERENCES c(id))",
                "RENAME TABLE c TO c2", "ALTER TABLE p RENAME TO pp");

        assertThat(keys(t, "c2")).containsExactly(
                new ForeignKeyDef("c2_ibfk_1", table("c2"), List.of("pid"), table("pp"), List.of("id"), "RESTRICT",
                        "RESTRICT"),
                new ForeignKeyDef("own", table("c2"), List.of("up"), table("c2"), List.of("id"), "RESTRICT", "RESTRICT"));
    }

    @Test
    void renamedColumnsFollowInTheKeysHoldingAndReferencingThem() {
        TrackedTables t = mariadb(PARENT, "CREATE TABLE c (id int PRIMARY KEY, pid int, up int,"
                + " FOREIGN KEY (pid) REFERENCES p(id), FOREIGN KEY (up) REFERENCES c(id))",
                "ALTER TABLE p RENAME COLUMN id TO idd", "ALTER TABLE c CHANGE pid pid2 int, RENAME COLUMN id TO id2");

        assertThat(keys(t, "c")).extracting(ForeignKeyDef::columns).containsExactly(List.of("pid2"), List.of("up"));
        assertThat(keys(t, "c")).extracting(ForeignKeyDef::referencedColumns)
                .containsExactly(List.of("idd"), List.of("id2"));
    }

    @Test
    void aColumnDroppedWithItsKeyInOneStatementLeavesNoKey() {
        TrackedTables t = mariadb(PARENT, "CREATE TABLE c (id int PRIMARY KEY, pid int,"
                + " CONSTRAINT s FOREIGN KEY (pid) REFERENCES p(id))", "ALTER TABLE c DROP COLUMN pid, DROP FOREIGN KEY s");

        assertThat(keys(t, "c")).isEmpty();
    }

    @Test
    void keysSurviveOtherChangesOfTheTable() {
        TrackedTables t = mariadb(PARENT, "CREATE TABLE c (id int PRIMARY KEY, pid int,"
                + " CONSTRAINT s FOREIGN KEY (pid) REFERENCES p(id))", "ALTER TABLE c ADD COLUMN v int, ADD INDEX (v)",
                "ALTER TABLE c MODIFY v bigint NOT NULL");

        assertThat(names(t, "c")).containsExactly("s");
    }
}
