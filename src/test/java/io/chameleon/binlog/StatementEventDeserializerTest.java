package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** QUERY events built byte by byte as MariaDB and MySQL write them. */
class StatementEventDeserializerTest {
    private static final long NO_BACKSLASH_ESCAPES = 1L << 20;
    private static final long ANSI_QUOTES = 1L << 2;

    @Test
    void readsTheSqlModeAndTheTextInTheClientCharacterSet() throws Exception {
        String sql = "ALTER TABLE t ADD prénom enum('é','ü') DEFAULT 'é'";
        byte[] status = status(s -> {
            s.put((byte) 0).putInt(0); // flags2
            s.put((byte) 1).putLong(NO_BACKSLASH_ESCAPES | ANSI_QUOTES);
            s.put((byte) 6).put((byte) 3).put("std".getBytes(StandardCharsets.US_ASCII)); // catalog
            s.put((byte) 4).putShort((short) 45).putShort((short) 45).putShort((short) 8); // utf8mb4 client
            s.put((byte) 128).put(new byte[3]); // MariaDB's hrnow
        });
        StatementEventData d = deserialize(status, "db1", sql.getBytes(StandardCharsets.UTF_8));
        assertThat(d.getSql()).isEqualTo(sql);
        assertThat(d.getDatabase()).isEqualTo("db1");
        assertThat(d.getThreadId()).isEqualTo(77);
        assertThat(d.session().noBackslashEscapes()).isTrue();
        assertThat(d.session().ansiQuotes()).isTrue();
        assertThat(d.session().explicitDefaultsForTimestamp()).isNull();
    }

    @Test
    void aLatin1ClientsTextIsReadAsLatin1() throws Exception {
        String sql = "ALTER TABLE t ADD c varchar(5) DEFAULT 'café'";
        byte[] status = status(s -> s.put((byte) 4).putShort((short) 8).putShort((short) 8).putShort((short) 8));
        StatementEventData d = deserialize(status, "", sql.getBytes(Charset.forName("windows-1252")));
        assertThat(d.getSql()).isEqualTo(sql);
        assertThat(d.session().ansiQuotes()).isFalse();
    }

    @Test
    void mysqlsExplicitDefaultsForTimestampAndAnUnknownCodeStopReadingQuietly() throws Exception {
        byte[] status = status(s -> {
            s.put((byte) 1).putLong(0);
            s.put((byte) 12).put((byte) 2).put("a\0bb\0".getBytes(StandardCharsets.US_ASCII)); // updated db names
            s.put((byte) 16).put((byte) 0);
            s.put((byte) 99).putInt(-1); // a code this reader does not know: the rest is not read
        });
        StatementEventData d = deserialize(status, "x", "CREATE TABLE t (c timestamp)".getBytes(StandardCharsets.UTF_8));
        assertThat(d.session().sqlMode()).isZero();
        assertThat(d.session().explicitDefaultsForTimestamp()).isFalse();
        assertThat(d.getSql()).isEqualTo("CREATE TABLE t (c timestamp)");
    }

    @Test
    void withoutStatusVariablesTheModeIsUnknown() throws Exception {
        StatementEventData d = deserialize(new byte[0], "x", "DROP TABLE t".getBytes(StandardCharsets.UTF_8));
        assertThat(d.session().sqlMode()).isEqualTo(-1);
        assertThat(d.session().noBackslashEscapes()).isFalse();
    }

    private interface Writer {
        void write(ByteBuffer b);
    }

    private static byte[] status(Writer w) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        w.write(b);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static StatementEventData deserialize(byte[] status, String db, byte[] sql) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(77).putInt(0).put((byte) db.length()).putShort((short) 0).putShort((short) status.length);
        out.write(head.array());
        out.write(status);
        out.write(db.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.write(sql);
        return new StatementEventDeserializer().deserialize(new ByteArrayInputStream(out.toByteArray()));
    }
}
