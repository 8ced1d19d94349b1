package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;

/**
 * Reads a TRANSACTION_PAYLOAD event (MySQL 8.0.20+ with binlog_transaction_compression = ON: one
 * transaction's events in one compressed event) without unpacking it: its header fields and the
 * compressed bytes, as a {@link CompressedTransaction} whose events are decoded later, one at a
 * time. The library's own deserializer would unpack the whole transaction into memory at once, and
 * decode its events with the library's default decoders rather than ours.
 *
 * <p>The header is a list of fields, each a packed integer type, a packed integer length and a
 * value of that length (a packed integer), closed by type 0; then the payload.
 */
final class TransactionPayloadDeserializer implements EventDataDeserializer<TransactionPayloadEventData> {
    private static final int END_MARK = 0;
    private static final int PAYLOAD_SIZE = 1;
    private static final int COMPRESSION_TYPE = 2;
    private static final int UNCOMPRESSED_SIZE = 3;

    @Override
    public TransactionPayloadEventData deserialize(ByteArrayInputStream in) throws IOException {
        long payloadSize = -1;
        int compression = -1;
        long uncompressedSize = -1;
        for (int field = in.readPackedInteger(); field != END_MARK; field = in.readPackedInteger()) {
            ByteArrayInputStream value = new ByteArrayInputStream(in.read(in.readPackedInteger()));
            switch (field) {
                case PAYLOAD_SIZE -> payloadSize = value.readPackedLong();
                case COMPRESSION_TYPE -> compression = value.readPackedInteger();
                case UNCOMPRESSED_SIZE -> uncompressedSize = value.readPackedLong();
                default -> { } // a field a newer server adds: its length let us step over it
            }
        }
        if (compression != CompressedTransaction.ZSTD && compression != CompressedTransaction.NONE) {
            throw new IOException("a compressed transaction (TRANSACTION_PAYLOAD) uses compression type " + compression
                    + ", which the replica cannot unpack: it knows zstd (0) and none (255) only; run SET GLOBAL"
                    + " binlog_transaction_compression = 'OFF' on the source (and in my.cnf), then run init_replica"
                    + " again, since the transactions already written this way cannot be read");
        }
        if (payloadSize < 0 || payloadSize > in.available()) {
            throw new IOException("a compressed transaction (TRANSACTION_PAYLOAD) declares a payload of " + payloadSize
                    + " bytes but the event holds " + in.available());
        }
        if (compression == CompressedTransaction.NONE) {
            uncompressedSize = payloadSize; // MySQL leaves the field out when nothing is compressed
        }
        return new CompressedTransaction(compression, in.read((int) payloadSize), uncompressedSize);
    }
}
