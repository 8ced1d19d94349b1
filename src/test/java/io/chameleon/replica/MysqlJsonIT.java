package io.chameleon.replica;

import io.chameleon.testing.RandomJson;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oracle MySQL's JSON through the stream: MySQL logs it in its binary format (and, with
 * binlog_row_value_options = PARTIAL_JSON, updates by JSON_SET / JSON_REPLACE / JSON_REMOVE as
 * diffs). Seeded random documents are written while the replica streams; afterwards each table
 * equals MySQL value by value, and the stream's text equals, byte for byte, what a fresh
 * init_replica reads from MySQL for the same rows: the {@code exact} tables keep MySQL's JSON text
 * as it is (a text column by type_override), where jsonb would hide spacing, key order and number
 * forms.
 */
class MysqlJsonIT {
    private static final long SEED = 20261205L;

    @Test
    void streamedDocumentsAreMysqlsTextByteForByte() throws Exception {
        ReplicaFixture fx = fixture("mysql_json");
        RandomJson json = new RandomJson(SEED);
        insertDocuments(fx, json, 0, 20);
        fx.initReplica();

        RunningReplica replica = RunningReplica.start(fx);
        try (Connection my = fx.mysql()) {
            insertDocuments(fx, json, 20, 200);
            try (PreparedStatement update = my.prepareStatement("UPDATE docs SET doc = CAST(? AS JSON) WHERE id = ?");
                    PreparedStatement exact = my.prepareStatement("UPDATE exact SET doc = CAST(? AS JSON) WHERE id = ?")) {
                for (int i = 0; i < 150; i++) {
                    String doc = json.document();
                    int id = json.random().nextInt(200);
                    for (PreparedStatement ps : List.of(update, exact)) {
                        ps.setString(1, doc);
                        ps.setInt(2, id);
                        ps.executeUpdate();
                    }
                }
            }
            for (String table : List.of("docs", "exact")) {
                fx.mysqlExec("UPDATE " + table + " SET doc = NULL WHERE id % 17 = 3",
                        "UPDATE " + table + " SET doc = CAST('null' AS JSON) WHERE id % 17 = 4",
                        // opaque values: MySQL types JSON has none of, stored by CAST
                        "UPDATE " + table + " SET doc = JSON_OBJECT('date', CAST('2024-02-29' AS DATE), 'time',"
                                + " CAST('-838:59:58.5' AS TIME(1)), 'dt', CAST('2024-02-29 13:14:15.123456' AS DATETIME(6)),"
                                + " 'dec', CAST(-12.50 AS DECIMAL(10,3)), 'bin', CAST(REPEAT('x', 60) AS BINARY),"
                                + " 'deep', JSON_ARRAY(JSON_ARRAY(JSON_ARRAY(JSON_OBJECT())))) WHERE id % 17 = 5",
                        "DELETE FROM " + table + " WHERE id % 17 = 6");
            }
            replica.awaitCaughtUp(Duration.ofSeconds(120));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertEqualsMysqlAndFreshInit(fx, "mysql_json_init");
    }

    @Test
    void partialUpdatesAreRebuiltExactly() throws Exception {
        ReplicaFixture fx = fixture("mysql_partial_json");
        RandomJson json = new RandomJson(SEED + 1);
        insertDocuments(fx, json, 0, 40);
        fx.initReplica();

        long partialEvents;
        RunningReplica replica = RunningReplica.start(fx);
        try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
            long before = partialUpdateEvents(s);
            s.execute("SET SESSION binlog_row_value_options = 'PARTIAL_JSON'");
            Random random = json.random();
            String[] paths = {"$.a", "$.b", "$.b[0]", "$.b[1]", "$.b[last]", "$.b[9]", "$.c", "$.c.d", "$.c.e[0]",
                    "$.c.\"k ey\"", "$.\"é\"", "$.zz", "$.longer_key_name", "$[0]", "$[1]", "$[last]", "$[7]", "$[0].a"};
            String[] functions = {"JSON_SET", "JSON_REPLACE", "JSON_REMOVE"};
            for (int i = 0; i < 300; i++) {
                String function = functions[random.nextInt(functions.length)];
                StringBuilder args = new StringBuilder();
                List<String> values = new ArrayList<>();
                for (int p = 0, n = 1 + random.nextInt(3); p < n; p++) {
                    args.append(", '").append(paths[random.nextInt(paths.length)].replace("'", "''")).append('\'');
                    if (!function.equals("JSON_REMOVE")) {
                        args.append(", CAST(? AS JSON)");
                        values.add(random.nextInt(3) == 0 ? json.document() : json.value(3));
                    }
                }
                String column = random.nextInt(4) == 0 ? "other" : "doc";
                String set = column + " = " + function + "(" + column + args + ")" + (random.nextBoolean() ? ", n = n + 1" : "");
                int id = random.nextInt(40);
                for (String table : List.of("docs", "exact")) {
                    try (PreparedStatement ps = my.prepareStatement("UPDATE " + table + " SET " + set + " WHERE id = " + id)) {
                        for (int v = 0; v < values.size(); v++) {
                            ps.setString(v + 1, values.get(v));
                        }
                        ps.executeUpdate();
                    }
                }
            }
            partialEvents = partialUpdateEvents(s) - before;
            replica.awaitCaughtUp(Duration.ofSeconds(120));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(partialEvents).as("PARTIAL_UPDATE_ROWS events MySQL wrote").isGreaterThan(100);
        assertEqualsMysqlAndFreshInit(fx, "mysql_partial_json_init");
    }

    /** Two tables of the same rows: {@code docs} maps JSON to jsonb (the default), {@code exact} to text. */
    private static ReplicaFixture fixture(String prefix) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(prefix, "    sleep_loop: 1\n");
        fx.useConfig(fx.config().replace("pg_conn:", "type_override:\n  json:\n    override_to: text\n"
                + "    override_tables:\n      - " + fx.mysqlSchema + ".exact\npg_conn:"));
        for (String table : List.of("docs", "exact")) {
            fx.mysqlExec("CREATE TABLE " + table + " (id int PRIMARY KEY, doc json, other json, n int NOT NULL DEFAULT 0)");
        }
        return fx;
    }

