package io.chameleon.binlog;

import com.github.luben.zstd.Zstd;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.deserialization.ChecksumType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A compressed transaction as MySQL 9.7.4 wrote it, decoded by our deserializers into the row
 * changes, positions and parts an uncompressed one gives; and payloads re-wrapped by hand for the
 * cases the server did not write: nothing compressed, an unknown compression type, a wrong size.
 */
class CompressedTransactionTest {
    private static final String FILE = "mysql-bin.000004";
    /** Where the payload event starts (the end of the transaction's GTID event) and ends. */
    private static final long START = 277;
    private static final long END = 533;
    /**
     * The TRANSACTION_PAYLOAD event (with its CRC32) of this transaction, run with
     * {@code SET SESSION binlog_transaction_compression=ON} on MySQL 9.7.4 with GTIDs on; the
     * events inside are QUERY BEGIN, TABLE_MAP, WRITE_ROWS, TABLE_MAP, UPDATE_ROWS, TABLE_MAP,
     * DELETE_ROWS, XID (456 bytes uncompressed):
     * <pre>
     * CREATE TABLE shop.items (id INT PRIMARY KEY, v VARCHAR(50) CHARACTER SET utf8mb4, d DATETIME(3));
     * BEGIN;
     * INSERT INTO shop.items VALUES (1, 'grüß', '2020-01-01 10:00:00.123'),
     *     (2, 'emoji 😀', '1999-12-31 23:59:59.999'), (3, NULL, NULL);
     * UPDATE shop.items SET v = 'été' WHERE id = 1;
     * DELETE FROM shop.items WHERE id = 3;
     * COMMIT;
     * </pre>
     */
    private static final byte[] MYSQL_EVENT = Base64.getDecoder().decode(
            "GdUTaygBAAAAAAEAABUCAAAAAAIBAAMD/MgBAQHdACi1L/1gyACdBgDyiSYxYEvUGMAgAYCJgcCSWyjDNxgInBhopM1EUcs4/jeZ+F"
                    + "CwCLKLYl+6bf9f/J+WELl3Cv9/QWUiAHlU8ygzA/6VkoCDojZsFRbcBlRFYBcF+eMay110sXEUg048yOsep0gA146NQyj3"
                    + "jG0ku2cXpVXMEhhEtgyxN3As53skhIMZfW0U5sLEMEnmujho2crZDcEHjvw44YfRcr4nGACgBMJ5TRHgDyxWwKTtmCwbCxbv"
                    + "A/AHFpMUJvoK1oJmwAS4sgfagF9O2JZbzrI0EBgUMgAvY9G95A==");
    private static final int HEADER = 19;
    private static final int CHECKSUM = 4;
    private static final TableName ITEMS = new TableName("shop", "items");
    private static final List<TrackedColumn> COLUMNS = List.of(
            new TrackedColumn("id", "int", "int", "integer", false, false, null, List.of(), false),
            new TrackedColumn("v", "varchar", "varchar(50)", "varchar(50)", true, false, "utf8mb4", List.of(), false),
            new TrackedColumn("d", "datetime", "datetime(3)", "timestamp(3)", true, false, null, List.of(), false));
    private static final List<String> CHANGES = List.of(
            "INSERT null -> [1, grüß, 2020-01-01 10:00:00.123]",
            "INSERT null -> [2, emoji 😀, 1999-12-31 23:59:59.999]",
            "INSERT null -> [3, null, null]",
            "UPDATE [1, grüß, 2020-01-01 10:00:00.123] -> [1, été, 2020-01-01 10:00:00.123]",
            "DELETE [3, null, null] -> null");

    private final List<SourceTransaction> handedOn = new ArrayList<>();

    @Test
    void theEventsInsideAreDecodedByOurDeserializersIntoOneTransactionEndingWhereThePayloadEnds() throws Exception {
        assembler(new BatchBounds(100, Long.MAX_VALUE), null).accept(mysqlEvent());

        assertThat(handedOn).singleElement().satisfies(t -> {
            assertThat(t.whole()).isTrue();
            assertThat(t.end()).isEqualTo(new BinlogPosition(FILE, END, null));
            assertThat(t.changes()).extracting(CompressedTransactionTest::text).containsExactlyElementsOf(CHANGES);
        });
    }

    @Test
    void aLargeOneComesInPartsNamedByThePayloadsStartWhichIsNoPlaceToResume() throws Exception {
        assembler(new BatchBounds(2, Long.MAX_VALUE), null).accept(mysqlEvent());

        assertThat(handedOn).extracting(t -> t.part() + (t.last() ? " last " : " ") + t.end().position())
                .containsExactly("1 " + START, "2 " + START, "3 last " + END);
        assertThat(handedOn.stream().flatMap(t -> t.changes().stream()).map(CompressedTransactionTest::text))
                .containsExactlyElementsOf(CHANGES);
    }

