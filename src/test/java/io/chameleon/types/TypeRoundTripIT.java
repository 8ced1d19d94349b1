package io.chameleon.types;

import io.chameleon.config.DbConn;
import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.config.TypeOverride;
import io.chameleon.mysql.MysqlConnector;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.testing.TestServers;
import io.chameleon.testing.TypeMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every supported type through the real path: MySQL's or MariaDB's text protocol (MysqlConnector's session)
 * → TextSelect → converters → COPY into a table built from TypeMapper → what each client reads,
 * compared value by value (normalised only where ClientView says why).
 */
class TypeRoundTripIT {
    private static final ValuePolicies POLICIES = new ValuePolicies(ZeroDatePolicy.INFINITY, NulCharPolicy.STRIP);
    private static final String NINES = "9".repeat(35) + "." + "9".repeat(30);

    private static String mysqlDb;
    private static String pgDb;

    @BeforeAll
    static void databases() throws SQLException {
        mysqlDb = TestServers.createMysqlDatabase("types");
        pgDb = TestServers.createPgDatabase("types");
    }

    @Test
    void everyTypeReadsBackTheSameInPostgres() throws Exception {
        mysql("CREATE TABLE t (id int PRIMARY KEY,\n" + TypeMatrix.COLUMNS + ", gc geometrycollection" + mariadbOnly(", uid uuid, ip inet6")
                + ") CHARACTER SET utf8mb4",
                insert(1, "-128", "0", "-32768", "0", "-8388608", "0", "-2147483648", "0", "-9223372036854775808", "0",
                        "-" + NINES, "0.00", "-3.40282e38", "-1.7976931348623157e308", "b'0'", "b'0'", "b'0'", "0",
                        "1901", q("1000-01-01"), q("1000-01-01 00:00:00"), q("0001-01-01 00:00:00.000001"),
                        q("1970-01-01 00:00:01.000"), q("-838:59:59"), q("-00:00:00.000001"),
                        q(""), q(""), q(""), q(""), q(""), q(""), "x'00000000'", "x''", "x''", q("a"), q(""), q("[]"),
                        geo("POINT(0 0)"), geo("POINT(-1.5 2.25)"),
                        geo("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))"),
                        geo("GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(0 0,1 1))")
                        + mariadbOnly(", " + q("00000000-0000-0000-0000-000000000000") + ", " + q("::"))),
                insert(2, "127", "255", "32767", "65535", "8388607", "16777215", "2147483647", "4294967295",
                        "9223372036854775807", "18446744073709551615", NINES, "999.99", "3.40282e38",
                        "1.7976931348623157e308", "b'1'", "b'1111111111'", "b'" + "1".repeat(64) + "'", "1", "2155",
                        q("9999-12-31"), q("9999-12-31 23:59:59"), q("9999-12-31 23:59:59.999999"),
                        q("2038-01-19 03:14:07.999"), q("838:59:59"), q("838:59:59.999999"),
                        q("ab  "), q("t\tn\nb\\r\r\\N"), q("😀 emoji 中文"), q("é€ ÿ"), q("quotes ' \" \\."),
                        "REPEAT(" + q("x\t\\") + ", 50000)", "x'00010200'", "x'000a0d5c09'", "x'" + allBytes() + "'",
                        q("é"), q("x,z"), q("{\"a\": [1, 2.50, \"ü\"], \"b\": null, \"c\": \"tab\\t\"}"),
                        "ST_GeomFromText('POINT(1 2)', 4326)", geo("POINT(1 2)"),
                        "ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 0)))', 3857)", geo("GEOMETRYCOLLECTION EMPTY")
                        + mariadbOnly(", " + q("ffffffff-ffff-ffff-ffff-ffffffffffff") + ", "
                                + q("2001:db8::ff00:42:8329"))),
                // MySQL's odd values: rounded float text, zero and impossible dates, NUL, the '' enum error value
                insert(3, "0", "1", "-1", "1", "-1", "1", "-1", "1", "-1", "9223372036854775808", "0.000000000000000000000000000001",
                        "1.5", "1.2345678", "0.1", "b'1'", "b'1010000001'", "b'1'", "-5", "0",
                        q("0000-00-00"), q("2020-02-30 00:00:00"), q("2020-00-15 10:00:00.5"), q("0000-00-00 00:00:00"),
                        q("-01:02:03"), q("-00:00:00.5"), q("é"), q("a\0b"), "NULL", "NULL", q("\\"), "NULL",
                        "NULL", "NULL", "NULL", q("zzz"), q("x,y,z"), q("{\"n\": \"a\\u0000b\", \"esc\": \"\\\\u0000\"}"),
                        "NULL", "NULL", "NULL", "NULL" + mariadbOnly(", NULL, NULL")),
                "INSERT INTO t (id) VALUES (4)");

        Table t = copy("t");

        assertThat(t.differences()).isEmpty();
        assertThat(t.report.entries()).extracting(e -> e.column().column() + " " + e.kind() + " " + e.count())
                .containsExactly(
                        "da ZERO_DATE_TO_MINUS_INFINITY 1",
                        "dt0 INVALID_DATE_TO_MINUS_INFINITY 1",
                        "dt6 ZERO_DATE_TO_MINUS_INFINITY 1",
                        "j NUL_CHAR_STRIPPED 1",
                        "ts3 ZERO_DATE_TO_MINUS_INFINITY 1",
                        "vc NUL_CHAR_STRIPPED 1");
        assertThat(t.rows).isEqualTo(4);
    }

    @Test
    void translatedDefaultsGiveTheValuesMysqlGives() throws Exception {
        mysql("""
                CREATE TABLE dflt (id int PRIMARY KEY, a int DEFAULT -1, b decimal(5,2) DEFAULT 0.00,
                  c bit(10) DEFAULT b'101', u bit(1) DEFAULT b'1', e enum('x','y') DEFAULT 'y',
                  h varchar(10) DEFAULT 'it''s', bs varchar(10) DEFAULT 'a\\\\b', v varchar(5) DEFAULT '',
                  i date DEFAULT '0000-00-00', k set('p','q') DEFAULT 'p,q', l float DEFAULT 1.5,
                  p binary(3) DEFAULT 'ab', p2 binary(4) DEFAULT 'a\\0', vb varbinary(5) DEFAULT 'xy',
                  q year DEFAULT 2020, r time(2) DEFAULT '-01:00:00.5',
                  """ + jsonDefault("j", "{\"a\": [1, \"it's\", \"b\\\\s\"]}") + ", " + """
                  ts timestamp(3) NULL DEFAULT '2020-01-01 10:00:00.500',
                  flag tinyint(1) DEFAULT 1, x bigint unsigned DEFAULT 18446744073709551615,
                  now6 datetime(6) DEFAULT current_timestamp(6))""",
                "INSERT INTO dflt (id) VALUES (1)");

        Table t = copy("dflt");
        assertThat(t.warnings).isEmpty();
        assertThat(t.defaults).contains("\"now6\" timestamp(6) without time zone DEFAULT CURRENT_TIMESTAMP");
        mysql("UPDATE dflt SET now6 = NULL");  // the clocks of two servers are not comparable
        try (Connection pg = TestServers.pgConnection(pgDb); Statement s = pg.createStatement()) {
            s.execute("DELETE FROM dflt");
            s.execute("INSERT INTO dflt (id) VALUES (1) RETURNING now6");
            s.execute("UPDATE dflt SET now6 = NULL WHERE now6 IS NOT NULL");
        }
        assertThat(t.differences()).isEmpty();
    }

    /** Creates and fills the PostgreSQL twin of a MySQL table the way the copy will. */
    private static Table copy(String name) throws Exception {
        TableName table = new TableName(mysqlDb, name);
        Table t = new Table(table);
        DbConn conn = mysqlConn();
        try (Connection my = new MysqlConnector(conn).open(); Connection pg = TestServers.pgConnection(pgDb)) {
            // the columns as init_replica reads them (defaults differ in form between MySQL and MariaDB)
            t.columns = new SchemaReader(my, ServerInfo.read(my)).readSchema(mysqlDb).stream()
                    .filter(d -> d.name().table().equals(name)).findFirst().orElseThrow().columns();
            Set<String> json = InformationSchemaColumns.mariadbJsonColumns(my, mysqlDb, name);
            TypeMapper mapper = new TypeMapper(new TypeOverride.Rules(List.of(
                    new TypeOverride("tinyint(1)", "boolean", List.of(table.toString())))), false);
            DefaultTranslator defaults = new DefaultTranslator(POLICIES.zeroDates());
            List<String> columnSql = new ArrayList<>();
            try (Statement s = pg.createStatement()) {
                for (ColumnDef c : t.columns) {
                    PgType type = mapper.map(table, c, json.contains(c.name()));
                    t.types.add(type);
                    if (type.enumType().isPresent()) {
                        s.execute(type.enumType().get().createSql("public"));
                    }
                    TranslatedDefault d = defaults.translate(table, c, type, "public");
                    d.warning().ifPresent(t.warnings::add);
                    columnSql.add(Sql.ident(c.name()) + " " + type.sqlIn("public")
                            + d.expression().map(e -> " DEFAULT " + e).orElse(""));
                }
                t.defaults = String.join(", ", columnSql);
                s.execute("CREATE TABLE " + Sql.ident(name) + " (" + t.defaults + ")");
            }
            CopyTextBuffer out = new CopyTextBuffer(1024);
            ColumnConverter[] converters = ColumnConverters.forTable(
                    new TableDef(table, "InnoDB", t.columns, List.of(), 0, 0, 0), t.types, POLICIES);
            String select = t.columns.stream().map(TextSelect::expression).collect(Collectors.joining(", "));
            try (Statement s = my.createStatement();
                    ResultSet r = s.executeQuery("SELECT " + select + " FROM `" + mysqlDb + "`.`" + name + "` ORDER BY id")) {
                while (r.next()) {
                    for (int i = 0; i < converters.length; i++) {
                        if (i > 0) {
                            out.fieldSeparator();
                        }
                        byte[] v = r.getBytes(i + 1);
                        if (v == null) {
                            out.writeNull();
                        } else {
                            converters[i].write(v, out, t.report);
                        }
                    }
                    out.endRow();
                    t.rows++;
                }
            }
            // far from UTC, so that a TIMESTAMP written without its +00 would land hours away
            try (Statement s = pg.createStatement()) {
                s.execute("SET TIME ZONE 'Pacific/Chatham'");
            }
            CopyIn in = pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + Sql.ident(name) + " FROM STDIN");
            in.writeToCopy(out.array(), 0, out.length());
            in.endCopy();
        }
        return t;
    }

    /** One copied table: what was mapped, counted and warned. */
    private static final class Table {
        final TableName name;
        final List<PgType> types = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final ConversionReport report = new ConversionReport();
        List<ColumnDef> columns;
        String defaults;
        int rows;

        Table(TableName name) {
            this.name = name;
        }

        /** Row by row, value by value, in id order. */
        List<String> differences() throws SQLException {
            List<String> differences = new ArrayList<>();
            try (Connection my = new MysqlConnector(mysqlConn()).open(); Connection pg = TestServers.pgConnection(pgDb);
                    Statement ms = my.createStatement(); Statement ps = pg.createStatement()) {
                ps.execute("SET TIME ZONE 'UTC'");
                ClientView view = new ClientView(pg);
                try (ResultSet mr = ms.executeQuery("SELECT * FROM `" + mysqlDb + "`.`" + name.table() + "` ORDER BY id");
                        ResultSet pr = ps.executeQuery("SELECT * FROM " + Sql.ident(name.table()) + " ORDER BY id")) {
                    while (mr.next()) {
                        if (!pr.next()) {
                            differences.add("row " + mr.getString("id") + " missing in PostgreSQL");
                            continue;
                        }
                        for (int i = 0; i < columns.size(); i++) {
                            ColumnDef c = columns.get(i);
                            PgType t = types.get(i);
                            String mysql = view.mysql(c, t, ClientView.readMysql(mr, c));
                            String postgres = view.pg(c, t, ClientView.readPg(pr, c, t));
                            if (!java.util.Objects.equals(mysql, postgres)) {
                                differences.add("row " + mr.getString("id") + " " + c.name() + " (" + c.columnType()
                                        + " → " + t.sql() + "): MySQL " + abbreviate(mysql) + ", PostgreSQL " + abbreviate(postgres));
                            }
                        }
                    }
                    if (pr.next()) {
                        differences.add("PostgreSQL has more rows than MySQL");
                    }
                }
            }
            return differences;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "NULL" : s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private static DbConn mysqlConn() {
        TestServers.Endpoint e = TestServers.mysql();
        return new DbConn(e.host(), e.port(), e.user(), e.password(), "utf8mb4", 10, null);
    }

    /** Runs statements in the test database, non-strict as old servers are, so odd values can be stored. */
    private static void mysql(String... statements) throws SQLException {
        try (Connection c = new MysqlConnector(mysqlConn()).open(); Statement s = c.createStatement()) {
            s.execute("USE `" + mysqlDb + "`");
            s.execute("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String insert(int id, String... values) {
        return "INSERT INTO t VALUES (" + id + ", " + String.join(", ", values) + ")";
    }

    /** A MySQL string literal. */
    private static String q(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''").replace("\0", "\\0") + "'";
    }

    /** Text for what MySQL lacks: MariaDB's own types (uuid and inet6). */
    private static String mariadbOnly(String sql) {
        return TestServers.sourceIsMysql() ? "" : sql;
    }

    /** A JSON column with a default: MariaDB takes a literal, MySQL only an expression, DEFAULT ('...'). */
    private static String jsonDefault(String column, String document) {
        return column + " json DEFAULT " + (TestServers.sourceIsMysql() ? "(" + q(document) + ")" : q(document));
    }

    private static String geo(String wkt) {
        return "ST_GeomFromText('" + wkt + "')";
    }

    private static String allBytes() {
        byte[] b = new byte[512];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7);
        }
        return HexFormat.of().formatHex(b);
    }
}
