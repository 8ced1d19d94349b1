package io.chameleon.binlog;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;

/**
 * A TRANSACTION_PAYLOAD event as {@link TransactionPayloadDeserializer} read it: the still compressed
 * events of one whole transaction (QUERY BEGIN, TABLE_MAPs, row events, XID; its GTID event comes
 * before it, outside). {@link #forEachEvent} decompresses them as a stream and decodes them one at a
 * time with our deserializers, so only the compressed bytes and two decoded events are held at once,
 * however large the transaction.
 *
 * <p>The events inside have no position of their own (their headers say 0). Each is given the
 * payload's start, a position inside the transaction as the parts of a large transaction need, and
 * the last one (the commit) the payload's end, where reading resumes after the transaction: so no
 * position inside a payload ever becomes a place to resume.
 */
final class CompressedTransaction extends TransactionPayloadEventData {
    static final int ZSTD = 0;
    static final int NONE = 255;
    /** Between the decompressor and the event decoder, which reads a byte at a time. */
    private static final int BUFFER = 64 * 1024;

    /** As the header gives it (a long: a transaction may pass 2 GiB), -1 when it does not. */
    private final long uncompressedSize;

    CompressedTransaction(int compression, byte[] payload, long uncompressedSize) {
        setCompressionType(compression);
        setPayload(payload);
        setPayloadSize(payload.length);
        // the library walks this list after our deserializer returns; the events are handed on by forEachEvent instead
        setUncompressedEvents(new ArrayList<>());
        this.uncompressedSize = uncompressedSize;
    }

    /** Takes the events of a compressed transaction one by one, in binlog order. */
    interface EventHandler {
        void accept(Event event) throws InterruptedException;
    }

    /**
     * Hands each event inside to {@code handler}, decoded as {@link BinlogEventDeserializer} decodes
     * the events outside, with the positions described above.
     *
     * @param header the TRANSACTION_PAYLOAD event's header: where the payload starts and ends
     * @throws IOException when the payload cannot be decompressed or an event in it decoded
     */
    void forEachEvent(EventHeaderV4 header, EventHandler handler) throws IOException, InterruptedException {
        // a deserializer of its own: inside, events carry no checksum, and the table maps are the payload's own
        EventDeserializer deserializer = BinlogEventDeserializer.create();
        long read = 0;
        try (InputStream bytes = uncompressed()) {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            Event event = deserializer.nextEvent(in);
            while (event != null) {
                EventHeaderV4 inner = (EventHeaderV4) event.getHeader();
                read += inner.getEventLength();
                // one event read ahead, to know which one is the last
                Event next = deserializer.nextEvent(in);
                inner.setNextPosition(next == null ? header.getNextPosition() : header.getPosition());
                handler.accept(event);
                event = next;
            }
        }
        if (uncompressedSize >= 0 && read != uncompressedSize) {
            throw new IOException("its events hold " + read + " bytes where its header announces " + uncompressedSize);
        }
    }

    private InputStream uncompressed() throws IOException {
        InputStream payload = new java.io.ByteArrayInputStream(getPayload());
        return getCompressionType() == NONE ? payload : new BufferedInputStream(new ZstdInputStreamNoFinalizer(payload), BUFFER);
    }
}