    @Test
    void aTableCopiedAtThePayloadsEndHoldsTheTransactionAndOneCopiedBeforeDoesNot() throws Exception {
        assembler(new BatchBounds(2, Long.MAX_VALUE), new BinlogPosition(FILE, END, null)).accept(mysqlEvent());
        assertThat(handedOn).extracting(t -> t.changes().size() + (t.last() ? " last" : "")).containsExactly("0 last");
        handedOn.clear();

        assembler(new BatchBounds(2, Long.MAX_VALUE), new BinlogPosition(FILE, START, null)).accept(mysqlEvent());
        assertThat(handedOn).extracting(t -> t.changes().size()).containsExactly(2, 2, 1);
    }

    @Test
    void aPayloadStoredWithoutCompressionIsReadAlike() throws Exception {
        Event event = deserialize(payloadEvent(CompressedTransaction.NONE, uncompressed(), null), ChecksumType.NONE);

        assembler(new BatchBounds(100, Long.MAX_VALUE), null).accept(event);

        assertThat(handedOn).singleElement().satisfies(t ->
                assertThat(t.changes()).extracting(CompressedTransactionTest::text).containsExactlyElementsOf(CHANGES));
    }

    @Test
    void anUnknownCompressionTypeIsRefusedWithTheFix() {
        byte[] event = payloadEvent(1, new byte[] {1, 2, 3}, 3L);

        assertThatThrownBy(() -> deserialize(event, ChecksumType.NONE))
                .hasStackTraceContaining("compression type 1")
                .hasStackTraceContaining("zstd (0) and none (255)")
                .hasStackTraceContaining("SET GLOBAL binlog_transaction_compression = 'OFF'");
    }

    @Test
    void aPayloadShorterThanItsHeaderAnnouncesStopsTheReaderWithThePlaceToInspect() throws Exception {
        byte[] events = uncompressed();
        byte[] bytes = payloadEvent(CompressedTransaction.ZSTD, Zstd.compress(events), events.length + 10L);
        Event event = deserialize(bytes, ChecksumType.NONE);
        TransactionAssembler assembler = assembler(new BatchBounds(100, Long.MAX_VALUE), null);

        assertThatThrownBy(() -> assembler.accept(event))
                .hasMessageContaining("at " + FILE + ":" + START)
                .hasMessageContaining("hold 456 bytes where its header announces 466")
                .hasMessageContaining("mysqlbinlog --read-from-remote-server --host=localhost --port=3306 --user=reader -p"
                        + " --start-position=" + START + " --stop-position=" + (START + bytes.length));
    }

    private TransactionAssembler assembler(BatchBounds bounds, BinlogPosition itemsSnapshot) {
        return new TransactionAssembler(FILE, null, Map.of(ITEMS, new ReaderTable(COLUMNS, itemsSnapshot)),
                new RowImages(new BinlogValues(true)), bounds, handedOn::add,
                new Mysqlbinlog("localhost", 3306, "reader"));
    }

    private static Event mysqlEvent() throws IOException {
        return deserialize(MYSQL_EVENT, ChecksumType.CRC32);
    }

    private static Event deserialize(byte[] event, ChecksumType checksum) throws IOException {
        EventDeserializer deserializer = BinlogEventDeserializer.create();
        deserializer.setChecksumType(checksum);
        return deserializer.nextEvent(new ByteArrayInputStream(event));
    }

    /** The events inside the server's payload: after its header (12 bytes here), before its checksum. */
    private static byte[] uncompressed() {
        byte[] compressed = Arrays.copyOfRange(MYSQL_EVENT, HEADER + 12, MYSQL_EVENT.length - CHECKSUM);
        return Zstd.decompress(compressed, 456);
    }

    /** A TRANSACTION_PAYLOAD event starting at {@link #START}, without checksum, as MySQL lays it out. */
    private static byte[] payloadEvent(int compression, byte[] payload, Long uncompressedSize) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, 2, compression);
        if (uncompressedSize != null) {
            field(body, 3, uncompressedSize);
        }
        field(body, 1, payload.length);
        body.write(0);
        body.writeBytes(payload);
        int length = HEADER + body.size();
        ByteBuffer event = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        event.putInt(1_700_000_000).put((byte) 40).putInt(1).putInt(length).putInt((int) START + length).putShort((short) 0)
                .put(body.toByteArray());
        return event.array();
    }

    /** Type, length and value, each a packed integer (values below 2^24 here). */
    private static void field(ByteArrayOutputStream out, int type, long value) {
        byte[] packed = value < 251 ? new byte[] {(byte) value}
                : value < 1 << 16 ? new byte[] {(byte) 252, (byte) value, (byte) (value >> 8)}
                : new byte[] {(byte) 253, (byte) value, (byte) (value >> 8), (byte) (value >> 16)};
        out.write(type);
        out.write(packed.length);
        out.writeBytes(packed);
    }

    private static String text(RowChange change) {
        return change.kind() + " " + text(change.before()) + " -> " + text(change.after());
    }

    private static String text(byte[][] image) {
        return image == null ? "null" : Arrays.stream(image)
                .map(v -> v == null ? "null" : new String(v, StandardCharsets.UTF_8)).toList().toString();
    }
}
