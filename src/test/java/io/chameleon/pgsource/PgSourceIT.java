package io.chameleon.pgsource;

import io.chameleon.testing.PgTableDiff;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** init_replica from a PostgreSQL source: every type family copied exactly, refusals, refresh, bad data. */
class PgSourceIT {
    private static final List<String> TYPE_TABLES = List.of("scalars", "temporal", "arrays_and_user", "nokey", "measures",
            "extension_typed");

    static void createTypeSource(PgSourceFixture fx) throws Exception {
        fx.sourceExec("CREATE SCHEMA src",
                "CREATE TYPE src.mood AS ENUM ('sad', 'ok', 'happy', 'ünïcode ☃')",
                "CREATE DOMAIN src.positive AS numeric(12,2) NOT NULL CHECK (VALUE > 0)",
                "CREATE DOMAIN src.small_positive AS src.positive CHECK (VALUE < 1000)",
                "CREATE DOMAIN src.tag AS text",
                "CREATE TABLE src.scalars (id bigint PRIMARY KEY, b boolean, i2 smallint, i4 integer, i8 bigint,"
                        + " n numeric, n2 numeric(30,10), r real, d double precision, m money, t text, vc varchar(5),"
                        + " c char(3), by bytea, u uuid, j json, jb jsonb, x xml, bt bit(5), vb varbit, ip inet, cid cidr,"
                        + " mac macaddr, mac8 macaddr8, tv tsvector, tq tsquery, pt point, ln line, ls lseg, bx box,"
                        + " pa path, pg polygon, ci circle, o oid, pl pg_lsn)",
                "INSERT INTO src.scalars VALUES (1, true, -32768, -2147483648, -9223372036854775808,"
                        + " 'NaN', 12345678901234567890.0123456789, 'NaN', 'Infinity', -92233720368547758.08,"
                        + " 'ünïcode ☃ 𝄞 \"quoted\" tab\t nl\n back\\slash', 'abcde', 'ab', '\\x00ff00'::bytea,"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"b\": 1,   \"a\": [1, 2.50]}', '{\"b\": 1, \"a\": null}',"
                        + " '<a x=\"1\">t</a>', B'10101', B'', '::ffff:1.2.3.4/64', '10.0.0.0/8', '08:00:2b:01:02:03',"
                        + " '08:00:2b:01:02:03:04:05', 'a fat:2 cat:1A', 'fat & (rat | !cat)', '(1.5,-2)', '{1,2,3}',"
                        + " '[(0,0),(1,1)]', '(2,2),(0,0)', '[(0,0),(1,1),(2,0)]', '((0,0),(1,1),(2,0))', '<(1,1),5>', 4294967295,"
                        + " 'FFFFFFFF/FFFFFFFF')",
                "INSERT INTO src.scalars VALUES (2, false, 32767, 2147483647, 9223372036854775807,"
                        + " '-1e-300'::numeric * 1, -0.0000000001, '-Infinity', '-0', 92233720368547758.07, '', '',"
                        + " '', ''::bytea, '00000000-0000-0000-0000-000000000000', '[]', '{}', '', B'00000', B'1', '::',"
                        + " '::/0', 'ff:ff:ff:ff:ff:ff', 'ff:ff:ff:ff:ff:ff:ff:ff', '', 'a', '(0,0)', '{0,1,0}',"
                        + " '[(1,1),(1,1)]', '(0,0),(0,0)', '((0,0))', '((0,0))', '<(0,0),0>', 0, '0/0')",
                "INSERT INTO src.scalars (id) VALUES (3)",
                "INSERT INTO src.scalars (id, r, d, n) VALUES (4, 1.17549435e-38, 2.2250738585072014e-308,"
                        + " 1e131071 - 1)",
                "INSERT INTO src.scalars (id, r, d, n) VALUES (5, 3.4028235e38, 1.7976931348623157e308, '-Infinity')",
                "CREATE TABLE src.temporal (id integer PRIMARY KEY, d date, t time(6), tz timetz, ts timestamp,"
                        + " tstz timestamptz, iv interval, iv2 interval day to second(3))",
                "INSERT INTO src.temporal VALUES (1, '4713-01-01 BC', '24:00:00', '23:59:59.999999+15:59',"
                        + " '294276-12-31 23:59:59.999999', '4713-11-24 00:00:00+00 BC', '178000000 years',"
                        + " '-1 day +02:03:04.567'),"
                        + " (2, 'infinity', '00:00:00', '00:00:00-15:59', '-infinity', 'infinity', '-178000000 years',"
                        + " '0'), (3, '-infinity', '12:34:56.789012', '12:00+05:30', '2000-02-29 12:00:00.000001',"
                        + " '2024-03-31 02:30:00+02', '1 mon 2 days 03:04:05.000006', '1 day'),"
                        + " (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "CREATE TABLE src.arrays_and_user (id int PRIMARY KEY, ia int[], ia2 int[][], ta text[], ea src.mood[],"
                        + " e src.mood, p src.positive, sp src.small_positive, tg src.tag, jba jsonb[], nr numrange,"
                        + " tr tstzrange, dr daterange, ir int8range, mr int4multirange, ba bytea[])",
                "INSERT INTO src.arrays_and_user VALUES (1, '{}', '{{1,2},{3,NULL}}', '{\"a,b\",\"\",NULL,\"q\\\"x\",\"NULL\"}',"
                        + " '{happy,\"ünïcode ☃\"}', 'sad', 1.5, 999.99, 'x', ARRAY['{\"a\":1}'::jsonb, 'null'], '(1.5,2]',"
                        + " '[2020-01-01 00:00+00,infinity)', 'empty', '[-9223372036854775808,9223372036854775807)',"
                        + " '{[1,3),[5,9)}', ARRAY['\\x00'::bytea, NULL]),"
                        + " (2, NULL, '[0:1]={7,8}', '{}', '{}', 'ünïcode ☃', 0.01, 0.01, NULL, '{}', NULL, '(,)',"
                        + " '[2000-01-01,)', NULL, '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, 2, 2, NULL, NULL, NULL,"
                        + " NULL, NULL, NULL, NULL, NULL)",
                "CREATE TABLE src.nokey (a int, b text)",
                "INSERT INTO src.nokey VALUES (1, 'x'), (1, 'x'), (NULL, NULL), (2, 'ü')",
                "CREATE TABLE src.measures (id bigint NOT NULL, at date NOT NULL, v double precision,"
                        + " PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                "CREATE TABLE src.measures_2024 PARTITION OF src.measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE src.measures_rest PARTITION OF src.measures DEFAULT",
                "INSERT INTO src.measures SELECT g, DATE '2023-12-25' + g, g / 7.0 FROM generate_series(1, 500) g",
                "CREATE EXTENSION IF NOT EXISTS hstore SCHEMA public",
                "CREATE TABLE src.extension_typed (id int PRIMARY KEY, h public.hstore)",
                "INSERT INTO src.extension_typed VALUES (1, 'a=>1, b=>NULL'), (2, NULL)");
    }

    @Test
    void everyTypeFamilyArrivesWithTheSameValues() throws Exception {
        PgSourceFixture fx = PgSourceFixture.create("    copy_workers: 3\n");
        createTypeSource(fx);

        PgSourceFixture.Run init = fx.initReplica();

        assertThat(init.out()).contains("init_replica of source pg1 done: 6 tables (5 with a key, 1 without)")
                .contains("consistent: every table read in snapshot");
        try (Connection s = fx.source(); Connection t = fx.target()) {
            for (String table : TYPE_TABLES) {
                assertThat(PgTableDiff.diff(s, "src." + table, t, "dst." + table)).as(table).isEmpty();
            }
            // every column keeps its type (user types re-qualified), but the type of an extension the target lacks
            for (String table : TYPE_TABLES) {
                String columns = "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY"
                        + " attnum) FROM pg_attribute WHERE attrelid = '%s.%s'::regclass AND attnum > 0";
                String expected = strings(s, String.format(columns, "src", table)).get(0).replace("src.", "dst.")
                        .replace(" hstore", " text");
                assertThat(strings(t, String.format(columns, "dst", table))).as(table).containsExactly(expected);
            }
            // the partitions are not tables of their own in the target; the enum, domains keep their definitions
            assertThat(strings(t, "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE nspname = 'dst' AND relkind IN ('r', 'p')"))
                    .containsExactly("arrays_and_user,extension_typed,measures,nokey,scalars,temporal");
            assertThat(strings(t, "SELECT enum_range(NULL::dst.mood)::text")).containsExactly("{sad,ok,happy,\"ünïcode ☃\"}");
            assertThat(strings(t, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid ="
                    + " 'dst.arrays_and_user'::regclass AND attname IN ('ea', 'sp') ORDER BY attname"))
                    .containsExactly("dst.mood[]", "dst.small_positive");
        }
        try (Connection t = fx.target(); Statement st = t.createStatement()) {
            st.execute("INSERT INTO dst.arrays_and_user (id, p, sp) VALUES (10, 1, 1)");
            assertThat(failure(st, "INSERT INTO dst.arrays_and_user (id, p, sp) VALUES (11, -1, 1)"))
                    .contains("violates check constraint");
        }
    }

    @Test
    void showStatusListsTheTablesAndOtherCommandsRefuseWithOneLine() throws Exception {
        PgSourceFixture fx = PgSourceFixture.create("    grant_select_to:\n      - pgsrc_reader\n");
        fx.sourceExec("DO $$ BEGIN CREATE ROLE pgsrc_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "CREATE SCHEMA src", "CREATE TABLE src.a (id int PRIMARY KEY, v text)", "CREATE TABLE src.gone (v text)",
                "INSERT INTO src.a VALUES (1, 'one'), (2, 'two')");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "pg1");
        assertThat(fx.ok("check", "--source", "pg1").out()).contains("pgsql source schema src").contains("every table is"
                + " readable").contains("a primary: the copy reads every table in one snapshot").doesNotContain("binlog");
        fx.ok("init_replica", "--source", "pg1");

        String status = fx.ok("show_status", "--source", "pg1").out();
        assertThat(status).contains("initialised").contains("src.gone");
        try (Connection t = fx.target()) {
            assertThat(strings(t, "SELECT has_table_privilege('pgsrc_reader', 'dst.a', 'SELECT')::text"))
                    .containsExactly("true");
            assertThat(strings(t, "SELECT concat_ws(',', status, consistent::text) FROM sch_chameleon.sources"))
                    .containsExactly("initialised,true");
        }
        for (String command : List.of("start_replica", "sync_tables", "refresh_schema")) {
            PgSourceFixture.Run r = command.equals("sync_tables") ? fx.run(command, "--source", "pg1", "--tables", "src.a")
                    : command.equals("refresh_schema") ? fx.run(command, "--source", "pg1", "--schema", "src")
                    : fx.run(command, "--source", "pg1");
            assertThat(r.exitCode()).as(command).isEqualTo(4);
            assertThat(r.out().strip()).as(command).isEqualTo("chameleon: source pg1 is of type pgsql: it is copied by init_replica"
                    + " only; run init_replica --source pg1 again to refresh it");
        }

        // running init_replica again replaces the copy
        fx.sourceExec("INSERT INTO src.a VALUES (3, 'three')", "UPDATE src.a SET v = 'uno' WHERE id = 1",
                "DROP TABLE src.gone", "CREATE TABLE src.fresh (id int PRIMARY KEY)", "INSERT INTO src.fresh VALUES (7)");
        fx.ok("init_replica", "--source", "pg1");
        try (Connection s = fx.source(); Connection t = fx.target()) {
            assertThat(PgTableDiff.diff(s, "src.a", t, "dst.a")).isEmpty();
            assertThat(PgTableDiff.diff(s, "src.fresh", t, "dst.fresh")).isEmpty();
            assertThat(strings(t, "SELECT to_regclass('dst.gone')::text")).containsExactly((String) null);
            assertThat(strings(t, "SELECT string_agg(mysql_table || ':' || rows_copied, ',' ORDER BY mysql_table)"
                    + " FROM sch_chameleon.replicated_tables")).containsExactly("a:3,fresh:1");
        }
    }

