package io.chameleon.replica;

import io.chameleon.testing.MysqlServer;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TestServers;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: the referential actions InnoDB applies by itself (ON DELETE / ON UPDATE CASCADE and SET
 * NULL) reach PostgreSQL. MariaDB, and MySQL with innodb_native_foreign_keys = ON, log only the
 * parent's row: the replica must reproduce what the actions did to the children. MySQL 9.x by
 * default applies the actions in its SQL layer and logs the children's rows too (flagged
 * USE_SQL_FOREIGN_KEY_F, before the parent's): there the replica must not apply them twice. So on
 * MySQL runs every scenario runs on both kinds of server. Each scenario checks MySQL did what the
 * scenario is about, then compares every table involved value by value, and that error_log is empty.
 */
class ForeignKeyActionsIT {
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static MysqlServer nativeKeys;

    /** A source server for the scenarios: its name and how to get it. */
    record Source(String name, Callable<TestServers.Endpoint> endpoint) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Source> sources() {
        if (!TestServers.sourceIsMysql()) {
            return Stream.of(new Source("mariadb", TestServers::mysql));
        }
        return Stream.of(new Source("mysql, actions logged", TestServers::mysql),
                new Source("mysql, innodb_native_foreign_keys", ForeignKeyActionsIT::nativeKeysServer));
    }

    /** MySQL with InnoDB applying the actions below the binlog, as MariaDB does (started once, on first use). */
    private static synchronized TestServers.Endpoint nativeKeysServer() throws Exception {
        if (nativeKeys == null) {
            nativeKeys = MysqlServer.start(31, "--innodb-native-foreign-keys=ON");
            try (Connection c = TestServers.mysqlConnection(nativeKeys.endpoint(), null)) {
                // without it this run would only repeat the other MySQL one
                assertThat(strings(c, "SELECT IF(@@innodb_native_foreign_keys, 'ON', 'OFF')")).containsExactly("ON");
            }
        }
        return nativeKeys.endpoint();
    }

    @AfterAll
    static void stopNativeKeysServer() throws Exception {
        if (nativeKeys != null) {
            nativeKeys.close();
        }
    }

