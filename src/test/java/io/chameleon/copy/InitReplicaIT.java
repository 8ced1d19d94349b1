package io.chameleon.copy;

import io.chameleon.testing.SourceSql;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * init_replica end to end against real servers: every supported type at its extremes, a table
 * large enough to be split into key ranges, a MyISAM table, tables without a usable key, rows
 * PostgreSQL refuses; then the copy is compared with MySQL value by value.
 */
class InitReplicaIT {
    static ReplicaFixture fx;
    static ReplicaFixture.Run init;

    @BeforeAll
    static void load() throws Exception {
        fx = ReplicaFixture.create("init", "");
        // a type_override PostgreSQL refuses for one value: COPY fails and the chunk is salvaged row by row
        fx.useConfig(fx.config().replace("pg_conn:", "type_override:\n  \"varchar(10)\":\n    override_to: integer\n"
                + "    override_tables:\n      - " + fx.mysqlSchema + ".bad_rows\npg_conn:"));
        fx.mysqlExec("SET SESSION sql_mode = ''",
                """
                CREATE TABLE all_types (
                  id INT PRIMARY KEY,
                  ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED,
                  mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED,
                  d DECIMAL(65,30), d2 DECIMAL(10,2) NOT NULL DEFAULT 0.00, f FLOAT, db DOUBLE,
                  b1 BIT(1), b10 BIT(10), y YEAR,
                  dt DATE, dtm DATETIME(6), ts TIMESTAMP(3) NULL DEFAULT NULL, tm TIME(6),
                  c CHAR(5), vc VARCHAR(100) DEFAULT 'x', tx TEXT, lt LONGTEXT,
                  l1 VARCHAR(20) CHARACTER SET latin1,
                  bn BINARY(4), vb VARBINARY(10), bl BLOB,
                  e ENUM('small','medium','large') DEFAULT 'medium', st SET('a','b','c'), j JSON,
                  neg INT DEFAULT -1,
                  created DATETIME DEFAULT CURRENT_TIMESTAMP
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
                """
                INSERT INTO all_types VALUES
                (1, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0,
                 '-99999999999999999999999999999999999.999999999999999999999999999999', -12.34, -3.40282e38,
                 -1.7976931348623157e308, b'0', b'0', 1901, '1000-01-01', '1000-01-01 00:00:00.000001', '1970-01-01 00:00:01.001',
                 '-838:59:59', '', '', '', '', '', x'', x'', x'', 'small', '', '[]', -5, '2020-01-01 00:00:00'),
                (2, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807,
                 18446744073709551615, '99999999999999999999999999999999999.999999999999999999999999999999', 99999999.99,
                 3.40282e38, 1.7976931348623157e308, b'1', b'1111111111', 2155, '9999-12-31', '9999-12-31 23:59:59.999999',
                 '2038-01-19 03:14:07.999', '838:59:59', 'abc', 'emoji 😀 ñ 中文', 'tab\\there\\nnew line \\\\ back',
                 REPEAT('long ', 2000), 'é€ü', x'00010203', x'00ff', x'000102fffe', 'large', 'a,c',
                 '{"k": [1, 2, {"x": "ü"}], "a": null, "n": 1.5}', 7, '2024-01-01 00:00:00'),
                (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                (4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '0.000000000000000000000000000001', 12.30, 1.5, 0.1, b'1', b'0000000101',
                 2024, '2024-02-29', '2024-02-29 13:45:01.123456', '2024-02-29 13:45:01.5', '-00:00:01.5', 'a  ',
                 'quote '' and "double"', 'x', 'y', 'ascii', x'61', x'', x'', 'medium', 'b', '"just a string"', 0,
                 '2024-01-01 00:00:00')""",
                "CREATE TABLE big (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, payload VARCHAR(50) NOT NULL, n INT,"
                        + " KEY idx_n (n))",
                "INSERT INTO big (payload, n) SELECT CONCAT('row ', seq), seq % 1000 FROM " + SourceSql.seq(250000),
                "CREATE TABLE myisam_t (id INT PRIMARY KEY, v VARCHAR(10)) ENGINE=MyISAM",
                "INSERT INTO myisam_t VALUES (1, 'one'), (2, 'two')",
                "CREATE TABLE nokey (a INT, b VARCHAR(10))",
                "INSERT INTO nokey VALUES (1, 'x'), (1, 'x'), (NULL, NULL)",
                "CREATE TABLE uniq (code VARCHAR(10) NOT NULL, v INT, UNIQUE KEY uq_code (code))",
                "INSERT INTO uniq VALUES ('a', 1), ('b', 2)",
                "CREATE TABLE auto_gap (id INT AUTO_INCREMENT PRIMARY KEY, v INT) AUTO_INCREMENT = 50",
                "INSERT INTO auto_gap (id, v) VALUES (1, 1), (2, 2), (10, 10)",
                "CREATE TABLE pfx (id INT PRIMARY KEY, name VARCHAR(200), UNIQUE KEY u_name (name(10)), FULLTEXT KEY ft (name))",
                "INSERT INTO pfx VALUES (1, 'abcdefghij-1'), (2, 'different')",
                "CREATE TABLE bad_rows (id INT PRIMARY KEY, dt DATETIME NOT NULL, txt VARCHAR(20), e ENUM('x','y'), num VARCHAR(10))",
                "INSERT INTO bad_rows VALUES (1, '2024-01-01 00:00:00', 'fine', 'x', '1'),"
                        + " (2, '0000-00-00 00:00:00', 'zero', 'x', '2'),"
                        + " (3, '2024-01-01 00:00:00', CONCAT('a', CHAR(0), 'b'), 'y', '3'),"
                        + " (4, '2024-01-01 00:00:00', 'bad enum', 'z', '4'),"
                        + " (5, '2024-01-01 00:00:00', 'not a number', 'x', 'abc')",
                // PostgreSQL refuses the first of its indexes (the event trigger below)
                "CREATE TABLE keyfail (id INT PRIMARY KEY, a INT, b INT, KEY k_refused (a), KEY k_kept (b))",
                "INSERT INTO keyfail VALUES (1, 1, 1), (2, 2, 2)");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        try (Connection c = fx.pg(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE FUNCTION refuse_k_refused() RETURNS event_trigger LANGUAGE plpgsql AS $$
                    DECLARE r record;
                    BEGIN
                      FOR r IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
                        IF r.object_type = 'index' AND r.object_identity LIKE '%.k_refused' THEN
                          RAISE EXCEPTION 'index k_refused refused by InitReplicaIT';
                        END IF;
                      END LOOP;
                    END $$""");
            s.execute("CREATE EVENT TRIGGER refuse_k_refused ON ddl_command_end WHEN TAG IN ('CREATE INDEX')"
                    + " EXECUTE FUNCTION refuse_k_refused()");
            init = fx.ok("init_replica", "--source", fx.sourceName, "--debug");
            s.execute("DROP EVENT TRIGGER refuse_k_refused");
        }
    }

