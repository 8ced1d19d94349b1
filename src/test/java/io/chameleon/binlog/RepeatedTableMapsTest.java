package io.chameleon.binlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ChecksumType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

class RepeatedTableMapsTest {
    private final RepeatedTableMaps maps = new RepeatedTableMaps();

    @Test
    void theSameMapIsDecodedOnce() throws IOException {
        TableMapEventData first = read(body(70, "db", "t1", 3));
        TableMapEventData again = read(body(70, "db", "t1", 3));
        assertSame(first, again);
        assertEquals("t1", again.getTable());
        assertEquals(70, again.getTableId());
    }

    @Test
    void aChangedTableUnderTheSameIdIsDecodedAgain() throws IOException {
        TableMapEventData before = read(body(70, "db", "t1", 3));
        TableMapEventData after = read(body(70, "db", "t1", 8)); // INT became BIGINT
        assertNotSame(before, after);
        assertArrayEquals(new byte[] {8}, after.getColumnTypes());
        assertEquals("t2", read(body(71, "db", "t2", 3)).getTable());
        assertArrayEquals(new byte[] {3}, read(body(70, "db", "t1", 3)).getColumnTypes());
    }

    @Test
    void theReadersDeserializerDecodesEachTablesMapOnce() throws IOException {
        EventDeserializer reader = BinlogEventDeserializer.create();
        reader.setChecksumType(ChecksumType.CRC32);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(event(body(70, "db", "t1", 3)));
        stream.writeBytes(event(body(70, "db", "t1", 3)));
        stream.writeBytes(event(body(71, "db", "t2", 8)));
        ByteArrayInputStream in = new ByteArrayInputStream(stream.toByteArray());
        TableMapEventData first = (TableMapEventData) reader.nextEvent(in).getData();
        assertSame(first, reader.nextEvent(in).getData());
        TableMapEventData other = (TableMapEventData) reader.nextEvent(in).getData();
        assertEquals("t2", other.getTable());
        assertArrayEquals(new byte[] {8}, other.getColumnTypes());
    }

    /** A TABLE_MAP event as the server sends it: the v4 header, the body, a CRC32 (not checked by the deserializer). */
    private static byte[] event(byte[] body) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int length = 19 + body.length + 4;
        writeInt(e, 0, 4); // timestamp
        e.write(19); // TABLE_MAP
        writeInt(e, 1, 4); // server id
        writeInt(e, length, 4);
        writeInt(e, 0, 4); // next position
        writeInt(e, 0, 2); // flags
        e.writeBytes(body);
        writeInt(e, 0, 4); // checksum
        return e.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> 8 * i) & 0xFF);
        }
    }

    private TableMapEventData read(byte[] body) throws IOException {
        return maps.decode(body);
    }

    /** A TABLE_MAP body of one column of the given type, without optional metadata. */
    private static byte[] body(long tableId, String db, String table, int type) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        writeInt(b, tableId, 6);
        b.write(0);
        b.write(0); // flags
        for (String name : new String[] {db, table}) {
            b.write(name.length());
            b.writeBytes(name.getBytes());
            b.write(0);
        }
        b.write(1); // one column
        b.write(type);
        b.write(0); // no column metadata
        b.write(1); // nullable
        return b.toByteArray();
    }
}
