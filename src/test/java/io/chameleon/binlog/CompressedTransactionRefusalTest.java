package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A TRANSACTION_PAYLOAD event stops the reader's decoder with the fix; it is never skipped. */
class CompressedTransactionRefusalTest {
    private static final int TRANSACTION_PAYLOAD = 40;

    @Test
    void aCompressedTransactionIsRefusedWithTheFix() {
        byte[] body = {2, 1, 10, 1, 0, 3, 1, 20, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}; // payload size, type, size, bytes
        ByteBuffer event = ByteBuffer.allocate(19 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        event.putInt(1_700_000_000).put((byte) TRANSACTION_PAYLOAD).putInt(1).putInt(19 + body.length)
                .putInt(4 + 19 + body.length).putShort((short) 0).put(body);
        assertThatThrownBy(() -> BinlogEventDeserializer.create().nextEvent(new ByteArrayInputStream(event.array())))
                .hasStackTraceContaining("binlog_transaction_compression = 'OFF'")
                .hasStackTraceContaining("init_replica again");
    }
}