    private static void insertDocuments(ReplicaFixture fx, RandomJson json, int from, int to) throws SQLException {
        try (Connection my = fx.mysql()) {
            for (int id = from; id < to; id++) {
                String doc = json.document();
                String other = json.object(0);
                for (String table : List.of("docs", "exact")) {
                    try (PreparedStatement ps = my.prepareStatement("INSERT INTO " + table
                            + " (id, doc, other) VALUES (?, CAST(? AS JSON), CAST(? AS JSON))")) {
                        ps.setInt(1, id);
                        ps.setString(2, doc);
                        ps.setString(3, other);
                        ps.executeUpdate();
                    }
                }
            }
        }
    }

    private static long partialUpdateEvents(Statement s) throws SQLException {
        long count = 0;
        List<String> files = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SHOW BINARY LOGS")) {
            while (r.next()) {
                files.add(r.getString(1));
            }
        }
        for (String file : files) {
            try (ResultSet r = s.executeQuery("SHOW BINLOG EVENTS IN '" + file + "'")) {
                while (r.next()) {
                    count += r.getString("Event_type").equals("Update_rows_partial") ? 1 : 0;
                }
            }
        }
        return count;
    }

    /** Each table equals MySQL, and the streamed rows' PostgreSQL text equals a fresh init_replica's. */
    private static void assertEqualsMysqlAndFreshInit(ReplicaFixture fx, String initPrefix) throws Exception {
        assertThat(fx.pgStrings("SELECT mysql_table || ': ' || message FROM sch_chameleon.error_log")).isEmpty();
        assertThat(fx.diff("docs")).isEmpty();
        assertThat(fx.diff("exact")).isEmpty();
        String init = fx.initReplicaElsewhere(initPrefix);
        for (String table : List.of("docs", "exact")) {
            String rows = "SELECT id || ' ' || coalesce(doc::text, 'NULL') || ' ' || coalesce(other::text, 'NULL') || ' ' || n"
                    + " FROM " + fx.pgSchema + "." + table + " ORDER BY id";
            List<String> streamed = fx.pgStrings(rows);
            assertThat(streamed).hasSizeGreaterThan(30);
            assertThat(streamed).as("the streamed %s vs init_replica's", table).isEqualTo(fx.pgStrings(init, rows));
        }
    }
}