    /** 1. ON DELETE CASCADE three levels deep, and a delete whose children the transaction deleted first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void deleteCascadesThroughThreeLevels(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_cascade3", "");
        fx.mysqlExec(table("a (id int PRIMARY KEY, v varchar(10))"),
                table("b (id int PRIMARY KEY, a_id int NOT NULL, v varchar(10),"
                        + " FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE)"),
                table("c (id int PRIMARY KEY, b_id int NOT NULL, v varchar(10),"
                        + " FOREIGN KEY (b_id) REFERENCES b (id) ON DELETE CASCADE)"));
        for (int a = 1; a <= 6; a++) {
            fx.mysqlExec("INSERT INTO a VALUES (" + a + ", 'a" + a + "')");
            for (int b = a * 10 + 1; b <= a * 10 + (a == 1 ? 3 : a == 2 ? 2 : 1); b++) {
                fx.mysqlExec("INSERT INTO b VALUES (" + b + ", " + a + ", 'b" + b + "')",
                        "INSERT INTO c VALUES (" + (b * 10 + 1) + ", " + b + ", 'c'), (" + (b * 10 + 2) + ", " + b + ", 'c')");
            }
        }
        fx.initReplica();

        replicate(fx, "DELETE FROM a WHERE id = 1", // 3 children, 6 grandchildren
                "START TRANSACTION", "DELETE FROM c WHERE b_id IN (21, 22)", "DELETE FROM b WHERE a_id = 2",
                "DELETE FROM a WHERE id = 2", "COMMIT",
                "DELETE FROM b WHERE id = 31", // from the middle level: only its children
                "DELETE FROM a WHERE id IN (4, 5)");

        assertThat(mysqlStrings(fx, "SELECT id FROM a ORDER BY id")).containsExactly("3", "6");
        assertThat(mysqlStrings(fx, "SELECT id FROM b ORDER BY id")).containsExactly("61");
        assertThat(mysqlStrings(fx, "SELECT id FROM c ORDER BY id")).containsExactly("611", "612");
        assertSameOnBothSides(fx, "a", "b", "c");
    }

    /** 2. ON DELETE SET NULL, next to a CASCADE child of the same parent. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void deleteSetsNull(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_setnull", "");
        fx.mysqlExec(table("p (id int PRIMARY KEY)"),
                table("n (id int PRIMARY KEY, pid int NULL, v varchar(10),"
                        + " FOREIGN KEY (pid) REFERENCES p (id) ON DELETE SET NULL)"),
                table("k (id int PRIMARY KEY, pid int NOT NULL, FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE)"),
                "INSERT INTO p VALUES (1), (2), (3)",
                "INSERT INTO n VALUES (10, 1, 'a'), (11, 1, 'b'), (20, 2, 'c'), (30, 3, 'd'), (40, NULL, 'e')",
                "INSERT INTO k VALUES (100, 1), (200, 2), (300, 3)");
        fx.initReplica();

        replicate(fx, "DELETE FROM p WHERE id = 1",
                "START TRANSACTION", "UPDATE n SET v = 'x' WHERE id = 20", "DELETE FROM p WHERE id = 2", "COMMIT");

        assertThat(mysqlStrings(fx, "SELECT concat_ws(' ', id, coalesce(pid, 'NULL'), v) FROM n ORDER BY id"))
                .containsExactly("10 NULL a", "11 NULL b", "20 NULL x", "30 3 d", "40 NULL e");
        assertThat(mysqlStrings(fx, "SELECT id FROM k")).containsExactly("300");
        assertSameOnBothSides(fx, "p", "n", "k");
    }

    /**
     * 3. ON UPDATE CASCADE of a key, through a child whose own key holds the foreign key (so its
     * rows change identity) to a grandchild; ON UPDATE SET NULL; a key changed and changed back.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void updateOfAKeyCascadesOrSetsNull(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_update", "");
        fx.mysqlExec(table("p (id int PRIMARY KEY, name varchar(10))"),
                table("cu (pid int NOT NULL, n int NOT NULL, v varchar(10), PRIMARY KEY (pid, n),"
                        + " FOREIGN KEY (pid) REFERENCES p (id) ON UPDATE CASCADE)"),
                table("gu (id int PRIMARY KEY, pid int NOT NULL, n int NOT NULL,"
                        + " FOREIGN KEY (pid, n) REFERENCES cu (pid, n) ON UPDATE CASCADE)"),
                table("cm (id int PRIMARY KEY, pid int NOT NULL, FOREIGN KEY (pid) REFERENCES p (id) ON UPDATE CASCADE)"),
                table("su (id int PRIMARY KEY, pid int NULL, FOREIGN KEY (pid) REFERENCES p (id) ON UPDATE SET NULL)"),
                "INSERT INTO p VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'), (6, 'six')",
                // one cu row per parent: MySQL 9.7's SQL-layer actions refuse (1452) a parent key update that
                // moves two cu rows when gu references cu; cm has several children per parent instead
                "INSERT INTO cu VALUES (1, 1, 'x'), (2, 1, 'z'), (3, 1, 'w'), (4, 1, 'v'), (6, 1, 'u')",
                "INSERT INTO gu VALUES (10, 1, 1), (11, 1, 1), (20, 2, 1), (30, 3, 1), (40, 4, 1), (60, 6, 1)",
                "INSERT INTO cm VALUES (70, 1), (71, 1), (72, 2), (74, 4), (76, 6)",
                "INSERT INTO su VALUES (50, 1), (51, 1), (52, 2), (53, 3), (54, 4), (56, 6)");
        fx.initReplica();

        replicate(fx, "UPDATE p SET id = 100 WHERE id = 1",
                "UPDATE p SET id = id + 1000 WHERE id IN (2, 3)", // one event of two rows
                // the children follow to 5 and back to 4; SET NULL is not undone
                "START TRANSACTION", "UPDATE p SET id = 5 WHERE id = 4", "UPDATE p SET id = 4 WHERE id = 5", "COMMIT");

        assertThat(mysqlStrings(fx, "SELECT concat(pid, '/', n) FROM cu ORDER BY pid, n"))
                .containsExactly("4/1", "6/1", "100/1", "1002/1", "1003/1");
        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', pid, '/', n) FROM gu ORDER BY id"))
                .containsExactly("10:100/1", "11:100/1", "20:1002/1", "30:1003/1", "40:4/1", "60:6/1");
        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', pid) FROM cm ORDER BY id"))
                .containsExactly("70:100", "71:100", "72:1002", "74:4", "76:6");
        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', coalesce(pid, 'NULL')) FROM su ORDER BY id"))
                .containsExactly("50:NULL", "51:NULL", "52:NULL", "53:NULL", "54:NULL", "56:6");
        assertSameOnBothSides(fx, "p", "cu", "gu", "cm", "su");
    }

    /**
     * 4. Updates that leave the referenced key as it is change no child: other columns, the key set
     * to its own value, and the other key of the parent (children by id vs by a unique code).
     * The applier replays an updated row as delete and insert: a cascade taken from that delete
     * would remove children here.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void updateKeepingTheReferencedKeyLeavesTheChildren(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_keep", "");
        fx.mysqlExec(table("p (id int PRIMARY KEY, code varchar(10) NOT NULL, name varchar(20), UNIQUE KEY (code))"),
                table("by_id (id int PRIMARY KEY, pid int NOT NULL,"
                        + " FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE ON UPDATE CASCADE)"),
                table("by_code (id int PRIMARY KEY, pcode varchar(10) NOT NULL,"
                        + " FOREIGN KEY (pcode) REFERENCES p (code) ON DELETE CASCADE ON UPDATE CASCADE)"),
                table("nulled (id int PRIMARY KEY, pid int NULL,"
                        + " FOREIGN KEY (pid) REFERENCES p (id) ON DELETE SET NULL ON UPDATE SET NULL)"),
                "INSERT INTO p VALUES (1, 'c1', 'one'), (2, 'c2', 'two'), (3, 'c3', 'three')",
                "INSERT INTO by_id VALUES (10, 1), (11, 1), (20, 2), (30, 3)",
                "INSERT INTO by_code VALUES (15, 'c1'), (25, 'c2'), (35, 'c3')",
                "INSERT INTO nulled VALUES (16, 1), (26, 2), (36, 3)");
        fx.initReplica();

        replicate(fx, "UPDATE p SET name = 'renamed' WHERE id = 1",
                "UPDATE p SET name = concat(name, '!')",
                "UPDATE p SET id = 2, name = 'same key' WHERE id = 2",
                "UPDATE p SET code = 'c3x' WHERE id = 3", // by_code follows, by_id and nulled stay
                "UPDATE p SET id = 4 WHERE id = 3");      // by_id follows, nulled is set null, by_code stays

        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', pid) FROM by_id ORDER BY id"))
                .containsExactly("10:1", "11:1", "20:2", "30:4");
        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', pcode) FROM by_code ORDER BY id"))
                .containsExactly("15:c1", "25:c2", "35:c3x");
        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', coalesce(pid, 'NULL')) FROM nulled ORDER BY id"))
                .containsExactly("16:1", "26:2", "36:NULL");
        assertSameOnBothSides(fx, "p", "by_id", "by_code", "nulled");
    }

    /** 5. A self-referencing tree five levels deep: deleting an inner node takes its whole subtree. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void deletingAnInnerNodeTakesItsSubtree(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_tree", "");
        fx.mysqlExec(table("node (id int PRIMARY KEY, parent_id int NULL, label varchar(10),"
                        + " FOREIGN KEY (parent_id) REFERENCES node (id) ON DELETE CASCADE)"),
                // 1-2-4-6-8 is the deepest path; 11-12-13 is a tree of its own. No bigger: MySQL 9.7's
                // SQL-layer actions refuse a subtree of 7 ("exceeds max tables limit of 30")
                "INSERT INTO node VALUES (1, NULL, 'root'), (2, 1, 'x'), (3, 1, 'x'), (4, 2, 'x'), (5, 2, 'x'),"
                        + " (6, 4, 'x'), (7, 4, 'x'), (8, 6, 'x'), (9, 3, 'x'),"
                        + " (11, NULL, 'root'), (12, 11, 'x'), (13, 12, 'x')");
        fx.initReplica();

        replicate(fx, "DELETE FROM node WHERE id = 2", "UPDATE node SET label = 'kept' WHERE id = 3",
                "DELETE FROM node WHERE id = 12");

        assertThat(mysqlStrings(fx, "SELECT id FROM node ORDER BY id")).containsExactly("1", "3", "9", "11");
        assertSameOnBothSides(fx, "node");
    }

    /** 6. A composite key: the child follows on both columns, and a child with a NULL in its key (no parent) is left alone. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void compositeKeysCascade(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_composite", "");
        fx.mysqlExec(table("cp (a int NOT NULL, b int NOT NULL, v varchar(10), PRIMARY KEY (a, b))"),
                table("cc (id int PRIMARY KEY, a int NULL, b int NULL,"
                        + " FOREIGN KEY (a, b) REFERENCES cp (a, b) ON DELETE CASCADE ON UPDATE CASCADE)"),
                "INSERT INTO cp VALUES (1, 1, 'x'), (1, 2, 'x'), (2, 1, 'x'), (2, 2, 'x')",
                "INSERT INTO cc VALUES (10, 1, 1), (11, 1, 1), (12, 1, 2), (13, 2, 1), (14, 2, NULL), (15, 2, 2)");
        fx.initReplica();

        replicate(fx, "DELETE FROM cp WHERE a = 1 AND b = 1",
                "UPDATE cp SET b = 5 WHERE a = 1 AND b = 2",
                "UPDATE cp SET a = 3 WHERE a = 2 AND b = 2",
                "DELETE FROM cp WHERE a = 2 AND b = 1"); // 14 (2, NULL) matches no parent: it stays

        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', coalesce(a, 'NULL'), '/', coalesce(b, 'NULL')) FROM cc ORDER BY id"))
                .containsExactly("12:1/5", "14:2/NULL", "15:3/2");
        assertSameOnBothSides(fx, "cp", "cc");
    }

    /**
     * 7. Order within a transaction and within a batch, which the batch reducer reduces to final
     * row states: a child inserted after its parent was deleted and inserted again survives, one
     * inserted before its parent's delete goes. Written once as a backlog the replica takes in one
     * batch, once quickly while it streams.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void theActionsHappenWhereTheyHappenedInTheTransaction(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_order", "    replica_batch_size: 10000\n");
        fx.mysqlExec(table("op (id int PRIMARY KEY, v varchar(10))"),
                table("oc (id int PRIMARY KEY, pid int NOT NULL, v varchar(10),"
                        + " FOREIGN KEY (pid) REFERENCES op (id) ON DELETE CASCADE)"),
                table("osn (id int PRIMARY KEY, pid int NULL, FOREIGN KEY (pid) REFERENCES op (id) ON DELETE SET NULL)"));
        for (int p = 1; p <= 12; p++) {
            fx.mysqlExec("INSERT INTO op VALUES (" + p + ", 'old')",
                    "INSERT INTO oc VALUES (" + p * 10 + ", " + p + ", 'old'), (" + (p * 10 + 1) + ", " + p + ", 'old')",
                    "INSERT INTO osn VALUES (" + (p * 10 + 5) + ", " + p + ")");
        }
        fx.initReplica();

        fx.mysqlExec(orderTraps(0)); // the backlog: one batch at the start
        replicate(fx, orderTraps(5));

        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', v) FROM oc ORDER BY id")).containsExactly("12:new",
                "30:same id", "40:back", "62:new", "80:same id", "90:back", "110:old", "111:old", "120:old", "121:old");
        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', coalesce(pid, 'NULL')) FROM osn ORDER BY id"))
                .containsExactly("15:NULL", "25:NULL", "35:3", "45:NULL", "55:NULL", "65:NULL", "75:NULL", "85:8",
                        "95:NULL", "105:NULL", "115:11", "125:12");
        assertSameOnBothSides(fx, "op", "oc", "osn");
    }

    /** Parents base+1 to base+5, each with children 10p and 10p+1 (CASCADE) and 10p+5 (SET NULL). */
    private static String[] orderTraps(int base) {
        int p1 = base + 1, p2 = base + 2, p3 = base + 3, p4 = base + 4, p5 = base + 5;
        return new String[] {
            // deleted, inserted again, a new child: the new child stays
            "START TRANSACTION", "DELETE FROM op WHERE id = " + p1, "INSERT INTO op VALUES (" + p1 + ", 'again')",
            "INSERT INTO oc VALUES (" + (p1 * 10 + 2) + ", " + p1 + ", 'new')", "COMMIT",
            // a new child, then its parent deleted: the child goes
            "START TRANSACTION", "INSERT INTO oc VALUES (" + (p2 * 10 + 2) + ", " + p2 + ", 'new')",
            "DELETE FROM op WHERE id = " + p2, "COMMIT",
            // a cascaded child inserted again under its own key, a nulled one pointed back
            "START TRANSACTION", "DELETE FROM op WHERE id = " + p3, "INSERT INTO op VALUES (" + p3 + ", 'again')",
            "INSERT INTO oc VALUES (" + p3 * 10 + ", " + p3 + ", 'same id')",
            "UPDATE osn SET pid = " + p3 + " WHERE id = " + (p3 * 10 + 5), "COMMIT",
            // the same across two transactions
            "DELETE FROM op WHERE id = " + p4,
            "START TRANSACTION", "INSERT INTO op VALUES (" + p4 + ", 'again')",
            "INSERT INTO oc VALUES (" + p4 * 10 + ", " + p4 + ", 'back')", "COMMIT",
            "INSERT INTO oc VALUES (" + (p5 * 10 + 2) + ", " + p5 + ", 'new')",
            "DELETE FROM op WHERE id = " + p5};
    }

