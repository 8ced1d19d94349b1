package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.testing.SourceSql;
import io.chameleon.testing.TestServers;
import io.chameleon.types.TextSelect;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle for {@link BinlogValues}: every value of an INSERT, read back from the binlog and
 * converted, must be byte for byte what a text-protocol SELECT of the same row returns.
 */
class BinlogValuesIT {
    private static final String TABLE = """
            CREATE TABLE all_types (
              id INT PRIMARY KEY,
              ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED,
              mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED,
              d DECIMAL(65,30), d2 DECIMAL(10,2), d0 DECIMAL(12,0), f FLOAT, db DOUBLE,
              b1 BIT(1), b10 BIT(10), b64 BIT(64), y YEAR,
              dt DATE, dtm DATETIME(6), dt0 DATETIME, ts TIMESTAMP(3) NULL DEFAULT NULL, ts6 TIMESTAMP(6) NULL DEFAULT NULL,
              ts0 TIMESTAMP NULL DEFAULT NULL, tm TIME(6), tm0 TIME, tm3 TIME(3), tm1 TIME(1),
              c CHAR(5), vc VARCHAR(100), tx TEXT, lt LONGTEXT, l1 VARCHAR(20) CHARACTER SET latin1,
              c1 CHAR(5) CHARACTER SET latin1,
              bn BINARY(4), vb VARBINARY(10), bl BLOB,
              e ENUM('small','medium','large'), st SET('a','b','c'), j JSON, g GEOMETRY, p POINT
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""";

    private static final String ROWS = """
            INSERT INTO all_types VALUES
            (1, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0,
             '-99999999999999999999999999999999999.999999999999999999999999999999', -12.34, -5, -3.40282e38,
             -1.7976931348623157e308, b'0', b'0', b'0', 1901, '1000-01-01', '1000-01-01 00:00:00.000001', '0000-00-00 00:00:00',
             '1970-01-01 00:00:01.001', '1970-01-01 00:00:01.000001', '0000-00-00 00:00:00',
             '-838:59:59', '-00:00:01', '-00:00:00.5', '-12:00:00.1', '', '', '', '', '', '', x'', x'', x'', 'small', '', '[]',
             ST_GeomFromText('POINT(1 2)'), ST_GeomFromText('POINT(-1.5 2.25)')),
            (2, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807,
             18446744073709551615, '99999999999999999999999999999999999.999999999999999999999999999999', 99999999.99,
             999999999999, 3.40282e38, 1.7976931348623157e308, b'1', b'1111111111', x'ffffffffffffffff', 2155,
             '9999-12-31', '9999-12-31 23:59:59.999999', '9999-12-31 23:59:59', '2038-01-19 03:14:07.999',
             '2038-01-19 03:14:07.999999', '2038-01-19 03:14:07', '838:59:59', '838:59:59', '838:59:59.999', '00:00:00.9',
             'abc', 'emoji 😀 ñ 中文', 'tab\\there\\nnew line \\\\ back', REPEAT('long ', 2000), 'é€ü', 'ñ  ',
             x'00010203', x'00ff', x'000102fffe', 'large', 'a,c',
             '{"k": [1, 2, {"x": "ü"}], "a": null, "n": 1.5}',
             ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0))'), ST_GeomFromText('POINT(0 0)')),
            (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '0.000000000000000000000000000001', 0, 0, 1.5, 0.1, b'1', b'0000000101',
             x'8000000000000001', 0, '2024-00-00', '2024-02-29 13:45:01.123456', '2024-02-00 00:00:00',
             '2024-02-29 13:45:01.5', '2024-02-29 13:45:01.000010', '0000-00-00 00:00:00', '-00:00:01.5', '00:00:00',
             '-00:00:00.001', '-00:00:00.1', 'a  ', 'quote '' and "double"', 'x', 'y', 'ascii', 'a', x'61', x'', x'',
             'medium', 'b', '"just a string"', NULL, NULL),
            (5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '0', 0.01, 1, 123456789, 0.3333333333333333, NULL, NULL, NULL, NULL,
             '1582-10-10', '1582-10-04 12:00:00', '0000-01-01 00:00:00', NULL, NULL, NULL, '00:00:00.000001', NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'invalid', 'c,b,a', NULL, NULL, NULL),
            (6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1.23457e-10, 1.2345678901234567e-10,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1e-5, 1e-10,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (8, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1e15, 1e15,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (9, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1e16, 123456789012345678,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (10, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, -0.000123457, 1e-15,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (11, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1234567, 1e-14,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)""";

