package io.chameleon.ddl;

import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sequence of foreign key DDL runs on the source server (MariaDB or MySQL), and the foreign keys
 * the translator tracked equal those information_schema reports: names, columns, parents and actions.
 */
class ForeignKeyDdlIT {
    private static final DdlCase CASE = DdlCase.load(DdlCase.ROOT.resolve("create-table-basic"));
    private static final String DB = DdlCase.DEFAULT_DATABASE;

    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE p (id int PRIMARY KEY, k int, UNIQUE KEY (k))",
            "CREATE TABLE c (id int PRIMARY KEY, pid int, k int, up int, FOREIGN KEY (pid) REFERENCES p(id),"
                    + " CONSTRAINT sym FOREIGN KEY fi (k) REFERENCES p(k) ON DELETE CASCADE ON UPDATE SET NULL,"
                    + " FOREIGN KEY (up) REFERENCES c(id) ON DELETE SET NULL)",
            "CREATE TABLE i (id int PRIMARY KEY, pid int REFERENCES p(id) ON DELETE CASCADE, q int,"
                    + " FOREIGN KEY fq (q) REFERENCES p(id))",
            "CREATE TABLE l LIKE c",
            "ALTER TABLE c ADD FOREIGN KEY (pid) REFERENCES p(id) ON UPDATE CASCADE",
            "ALTER TABLE c DROP FOREIGN KEY c_ibfk_1",
            "ALTER TABLE c ADD CONSTRAINT c_ibfk_9 FOREIGN KEY (pid) REFERENCES p(id) ON DELETE NO ACTION",
            "ALTER TABLE c ADD FOREIGN KEY (pid) REFERENCES p(id)",
            "ALTER TABLE c DROP CONSTRAINT c_ibfk_2",
            "RENAME TABLE c TO c2",
            "ALTER TABLE p RENAME TO pp",
            "ALTER TABLE pp RENAME COLUMN id TO idd",
            "ALTER TABLE c2 CHANGE pid pid2 int, RENAME COLUMN id TO id2",
            "ALTER TABLE i ADD COLUMN r int REFERENCES pp(idd) ON UPDATE CASCADE",
            "DROP TABLE l");

    @Test
    void trackedForeignKeysEqualInformationSchemas() throws Exception {
        try (Connection my = TestServers.mysqlConnection(null); Statement s = my.createStatement()) {
            ServerInfo server = ServerInfo.read(my);
            DdlTranslator translator = new DdlTranslator(CASE.source(), CASE.config().typeOverrides(),
                    CASE.config().fillfactor(), false, server);
            s.execute("DROP DATABASE IF EXISTS `" + DB + "`");
            s.execute("CREATE DATABASE `" + DB + "`");
            s.execute("USE `" + DB + "`");
            TrackedTables tracked = new TrackedTables(Map.of(), DdlCase.SCHEMA_CHARSETS);
            for (String sql : STATEMENTS) {
                s.execute(sql);
                DdlOutcome o = translator.translate(sql, DB, tracked);
                assertThat(o.skipped()).as(sql + ": " + o.skipReason()).isFalse();
                tracked = o.tables();
            }
            List<ForeignKeyDef> actual = new ArrayList<>();
            new SchemaReader(my, server).readSchema(DB).forEach(t -> actual.addAll(t.foreignKeys()));
            List<ForeignKeyDef> replayed = new ArrayList<>();
            tracked.tables().values().forEach(t -> replayed.addAll(t.definition().foreignKeys()));
            assertThat(sorted(replayed)).isEqualTo(sorted(actual));
            assertThat(actual).hasSizeGreaterThan(6);
        }
    }

    private static List<ForeignKeyDef> sorted(List<ForeignKeyDef> keys) {
        return keys.stream().sorted(Comparator.comparing((ForeignKeyDef k) -> k.table().toString())
                .thenComparing(ForeignKeyDef::name)).toList();
    }
}
