package io.chameleon.binlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
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

    /** Reads a body as the library's reader hands it over: inside a block of its length, checksum after it. */
    private TableMapEventData read(byte[] body) throws IOException {
        byte[] withChecksum = java.util.Arrays.copyOf(body, body.length + 4);
        ByteArrayInputStream in = new ByteArrayInputStream(withChecksum);
        in.enterBlock(body.length);
        return maps.deserialize(in);
    }

    /** A TABLE_MAP body of one column of the given type, without optional metadata. */
    private static byte[] body(long tableId, String db, String table, int type) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 6; i++) {
            b.write((int) (tableId >>> 8 * i) & 0xFF);
        }
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