    @Test
    void rowsTheTargetRefusesAreDiscardedWithTheReason() throws Exception {
        // a LATIN1 target database cannot hold characters outside Latin-1
        PgSourceFixture fx = PgSourceFixture.withTargetDatabase(
                "CREATE DATABASE %s ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        fx.sourceExec("CREATE SCHEMA src", "CREATE TABLE src.t (id int PRIMARY KEY, v text)",
                "INSERT INTO src.t SELECT g, 'row ' || g || ' é' FROM generate_series(1, 2500) g",
                "UPDATE src.t SET v = 'snowman ☃' WHERE id IN (7, 2001)");

        PgSourceFixture.Run init = fx.initReplica();

        assertThat(init.out()).contains("2,498 rows").contains("2 rows discarded");
        try (Connection t = fx.target()) {
            assertThat(strings(t, "SELECT count(*) || ':' || sum(id) || ':' || count(*) FILTER (WHERE v LIKE '% é')"
                    + " FROM dst.t")).containsExactly("2498:" + (2500L * 2501 / 2 - 7 - 2001) + ":2498");
            assertThat(strings(t, "SELECT row_key || '|' || coalesce(column_name, '-') || '|'"
                    + " || (reason LIKE '%has no equivalent in encoding%')::text FROM sch_chameleon.discarded_rows"
                    + " ORDER BY 1")).containsExactly("id=2001|-|true", "id=7|-|true");
            assertThat(strings(t, "SELECT row_image ->> 'v' FROM sch_chameleon.discarded_rows"))
                    .containsExactly("snowman \\u2603", "snowman \\u2603");
        }
    }

    static List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String failure(Statement s, String sql) {
        try {
            s.execute(sql);
            return "no failure";
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
