package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Captures the test vectors of {@link MysqlJsonBinaryTest} and {@link PartialJsonUpdateTest} from a
 * live MySQL, into {@code src/test/resources/mysql-json}:
 * <ul>
 * <li>{@code vectors.tsv.gz}: each document of {@code documents.sql} (one SQL expression a line)
 * inserted into a JSON column; per document the expression, the binary JSON the binlog carried
 * (hex) and MySQL's {@code CAST(doc AS CHAR)};
 * <li>{@code partial-vectors.tsv.gz}: each update of {@code partial-updates.sql} (initial document,
 * tab, SET clause) run on {@link #PARTIAL_TABLE} with binlog_row_value_options = PARTIAL_JSON; per
 * update the SET clause, the type of the row event and its body (hex), and MySQL's text of
 * {@code doc} and {@code other} before and after.
 * </ul>
 * Run it again after adding cases: {@code java -cp target/test-classes:target/classes:<dependencies>
 * io.chameleon.binlog.JsonVectorCapture host:port:user:password src/test/resources/mysql-json}
 */
public final class JsonVectorCapture {
    /** The table of the partial updates; the unit test rebuilds its TABLE_MAP from this definition. */
    static final String PARTIAL_TABLE = "(id int PRIMARY KEY, doc json, other json, n int)";

    private final String[] server;
    private final Statement s;

    private JsonVectorCapture(String[] server, Statement s) {
        this.server = server;
        this.s = s;
    }

    public static void main(String[] args) throws Exception {
        String[] server = args[0].split(":", 4);
        Path dir = Path.of(args[1]);
        String url = "jdbc:mariadb://" + server[0] + ":" + server[1] + "/?user=" + server[2] + "&password=" + server[3]
                + "&allowPublicKeyRetrieval=true";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS json_vectors");
            s.execute("CREATE DATABASE json_vectors");
            JsonVectorCapture capture = new JsonVectorCapture(server, s);
            capture.documents(lines(dir.resolve("documents.sql")), dir.resolve("vectors.tsv.gz"));
            capture.partialUpdates(lines(dir.resolve("partial-updates.sql")), dir.resolve("partial-vectors.tsv.gz"));
            s.execute("DROP DATABASE json_vectors");
        }
    }

    private void documents(List<String> documents, Path out) throws Exception {
        s.execute("CREATE TABLE json_vectors.docs (id int PRIMARY KEY, doc json NOT NULL)");
        Map<Integer, String> rows = capture(documents.size(), () -> {
            for (int i = 0; i < documents.size(); i++) {
                s.execute("INSERT INTO json_vectors.docs VALUES (" + i + ", " + documents.get(i) + ")");
            }
        });
        try (Writer w = gzip(out)) {
            for (int i = 0; i < documents.size(); i++) {
                w.write(documents.get(i) + "\t" + rows.get(i) + "\t" + text("docs", "doc", i) + "\n");
            }
        }
    }

    private void partialUpdates(List<String> cases, Path out) throws Exception {
        s.execute("CREATE TABLE json_vectors.partial " + PARTIAL_TABLE);
        String[] before = new String[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            s.execute("INSERT INTO json_vectors.partial VALUES (" + i + ", " + cases.get(i).split("\t")[0]
                    + ", '{\"o\": 1}', 0)");
            before[i] = text("partial", "doc", i) + "\t" + text("partial", "other", i);
        }
        Map<Integer, String> events = capture(cases.size(), () -> {
            s.execute("SET SESSION binlog_row_value_options = 'PARTIAL_JSON'");
            for (int i = 0; i < cases.size(); i++) {
                s.execute("UPDATE json_vectors.partial SET " + cases.get(i).split("\t")[1] + " WHERE id = " + i);
            }
        });
        try (Writer w = gzip(out)) {
            for (int i = 0; i < cases.size(); i++) {
                w.write(cases.get(i).split("\t")[1] + "\t" + events.get(i) + "\t" + before[i] + "\t"
                        + text("partial", "doc", i) + "\t" + text("partial", "other", i) + "\n");
            }
        }
    }

    private String text(String table, String column, int id) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT CAST(" + column + " AS CHAR) FROM json_vectors." + table
                + " WHERE id = " + id)) {
            r.next();
            byte[] text = r.getBytes(1);
            return text == null ? "NULL" : new String(text, StandardCharsets.UTF_8);
        }
    }

    interface Writes {
        void run() throws Exception;
    }

    /**
     * Runs the writes and reads the binlog from before them; per row id: an insert's binary JSON
     * (hex), or an update's event type and event body (hex).
     */
    private Map<Integer, String> capture(int rows, Writes writes) throws Exception {
        String file;
        long position;
        try (ResultSet at = s.executeQuery("SHOW BINARY LOG STATUS")) {
            at.next();
            file = at.getString(1);
            position = at.getLong(2);
        }
        Map<Integer, String> captured = new ConcurrentHashMap<>();
        Map<Integer, String> bodies = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(1);
        BinaryLogClient client = new BinaryLogClient(server[0], Integer.parseInt(server[1]), server[2], server[3]);
        client.setServerId(4242);
        EventDeserializer deserializer = BinlogEventDeserializer.create();
        for (EventType type : List.of(EventType.EXT_UPDATE_ROWS, EventType.PARTIAL_UPDATE_ROWS_EVENT)) {
            EventDataDeserializer<?> decode = deserializer.getEventDataDeserializer(type);
            deserializer.setEventDataDeserializer(type, in -> {
                byte[] body = in.read(in.available());
                UpdateRowsEventData update = (UpdateRowsEventData) decode.deserialize(new ByteArrayInputStream(body));
                bodies.put((Integer) update.getRows().get(0).getKey()[0], type + "\t" + HexFormat.of().formatHex(body));
                return update;
            });
        }
        client.setEventDeserializer(deserializer);
        client.setBinlogFilename(file);
        client.setBinlogPosition(position);
        client.registerEventListener(e -> {
            if (e.getData() instanceof WriteRowsEventData w) {
                for (Serializable[] row : w.getRows()) {
                    captured.put((Integer) row[0], HexFormat.of().formatHex((byte[]) row[1]));
                }
            }
            captured.putAll(bodies);
            if (captured.size() == rows) {
                all.countDown();
            }
        });
        writes.run();
        client.connect(10_000);
        try {
            if (!all.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("captured " + captured.size() + " of " + rows + " rows: " + captured.keySet()
                        + " (an update that changes nothing logs no row)");
            }
        } finally {
            client.disconnect();
        }
        return captured;
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    }

    private static Writer gzip(Path file) throws Exception {
        return new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8);
    }
}
