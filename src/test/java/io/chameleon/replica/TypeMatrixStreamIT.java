package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TypeMatrix;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The type matrix through both paths a value can take: every type at its limits and its odd values
 * is inserted, updated to other values and deleted while start_replica streams, so each value
 * arrives decoded from the binlog's row images. Afterwards the table equals MySQL value by value,
 * and its PostgreSQL text equals, row for row, what a fresh init_replica copies of the same rows
 * through the text protocol: the stream and the copy give the same value for every type, under the
 * same zero-date and NUL policies.
 */
class TypeMatrixStreamIT {
    private static final String NINES = "9".repeat(35) + "." + "9".repeat(30);
    static final List<String> COLUMNS = List.of("ti", "tiu", "si", "siu", "mi", "miu", "i", "iu", "bi", "biu",
            "dec65", "dec52", "f", "d", "b1", "b10", "b64", "flag", "y", "da", "dt0", "dt6", "ts3", "tm", "tm6", "ch", "vc",
            "u4", "l1", "tx", "ltx", "bin", "vb", "bl", "e", "st", "j", "g", "pt", "mpoly");

    @Test
    void everyTypeStreamsAsInitReplicaCopiesIt() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("type_stream", "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE t (id int PRIMARY KEY,\n" + TypeMatrix.COLUMNS + ") CHARACTER SET utf8mb4",
                "INSERT INTO t (id, i, vc) VALUES (1, 1, 'copied by init')");
        fx.initReplica();

        RunningReplica replica = RunningReplica.start(fx);
        try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
            s.execute("SET SESSION sql_mode = ''"); // zero dates and the '' enum value, as legacy applications write them
            s.execute("SET SESSION time_zone = '+00:00'");
            List<List<String>> rows = rows();
            for (int r = 0; r < rows.size(); r++) {
                s.execute(insert(10 + r, rows.get(r)));              // inserted as it is
                s.execute(insert(20 + r, rows.get((r + 1) % rows.size())));
                s.execute(update(20 + r, rows.get(r)));              // updated from another row's values to it
                s.execute(insert(30 + r, rows.get(r)));
            }
            s.execute("INSERT INTO t (id) VALUES (40)");
            s.execute("DELETE FROM t WHERE id IN (1, 30)");         // deleted: the before image finds its row
            s.execute("UPDATE t SET vc = 'kept' WHERE id = 31");     // a key-less update of an odd row
            replica.awaitCaughtUp(Duration.ofSeconds(120));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.pgStrings("SELECT mysql_table || ': ' || message FROM sch_chameleon.error_log")).isEmpty();
        assertThat(fx.diff("t")).isEmpty();

        String init = fx.initReplicaElsewhere("type_stream_init");
        String rowsAsText = "SELECT t::text FROM " + fx.pgSchema + ".t t ORDER BY id";
        List<String> streamed = fx.pgStrings(rowsAsText);
        assertThat(streamed).hasSize(3 * rows().size());
        assertThat(streamed).as("the streamed rows vs init_replica's copy of them").isEqualTo(fx.pgStrings(init, rowsAsText));
    }

    /** Each type's limits, then MySQL's odd values (zero and impossible dates, NUL, the '' enum value), then NULLs. */
    static List<List<String>> rows() {
        return List.of(
                List.of("-128", "0", "-32768", "0", "-8388608", "0", "-2147483648", "0", "-9223372036854775808", "0",
                        "-" + NINES, "0.00", "-3.40282e38", "-1.7976931348623157e308", "b'0'", "b'0'", "b'0'", "0",
                        "1901", q("1000-01-01"), q("1000-01-01 00:00:00"), q("0001-01-01 00:00:00.000001"),
                        q("1970-01-01 00:00:01.000"), q("-838:59:59"), q("-00:00:00.000001"),
                        q(""), q(""), q(""), q(""), q(""), q(""), "x'00000000'", "x''", "x''", q("a"), q(""), q("[]"),
                        geo("POINT(0 0)"), geo("POINT(-1.5 2.25)"),
                        geo("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))")),
                List.of("127", "255", "32767", "65535", "8388607", "16777215", "2147483647", "4294967295",
                        "9223372036854775807", "18446744073709551615", NINES, "999.99", "3.40282e38",
                        "1.7976931348623157e308", "b'1'", "b'1111111111'", "b'" + "1".repeat(64) + "'", "1", "2155",
                        q("9999-12-31"), q("9999-12-31 23:59:59"), q("9999-12-31 23:59:59.999999"),
                        q("2038-01-19 03:14:07.999"), q("838:59:59"), q("838:59:59.999999"),
                        q("ab  "), q("t\tn\nb\\r\r\\N"), q("😀 emoji 中文"), q("é€ ÿ"), q("quotes ' \" \\."),
                        "REPEAT(" + q("x\t\\") + ", 50000)", "x'00010200'", "x'000a0d5c09'", "x'" + allBytes() + "'",
                        q("é"), q("x,z"), q("{\"a\": [1, 2.50, \"ü\", 1e100, -0.0], \"b\": null, \"c\": \"tab\\t\"}"),
                        "ST_GeomFromText('POINT(1 2)', 4326)", geo("POINT(1 2)"),
                        "ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 0)))', 3857)"),
                List.of("0", "1", "-1", "1", "-1", "1", "-1", "1", "-1", "9223372036854775808", "0.000000000000000000000000000001",
                        "1.5", "1.2345678", "0.1", "b'1'", "b'1010000001'", "b'1'", "-5", "0",
                        q("0000-00-00"), q("2020-02-30 00:00:00"), q("2020-00-15 10:00:00.5"), q("0000-00-00 00:00:00"),
                        q("-01:02:03"), q("-00:00:00.5"), q("é"), q("a\0b"), q("a\0"), "NULL", q("\\"), q("x\0y"),
                        "NULL", "x'0000'", "NULL", q("zzz"), q("x,y,z"), q("{\"n\": \"a\\u0000b\", \"deep\": [[[{}]]]}"),
                        "NULL", "NULL", "NULL"),
                Stream.generate(() -> "NULL").limit(COLUMNS.size()).toList());
    }

    private static String insert(int id, List<String> values) {
        return "INSERT INTO t (id, " + String.join(", ", COLUMNS) + ") VALUES (" + id + ", " + String.join(", ", values) + ")";
    }

    private static String update(int id, List<String> values) {
        List<String> sets = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            sets.add(COLUMNS.get(c) + " = " + values.get(c));
        }
        return "UPDATE t SET " + sets.stream().collect(Collectors.joining(", ")) + " WHERE id = " + id;
    }

    /** A MySQL string literal. */
    private static String q(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''").replace("\0", "\\0") + "'";
    }

    private static String geo(String wkt) {
        return "ST_GeomFromText('" + wkt + "')";
    }

    private static String allBytes() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 512; i++) {
            hex.append(String.format("%02x", i & 0xff));
        }
        return hex.toString();
    }
}
