package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;

import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Captures the test vectors of {@link MysqlJsonBinaryTest} from a live MySQL: inserts each
 * document of {@code mysql-json/documents.sql} (one SQL expression a line) into a JSON column,
 * reads the row's bytes back from the binlog and writes, per document, the expression, the binary
 * JSON in hex and MySQL's own {@code CAST(doc AS CHAR)} to {@code mysql-json/vectors.tsv.gz}.
 * Run it again after adding documents:
 * {@code java -cp target/test-classes:target/classes:<dependencies> io.chameleon.binlog.JsonVectorCapture
 * host:port:user:password src/test/resources/mysql-json}
 */
public final class JsonVectorCapture {
    private JsonVectorCapture() {}

    public static void main(String[] args) throws Exception {
        String[] server = args[0].split(":", 4);
        Path dir = Path.of(args[1]);
        List<String> documents = Files.readAllLines(dir.resolve("documents.sql")).stream()
                .filter(l -> !l.isBlank()).toList();
        String url = "jdbc:mariadb://" + server[0] + ":" + server[1] + "/?user=" + server[2] + "&password=" + server[3]
                + "&allowPublicKeyRetrieval=true";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS json_vectors");
            s.execute("DROP TABLE IF EXISTS json_vectors.docs");
            s.execute("CREATE TABLE json_vectors.docs (id int PRIMARY KEY, doc json NOT NULL)");
            ResultSet at = s.executeQuery("SHOW BINARY LOG STATUS");
            at.next();
            Map<Integer, byte[]> captured = capture(server, at.getString(1), at.getLong(2), documents.size(), () -> {
                for (int i = 0; i < documents.size(); i++) {
                    s.execute("INSERT INTO json_vectors.docs VALUES (" + i + ", " + documents.get(i) + ")");
                }
            });
            try (Writer out = new OutputStreamWriter(new GZIPOutputStream(
                    Files.newOutputStream(dir.resolve("vectors.tsv.gz"))), StandardCharsets.UTF_8)) {
                for (int i = 0; i < documents.size(); i++) {
                    ResultSet text = s.executeQuery("SELECT CAST(doc AS CHAR) FROM json_vectors.docs WHERE id = " + i);
                    text.next();
                    out.write(documents.get(i) + "\t" + HexFormat.of().formatHex(captured.get(i)) + "\t"
                            + new String(text.getBytes(1), StandardCharsets.UTF_8) + "\n");
                }
            }
            s.execute("DROP DATABASE json_vectors");
        }
    }

    interface Writes {
        void run() throws Exception;
    }

    private static Map<Integer, byte[]> capture(String[] server, String file, long position, int rows, Writes writes)
            throws Exception {
        Map<Integer, byte[]> captured = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(1);
        BinaryLogClient client = new BinaryLogClient(server[0], Integer.parseInt(server[1]), server[2], server[3]);
        client.setServerId(4242);
        client.setEventDeserializer(BinlogEventDeserializer.create());
        client.setBinlogFilename(file);
        client.setBinlogPosition(position);
        client.registerEventListener(e -> {
            if (e.getData() instanceof WriteRowsEventData w) {
                for (Serializable[] row : w.getRows()) {
                    captured.put((Integer) row[0], (byte[]) row[1]);
                }
                if (captured.size() == rows) {
                    all.countDown();
                }
            }
        });
        writes.run();
        client.connect(10_000);
        try {
            if (!all.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("captured " + captured.size() + " of " + rows + " rows");
            }
        } finally {
            client.disconnect();
        }
        return captured;
    }
}