    @Test
    void everyBinlogValueIsTheTextProtocolsBytes() throws Exception {
        String db = TestServers.createMysqlDatabase("binlog_values");
        List<TrackedColumn> columns;
        List<String> selectList = new ArrayList<>();
        String file;
        long position;
        List<List<String>> expected = new ArrayList<>();
        try (Connection c = TestServers.mysqlConnection(db); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = '', time_zone = '+00:00', NAMES utf8mb4");
            s.execute(TABLE);
            TableDef table = new SchemaReader(c, ServerInfo.read(c)).readSchema(db).get(0);
            columns = table.columns().stream().map(col -> TrackedColumn.of(col, "")).toList();
            for (ColumnDef col : table.columns()) {
                selectList.add(TextSelect.expression(col));
            }
            try (ResultSet rs = s.executeQuery(SourceSql.binlogStatus())) {
                rs.next();
                file = rs.getString(1);
                position = rs.getLong(2);
            }
            s.execute(ROWS);
            try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", selectList) + " FROM all_types ORDER BY all_types.id")) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.add(columns.get(i).name() + "=" + show(rs.getBytes(i + 1)));
                    }
                    expected.add(row);
                }
            }
        }

        List<Serializable[]> binlogRows = readInsertedRows(db, file, position, expected.size());
        BinlogValues values = new BinlogValues(TestServers.sourceIsMysql()); // MySQL logs JSON in its binary form
        List<List<String>> actual = new ArrayList<>();
        for (Serializable[] r : binlogRows) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                row.add(columns.get(i).name() + "=" + show(values.toText(r[i], columns.get(i), null)));
            }
            actual.add(row);
        }
        for (int i = 0; i < expected.size(); i++) {
            List<String> diff = new ArrayList<>();
            for (int k = 0; k < columns.size(); k++) {
                if (!actual.get(i).get(k).equals(expected.get(i).get(k))
                        && !sameFloat(columns.get(k), actual.get(i).get(k), expected.get(i).get(k))) {
                    diff.add("binlog " + actual.get(i).get(k) + " vs select " + expected.get(i).get(k));
                }
            }
            assertThat(diff).as("row %d", i + 1).isEmpty();
        }
    }

    private static List<Serializable[]> readInsertedRows(String db, String file, long position, int count) throws Exception {
        TestServers.Endpoint e = TestServers.mysql();
        BinaryLogClient client = new BinaryLogClient(e.host(), e.port(), e.user(), e.password());
        client.setServerId(4242);
        client.setBinlogFilename(file);
        client.setBinlogPosition(position);
        client.setEventDeserializer(BinlogEventDeserializer.create());
        List<Serializable[]> rows = new CopyOnWriteArrayList<>();
        java.util.Map<Long, String> tables = new java.util.concurrent.ConcurrentHashMap<>();
        client.registerEventListener(event -> {
            EventData d = event.getData();
            if (d instanceof TableMapEventData t) {
                tables.put(t.getTableId(), t.getDatabase() + "." + t.getTable());
            } else if (d instanceof WriteRowsEventData w && (db + ".all_types").equals(tables.get(w.getTableId()))) {
                rows.addAll(w.getRows());
            }
        });
        client.connect(10_000);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (rows.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            client.disconnect();
        }
        assertThat(rows).hasSize(count);
        return rows;
    }

    /** Text when it is valid UTF-8 text, hex otherwise, so a failure shows both sides readably. */
    /**
     * MySQL prints a tiny FLOAT or DOUBLE in exponent form (1.23457e-10) where MariaDB, and our
     * text, write it out (0.000000000123457): PostgreSQL reads the same number from either.
     */
    private static boolean sameFloat(TrackedColumn column, String binlog, String select) {
        if (!TestServers.sourceIsMysql() || !Set.of("float", "double").contains(column.dataType())) {
            return false;
        }
        String prefix = column.name() + "='";
        return binlog.startsWith(prefix) && select.startsWith(prefix) && Double.parseDouble(binlog.substring(
                prefix.length(), binlog.length() - 1)) == Double.parseDouble(select.substring(prefix.length(),
                select.length() - 1));
    }

    private static String show(byte[] v) {
        if (v == null) {
            return "NULL";
        }
        String s = new String(v, StandardCharsets.UTF_8);
        boolean printable = s.chars().allMatch(ch -> ch >= 0x20 && ch != 0xFFFD || ch == '\t' || ch == '\n');
        String shown = printable ? "'" + s + "'" : "x'" + HexFormat.of().formatHex(v) + "'";
        return shown.length() <= 300 ? shown : shown.substring(0, 300) + "…(" + v.length + " bytes)";
    }
}