    /** 8. Children in tables left out by skip_tables need nothing and break nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void childrenInTablesNotReplicatedAreLeftAlone(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_skip", "    skip_tables:\n      - SCHEMA.sk\n      - SCHEMA.skn\n");
        fx.useConfig(fx.config().replace("SCHEMA", fx.mysqlSchema));
        fx.mysqlExec(table("sp (id int PRIMARY KEY)"),
                table("sc (id int PRIMARY KEY, pid int NOT NULL, FOREIGN KEY (pid) REFERENCES sp (id) ON DELETE CASCADE)"),
                table("sk (id int PRIMARY KEY, pid int NOT NULL, FOREIGN KEY (pid) REFERENCES sp (id) ON DELETE CASCADE)"),
                table("skn (id int PRIMARY KEY, pid int NULL,"
                        + " FOREIGN KEY (pid) REFERENCES sp (id) ON DELETE SET NULL ON UPDATE CASCADE)"),
                "INSERT INTO sp VALUES (1), (2), (3)",
                "INSERT INTO sc VALUES (10, 1), (30, 3)",
                "INSERT INTO sk VALUES (11, 1), (31, 3)",
                "INSERT INTO skn VALUES (12, 1), (22, 2)");
        fx.initReplica();

        replicate(fx, "DELETE FROM sp WHERE id = 1", "UPDATE sp SET id = 20 WHERE id = 2");

        assertThat(mysqlStrings(fx, "SELECT id FROM sc")).containsExactly("30");
        assertThat(mysqlStrings(fx, "SELECT id FROM sk")).containsExactly("31");
        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', coalesce(pid, 'NULL')) FROM skn ORDER BY id"))
                .containsExactly("12:NULL", "22:20");
        assertThat(fx.pgStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + fx.pgSchema
                + "' ORDER BY 1")).as("the replicated tables").containsExactly("sc", "sp");
        assertSameOnBothSides(fx, "sp", "sc");
    }

    /**
     * 9. Foreign keys added and dropped while the replica runs (DDL following): the actions of a key
     * added by ALTER TABLE or CREATE TABLE are reproduced from then on, and after DROP FOREIGN KEY
     * MySQL keeps the children of a deleted parent, so PostgreSQL keeps them too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void foreignKeysAddedAndDroppedByDdlAreFollowed(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_ddl", "");
        fx.mysqlExec(table("dp (id int PRIMARY KEY)"), table("dc (id int PRIMARY KEY, pid int NOT NULL, KEY (pid))"),
                "INSERT INTO dp VALUES (1), (2), (3), (4)",
                "INSERT INTO dc VALUES (10, 1), (11, 1), (20, 2), (30, 3), (40, 4)");
        fx.initReplica();

        replicate(fx, "ALTER TABLE dc ADD CONSTRAINT fk_dc FOREIGN KEY (pid) REFERENCES dp (id) ON DELETE CASCADE",
                table("dn (id int PRIMARY KEY, pid int NULL,"
                        + " CONSTRAINT fk_dn FOREIGN KEY (pid) REFERENCES dp (id) ON DELETE SET NULL ON UPDATE CASCADE)"),
                "INSERT INTO dn VALUES (15, 1), (25, 2), (35, 3)",
                "DELETE FROM dp WHERE id = 1",
                "ALTER TABLE dc DROP FOREIGN KEY fk_dc",
                "DELETE FROM dp WHERE id = 2",          // dc's 20 stays: no key any more
                "UPDATE dp SET id = 30 WHERE id = 3");  // dn follows, dc's 30 stays at 3

        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', pid) FROM dc ORDER BY id")).containsExactly("20:2", "30:3", "40:4");
        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', coalesce(pid, 'NULL')) FROM dn ORDER BY id"))
                .containsExactly("15:NULL", "25:NULL", "35:30");
        assertSameOnBothSides(fx, "dp", "dc", "dn");
    }

    /** 10. After a restart, with the definitions read back from the catalogue, the actions still happen, also for changes written while stopped. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void theActionsHappenAfterARestart(Source source) throws Exception {
        ReplicaFixture fx = fixture(source, "fk_restart", "");
        fx.mysqlExec(table("rp (id int PRIMARY KEY)"),
                table("rc (id int PRIMARY KEY, pid int NOT NULL,"
                        + " FOREIGN KEY (pid) REFERENCES rp (id) ON DELETE CASCADE ON UPDATE CASCADE)"),
                table("rn (id int PRIMARY KEY, pid int NULL,"
                        + " FOREIGN KEY (pid) REFERENCES rp (id) ON DELETE SET NULL ON UPDATE CASCADE)"),
                "INSERT INTO rp VALUES (1), (2), (3), (4), (5)",
                "INSERT INTO rc VALUES (10, 1), (20, 2), (30, 3), (40, 4), (50, 5)",
                "INSERT INTO rn VALUES (15, 1), (25, 2), (35, 3), (45, 4), (55, 5)");
        fx.initReplica();

        SoftAssertions soft = new SoftAssertions();
        replicate(fx, "DELETE FROM rp WHERE id = 1");
        compare(soft, fx, "before the restart", "rp", "rc", "rn");
        fx.mysqlExec("DELETE FROM rp WHERE id = 2"); // while stopped
        replicate(fx, "DELETE FROM rp WHERE id = 3", "UPDATE rp SET id = 400 WHERE id = 4");

        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', pid) FROM rc ORDER BY id")).containsExactly("40:400", "50:5");
        assertThat(mysqlStrings(fx, "SELECT concat(id, ':', coalesce(pid, 'NULL')) FROM rn ORDER BY id"))
                .containsExactly("15:NULL", "25:NULL", "35:NULL", "45:400", "55:5");
        compare(soft, fx, "after the restart", "rp", "rc", "rn");
        soft.assertAll();
    }

    private static ReplicaFixture fixture(Source source, String prefix, String extraKeys) throws Exception {
        return ReplicaFixture.create(prefix, "    sleep_loop: 1\n" + extraKeys, source.endpoint().call(),
                TestServers.postgres());
    }

    /** CREATE TABLE, InnoDB said outright: another engine would have no referential actions and the test nothing to see. */
    private static String table(String definition) {
        return "CREATE TABLE " + definition + " ENGINE=InnoDB";
    }

