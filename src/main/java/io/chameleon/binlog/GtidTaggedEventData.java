package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.EventData;
import io.chameleon.mysql.MysqlGtid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * MySQL 8.3+'s GTID_TAGGED_LOG_EVENT (type 42), which starts a transaction whose GTID has a tag
 * ({@code SET gtid_next = 'AUTOMATIC:tag'}). The binlog library does not know the type. Its body is
 * a mysql::serialization message: a version, the message's size, the last non-ignorable field id,
 * then numbered fields, each a field id and its value, in variable-length integers (1-9 bytes, the
 * first byte's trailing ones counting the bytes after it).
 *
 * @param transactionLength the bytes of the whole transaction, this event included; 0 when not given
 */
record GtidTaggedEventData(MysqlGtid gtid, long transactionLength) implements EventData {
    /** The event type number, for which the library's EventType has no constant. */
    static final int TYPE = 42;

    // the message's fields, numbered in the order mysql::binlog::event::Gtid_event defines them
    private static final int FLAGS = 0;
    private static final int UUID = 1;
    private static final int GNO = 2;
    private static final int TAG = 3;
    private static final int TRANSACTION_LENGTH = 8;

    /** @param body the event's body, without header and checksum */
    static GtidTaggedEventData read(byte[] body) throws IOException {
        Reader in = new Reader(body);
        in.unsigned(); // serialization format version
        in.unsigned(); // the message's size
        in.unsigned(); // the last field a reader must know
        byte[] uuid = null;
        Long gno = null;
        String tag = "";
        long transactionLength = 0;
        while (in.more()) {
            long field = in.unsigned();
            if (field == FLAGS) {
                in.unsigned();
            } else if (field == UUID) {
                uuid = new byte[16];
                for (int i = 0; i < 16; i++) {
                    uuid[i] = (byte) in.unsigned(); // a fixed array of bytes: each one a variable-length integer
                }
            } else if (field == GNO) {
                gno = in.signed();
            } else if (field == TAG) {
                tag = new String(in.bytes((int) in.unsigned()), StandardCharsets.US_ASCII);
            } else if (field < TRANSACTION_LENGTH) {
                in.unsigned(); // commit order and timestamps
            } else if (field == TRANSACTION_LENGTH) {
                transactionLength = in.unsigned();
                break; // the server versions and the commit group ticket that may follow are not needed
            } else {
                break;
            }
        }
        if (uuid == null || gno == null) {
            throw new IOException("a GTID_TAGGED_LOG_EVENT without "
                    + (uuid == null ? "a UUID" : "a transaction number"));
        }
        return new GtidTaggedEventData(new MysqlGtid(hex(uuid), tag, gno), transactionLength);
    }

    private static String hex(byte[] uuid) {
        StringBuilder s = new StringBuilder();
        for (byte b : uuid) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }

    /** mysql::serialization's variable-length integers, read from a byte array. */
    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        boolean more() {
            return pos < b.length;
        }

        long unsigned() throws IOException {
            need(1);
            int first = b[pos] & 0xFF;
            int length = Integer.numberOfTrailingZeros(~first) + 1;
            need(length);
            long value = length == 9 ? 0 : first >>> length;
            long rest = 0;
            for (int i = length - 1; i >= 1; i--) {
                rest = (rest << 8) | (b[pos + i] & 0xFF);
            }
            // the first byte keeps 8 - length bits of the value (none when it is 9 bytes long)
            value |= length == 1 ? 0 : rest << (length == 9 ? 0 : 8 - length);
            pos += length;
            return value;
        }

        long signed() throws IOException {
            long u = unsigned();
            return (u >>> 1) ^ -(u & 1);
        }

        byte[] bytes(int length) throws IOException {
            need(length);
            byte[] out = Arrays.copyOfRange(b, pos, pos + length);
            pos += length;
            return out;
        }

        private void need(int n) throws IOException {
            if (pos + n > b.length) {
                throw new IOException("a GTID_TAGGED_LOG_EVENT cut short at byte " + pos + " of " + b.length);
            }
        }
    }
}
