package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * start_replica follows DDL: a seeded random sequence of every statement form docs/ddl.md lists as
 * followed (pg_chameleon's crashers among them), with DML between them, runs on MariaDB while the
 * replica streams, between init_replica and the first start (replayed onto the definitions
 * init_replica stored with its copy, not MySQL's later ones), and once more while it is stopped
 * (the restart goes on from the tracked definitions the catalogue kept). Afterwards the PostgreSQL tables have the shape init_replica
 * builds from MariaDB's information_schema now (columns, types, NOT NULL, defaults, keys, indexes,
 * enum types), and hold the same rows, value by value.
 */
class DdlFollowingIT {
    private static final long SEED = Long.getLong("chameleon.ddlSeed", 20261125L);

    /** A table of the model: its extra columns by name → kind, its indexes, whether it has its key. */
    private static final class Table {
        final Map<String, String> columns = new LinkedHashMap<>();
        final List<String> indexes = new ArrayList<>();
        boolean keyed = true;
        boolean autoIncrement;
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Random random = new Random(SEED);
    private int next;
    private int nextId = 1;

    @Test
    void theReplicaFollowsARandomSequenceOfDdlAcrossARestart() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("ddl_follow", "    replica_batch_size: 50\n    sleep_loop: 1\n");
        try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
            for (String name : List.of("t_a", "t_b", "t_c")) {
                createTable(s, name, false);
            }
            dml(s);
        }
        fx.initReplica();

        runSteps(fx, 20); // before the first start: replayed onto the definitions init_replica stored with its copy
        RunningReplica replica = RunningReplica.start(fx);
        runSteps(fx, 60);
        replica.awaitCaughtUp(Duration.ofSeconds(90));
        replica.stop();
        assertThat(replica.failure()).isNull();

        runSteps(fx, 40); // while stopped: the restart replays them from the kept definitions
        replica = RunningReplica.start(fx);
        runSteps(fx, 40);
        replica.awaitCaughtUp(Duration.ofSeconds(90));
        replica.stop();
        assertThat(replica.failure()).isNull();

        assertThat(fx.pgStrings("SELECT mysql_table || ': ' || sql_text || ' ' || message FROM sch_chameleon.error_log"))
                .as("error_log").isEmpty();
        assertThat(fx.shape(fx.pgDatabase)).as("the tables DDL replay built vs the ones init_replica builds now")
                .isEqualTo(fx.shape(fx.initReplicaElsewhere("ddl_follow_init")));
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            if (t.getValue().keyed) {
                assertThat(fx.diff(t.getKey())).as(t.getKey()).isEmpty();
            }
        }
    }

    private void runSteps(ReplicaFixture fx, int steps) throws SQLException {
        try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
            for (int i = 0; i < steps; i++) {
                step(s);
                dml(s);
            }
        }
    }

    /** One random DDL statement whose preconditions the model satisfies. */
    private void step(Statement s) throws SQLException {
        String name = pick(new ArrayList<>(tables.keySet()));
        Table t = tables.get(name);
        List<String> extra = new ArrayList<>(t.columns.keySet());
        switch (random.nextInt(17)) {
            case 0, 1 -> addColumn(s, name, t);
            case 2 -> {
                if (!extra.isEmpty()) {
                    String c = pick(extra);
                    exec(s, "ALTER TABLE " + name + " DROP COLUMN " + c);
                    t.columns.remove(c);
                    t.indexes.removeIf(i -> i.endsWith(":" + c));
                }
            }
            case 3 -> {
                String c = extra.stream().filter(x -> !t.columns.get(x).startsWith("big")).findFirst().orElse(null);
                if (c != null) {
                    modify(s, name, t, c);
                }
            }
            case 4 -> {
                if (!extra.isEmpty()) {
                    String c = pick(extra);
                    String to = "r" + (next++);
                    boolean change = random.nextBoolean();
                    exec(s, "ALTER TABLE " + name + (change ? " CHANGE COLUMN " + c + " " + to + " " + type(t.columns.get(c))
                            : " RENAME COLUMN " + c + " TO " + to));
                    t.columns.put(to, t.columns.remove(c));
                    t.indexes.replaceAll(i -> i.endsWith(":" + c) ? i.substring(0, i.indexOf(':')) + ":" + to : i);
                }
            }
            case 5 -> {
                String c = extra.stream().filter(x -> t.columns.get(x).equals("int")).findFirst().orElse(null);
                if (c != null) {
                    exec(s, "ALTER TABLE " + name + " ALTER COLUMN " + c + (random.nextBoolean() ? " SET DEFAULT 7"
                            : " SET DEFAULT -3"));
                } else {
                    exec(s, "ALTER TABLE " + name + " ALTER COLUMN v SET DEFAULT 'd" + next++ + "'");
                }
            }
            case 6 -> {
                if (!extra.isEmpty()) {
                    String c = pick(extra);
                    String ix = "ix" + next++;
                    exec(s, random.nextBoolean() ? "ALTER TABLE " + name + " ADD INDEX " + ix + " (" + c + "), ALGORITHM=INPLACE"
                            : "CREATE INDEX " + ix + " ON " + name + " (" + c + ", v)");
                    t.indexes.add(ix + ":" + c);
                }
            }
            case 7 -> {
                if (!t.indexes.isEmpty()) {
                    String ix = pick(t.indexes);
                    String n = ix.substring(0, ix.indexOf(':'));
                    exec(s, random.nextBoolean() ? "DROP INDEX " + n + " ON " + name : "ALTER TABLE " + name + " DROP KEY " + n);
                    t.indexes.remove(ix);
                }
            }
            case 8 -> {
                if (tables.size() < 6) {
                    createTable(s, "t_" + next++, random.nextBoolean());
                }
            }
            case 9 -> {
                if (tables.size() < 6) {
                    String to = "t_" + next++;
                    exec(s, "CREATE TABLE " + to + " LIKE " + name);
                    Table copy = new Table();
                    copy.columns.putAll(t.columns);
                    copy.indexes.addAll(t.indexes);
                    copy.keyed = t.keyed;
                    copy.autoIncrement = t.autoIncrement;
                    tables.put(to, copy);
                }
            }
            case 10 -> {
                if (tables.size() < 6 && t.keyed) {
                    String to = "t_" + next++;
                    exec(s, "CREATE TABLE " + to + " (PRIMARY KEY (id)) SELECT id, v FROM " + name);
                    tables.put(to, new Table());
                }
            }
            case 11 -> {
                if (tables.size() > 3) {
                    List<String> names = new ArrayList<>(tables.keySet());
                    String a = names.get(names.size() - 1);
                    String b = names.get(names.size() - 2);
                    exec(s, "DROP TABLE IF EXISTS " + a + ", " + b + ", no_such_table");
                    tables.remove(a);
                    tables.remove(b);
                }
            }
            case 12 -> {
                List<String> names = new ArrayList<>(tables.keySet());
                String a = names.get(0);
                String b = names.get(1);
                String a2 = "t_" + next++;
                String b2 = "t_" + next++;
                exec(s, "RENAME TABLE " + a + " TO " + a2 + ", " + b + " TO " + b2);
                tables.put(a2, tables.remove(a));
                tables.put(b2, tables.remove(b));
            }
            case 13 -> exec(s, "TRUNCATE TABLE " + name);
            case 14 -> {
                String c = extra.stream().filter(x -> t.columns.get(x).equals("enum")).findFirst().orElse(null);
                if (c != null) {
                    modify(s, name, t, c);
                } else {
                    exec(s, "ALTER TABLE " + name + " ENGINE=InnoDB, ALGORITHM=INPLACE");
                }
            }
            case 15 -> {
                if (!t.autoIncrement) {
                    exec(s, "ALTER TABLE " + name + (t.keyed ? " DROP PRIMARY KEY" : " ADD PRIMARY KEY (id)"));
                    t.keyed = !t.keyed;
                }
            }
            default -> {
                exec(s, "CREATE OR REPLACE VIEW v_" + name + " AS SELECT id FROM " + name);
                exec(s, "DROP VIEW v_" + name);
            }
        }
    }

    private void addColumn(Statement s, String name, Table t) throws SQLException {
        String kind = pick(List.of("int", "dec", "str", "dt", "enum", "big"));
        String c = "c" + next++;
        String where = pick(List.of("", "", " FIRST", " AFTER id", " AFTER v"));
        exec(s, "ALTER TABLE " + name + " ADD COLUMN " + c + " " + type(kind) + where);
        t.columns.put(c, kind);
    }

    private void modify(Statement s, String name, Table t, String c) throws SQLException {
        String kind = t.columns.get(c);
        String to = switch (kind) {
            case "int" -> "bigint";
            case "str", "str60" -> "str60";
            case "enum", "enum3" -> "enum3";
            case "dec", "dec12" -> "dec12";
            default -> "dt6";
        };
        exec(s, "ALTER TABLE " + name + " MODIFY " + c + " " + type(to));
        t.columns.put(c, to);
    }

    private static String type(String kind) {
        return switch (kind) {
            case "int" -> "int NOT NULL DEFAULT -1";
            case "bigint" -> "bigint NOT NULL DEFAULT -1";
            case "dec" -> "decimal(10,2) NOT NULL DEFAULT 0.00";
            case "dec12" -> "decimal(12,3) NOT NULL DEFAULT 0.00";
            case "str" -> "varchar(20) DEFAULT 'x'";
            case "str60" -> "varchar(60) DEFAULT 'y'";
            case "dt" -> "datetime NULL";
            case "dt6" -> "datetime(6) NULL";
            case "enum" -> "enum('a','b') NOT NULL DEFAULT 'a'";
            case "enum3" -> "enum('a','b','c') NOT NULL DEFAULT 'b'";
            default -> "bigint unsigned NULL";
        };
    }

    private void createTable(Statement s, String name, boolean autoIncrement) throws SQLException {
        exec(s, "CREATE TABLE IF NOT EXISTS " + name + " (id int NOT NULL" + (autoIncrement ? " auto_increment" : "")
                + ", v varchar(30) NOT NULL DEFAULT '', PRIMARY KEY (id))");
        Table t = new Table();
        t.autoIncrement = autoIncrement;
        tables.put(name, t);
    }

    /** A few inserts, an update and a delete in every table that has its key (the others are not replicated). */
    private void dml(Statement s) throws SQLException {
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            if (!e.getValue().keyed) {
                continue;
            }
            String name = e.getKey();
            for (int i = 0; i < 3; i++) {
                exec(s, "INSERT INTO " + name + " (id, v) VALUES (" + nextId + ", 'v" + nextId + "')");
                nextId++;
            }
            StringBuilder set = new StringBuilder("v = CONCAT(LEFT(v, 20), 'u')");
            e.getValue().columns.forEach((c, kind) -> {
                switch (kind) {
                    case "int", "big", "bigint" -> set.append(", ").append(c).append(" = id * 3");
                    case "dec", "dec12" -> set.append(", ").append(c).append(" = id / 4");
                    case "dt", "dt6" -> set.append(", ").append(c).append(" = '2024-02-29 12:34:56'");
                    case "enum", "enum3" -> set.append(", ").append(c).append(" = 'b'");
                    default -> set.append(", ").append(c).append(" = CONCAT('s', id)");
                }
            });
            exec(s, "UPDATE " + name + " SET " + set + " WHERE id % 3 = 0");
            exec(s, "DELETE FROM " + name + " WHERE id % 7 = 0");
        }
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static void exec(Statement s, String sql) throws SQLException {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("MariaDB refused " + sql + ": " + e.getMessage(), e);
        }
    }
}
