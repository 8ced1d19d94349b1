package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;

/**
 * MySQL's compressed transactions (binlog_transaction_compression = ON: a whole transaction in one
 * zstd TRANSACTION_PAYLOAD event). The library would unpack them with a decoder of its own, not
 * ours (temporal values, character columns as bytes), and needs zstd-jni to do so; the replica
 * stops at such an event with the fix, rather than read it wrong or skip it. `check` refuses the
 * setting before a replica starts.
 */
final class CompressedTransactionRefusal implements EventDataDeserializer<EventData> {
    @Override
    public EventData deserialize(ByteArrayInputStream in) throws IOException {
        throw new IOException("a compressed transaction (TRANSACTION_PAYLOAD, written with"
                + " binlog_transaction_compression = ON) is not supported: run SET GLOBAL binlog_transaction_compression"
                + " = 'OFF' on the source (and in my.cnf), reconnect its applications, then run init_replica again, since"
                + " the transactions already written compressed cannot be read");
    }
}