    @Test
    void everyTypeArrivesExactly() throws SQLException {
        assertThat(fx.diff("all_types")).isEmpty();
    }

    @Test
    void largeTableSplitIntoRangesArrivesWhole() throws SQLException {
        assertThat(fx.diff("big")).isEmpty();
        assertThat(init.out()).containsPattern("9 tables .* in ([1-9][0-9]+) chunks");
    }

    @Test
    void tablesWithoutPrimaryKeyAndMyIsamAreCopied() throws SQLException {
        assertThat(fx.diff("myisam_t")).isEmpty();
        assertThat(fx.diff("nokey")).isEmpty();
        assertThat(fx.diff("uniq")).isEmpty();
        assertThat(fx.diff("pfx")).isEmpty();
    }

    @Test
    void refusedRowsAreDiscardedAndRecordedOthersLand() throws SQLException {
        // the NUL character is stripped (counted); MySQL's '' for an invalid enum value is kept as ''
        List<String> rows = pgStrings("SELECT id || ':' || txt || ':' || e || ':' || num FROM " + fx.pgSchema + ".bad_rows ORDER BY id");
        assertThat(rows).containsExactly("1:fine:x:1", "3:ab:y:3", "4:bad enum::4");
        List<String> discards = pgStrings("SELECT mysql_table || ' ' || row_key || ' ' || coalesce(column_name, '-') || ' '"
                + " || reason FROM sch_chameleon.discarded_rows ORDER BY row_key");
        assertThat(discards).hasSize(2);
        assertThat(discards.get(0)).contains("bad_rows", "id=2", "dt", "zero_dates");
        assertThat(discards.get(1)).contains("bad_rows", "id=5", "num", "abc");
        assertThat(init.out()).contains("2 rows discarded").contains("1 values adjusted")
                .contains("adjusted: " + fx.mysqlSchema + ".bad_rows.txt: 1 ");
    }