    /** Starts the replica, writes the statements, waits until it has applied them, stops it; it must not have failed. */
    private static void replicate(ReplicaFixture fx, String... statements) throws Exception {
        RunningReplica replica = RunningReplica.start(fx);
        try {
            fx.mysqlExec(statements);
            replica.awaitCaughtUp(CATCH_UP);
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).as("the replica's failure").isNull();
    }

    /** error_log is empty and each table equals MySQL's, all of it reported at once. */
    private static void assertSameOnBothSides(ReplicaFixture fx, String... tables) throws SQLException {
        SoftAssertions soft = new SoftAssertions();
        compare(soft, fx, "", tables);
        soft.assertAll();
    }

    private static void compare(SoftAssertions soft, ReplicaFixture fx, String when, String... tables) throws SQLException {
        soft.assertThat(fx.pgStrings("SELECT coalesce(mysql_table, '') || ': ' || message FROM sch_chameleon.error_log"))
                .as("error_log " + when).isEmpty();
        for (String table : tables) {
            soft.assertThat(fx.diff(table)).as(table + " " + when).isEmpty();
        }
    }

    private static List<String> mysqlStrings(ReplicaFixture fx, String sql) throws SQLException {
        try (Connection c = fx.mysql()) {
            return strings(c, sql);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