    @Test
    void keysIndexesDefaultsAndNotNullAreCarriedOver() throws SQLException {
        List<String> indexes = pgStrings("SELECT indexname FROM pg_indexes WHERE schemaname = '" + fx.pgSchema + "' ORDER BY 1");
        assertThat(indexes).contains("all_types_pkey", "big_pkey", "idx_n", "uq_code", "u_name");
        assertThat(indexes).doesNotContain("ft");
        assertThat(init.all()).contains("index ft of " + fx.mysqlSchema + ".pfx not built");
        List<String> defaults = pgStrings("SELECT column_name || '=' || column_default FROM information_schema.columns"
                + " WHERE table_schema = '" + fx.pgSchema + "' AND table_name = 'all_types' AND column_default IS NOT NULL ORDER BY 1");
        assertThat(String.join(" ", defaults)).contains("neg=", "-1").contains("vc='x'").contains("d2=0.00")
                .contains("e='medium'").contains("created=CURRENT_TIMESTAMP");
        assertThat(pgStrings("SELECT is_nullable FROM information_schema.columns WHERE table_schema = '" + fx.pgSchema
                + "' AND table_name = 'big' AND column_name = 'payload'")).containsExactly("NO");
    }

    @Test
    void anIndexPostgresqlRefusesIsAWarningNamingItsTableAndTheOtherIndexesAreBuilt() throws SQLException {
        assertThat(init.all()).contains("PostgreSQL could not build index k_refused of " + fx.mysqlSchema + ".keyfail")
                .contains("refused by InitReplicaIT");
        assertThat(pgStrings("SELECT indexname FROM pg_indexes WHERE schemaname = '" + fx.pgSchema + "'"
                + " AND tablename = 'keyfail' ORDER BY 1")).containsExactly("k_kept", "keyfail_pkey");
        assertThat(fx.diff("keyfail")).isEmpty();
    }

    @Test
    void autoIncrementOfANumericColumnBecomesASequenceAfterMysqlsNextValue() throws SQLException {
        assertThat(insertedId("big", "payload", "'new'")).isEqualTo(mysqlAutoIncrement("big"));
    }

    @Test
    void autoIncrementContinuesAfterMysqlsNextValue() throws SQLException {
        assertThat(mysqlAutoIncrement("auto_gap")).isEqualTo(50);
        assertThat(insertedId("auto_gap", "v", "99")).isEqualTo(50);
    }

    /** The id PostgreSQL generates for a new row; rolled back so the table still matches MySQL. */
    private static long insertedId(String table, String column, String value) throws SQLException {
        try (Connection c = fx.pg(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("INSERT INTO " + fx.pgSchema + "." + table + " (" + column + ") VALUES ("
                    + value + ") RETURNING id")) {
                rs.next();
                return rs.getLong(1);
            } finally {
                c.rollback();
            }
        }
    }

    private static long mysqlAutoIncrement(String table) throws SQLException {
        try (Connection c = fx.mysql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"
                        + table + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void catalogueKnowsWhichTablesReplicateAndFromWhere() throws SQLException {
        assertThat(pgStrings("SELECT mysql_table FROM sch_chameleon.replicated_tables WHERE NOT replicated ORDER BY 1"))
                .containsExactly("nokey");
        assertThat(pgStrings("SELECT count(*) FROM sch_chameleon.replicated_tables WHERE replicated"
                + " AND snapshot_binlog_file IS NOT NULL")).containsExactly("8");
        assertThat(pgStrings("SELECT array_to_string(replica_key, ',') FROM sch_chameleon.replicated_tables"
                + " WHERE mysql_table = 'uniq'")).containsExactly("code");
        String status = fx.ok("show_status", "--source", fx.sourceName).out();
        assertThat(status).contains("initialised").contains("nokey");
    }

    @Test
    void loadingSchemaIsGoneAfterTheSwap() throws SQLException {
        assertThat(pgStrings("SELECT nspname FROM pg_namespace WHERE nspname LIKE '%" + fx.pgSchema + "%' ORDER BY 1"))
                .containsExactly(fx.pgSchema);
    }

    private static List<String> pgStrings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = fx.pg(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
