package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The event deserializer our reader uses: the library's, except that row events hand over text
 * and binary columns as raw bytes (decoded later with the column's charset) and dates and times
 * as MySQL's own text (see {@link TemporalText}), which is what {@link BinlogValues} expects. A
 * compressed transaction is left compressed, its events decoded later by this same deserializer
 * (see {@link CompressedTransaction}).
 */
public final class BinlogEventDeserializer {
    private BinlogEventDeserializer() {}

    public static EventDeserializer create() {
        EventDeserializer defaults = new EventDeserializer();
        Map<EventType, EventDataDeserializer> byType = new IdentityHashMap<>();
        for (EventType type : EventType.values()) {
            byType.put(type, defaults.getEventDataDeserializer(type));
        }
        // the library's TABLE_MAP handling fills this map; our row deserializers read from it
        Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        byType.put(EventType.QUERY, new StatementEventDeserializer());
        byType.put(EventType.TRANSACTION_PAYLOAD, new TransactionPayloadDeserializer());
        byType.put(EventType.WRITE_ROWS, new Write(tableMaps));
        byType.put(EventType.UPDATE_ROWS, new Update(tableMaps));
        byType.put(EventType.DELETE_ROWS, new Delete(tableMaps));
        byType.put(EventType.EXT_WRITE_ROWS, new Write(tableMaps).setMayContainExtraInformation(true));
        byType.put(EventType.EXT_UPDATE_ROWS, new Update(tableMaps).setMayContainExtraInformation(true));
        byType.put(EventType.PARTIAL_UPDATE_ROWS_EVENT, new PartialUpdateRowsDeserializer(tableMaps));
        byType.put(EventType.EXT_DELETE_ROWS, new Delete(tableMaps).setMayContainExtraInformation(true));
        EventDeserializer d = new EventDeserializer(new EventHeaderV4Deserializer(), new NullEventDataDeserializer(),
                byType, tableMaps);
        d.setCompatibilityMode(CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        return d;
    }

    private static final class Write extends WriteRowsEventDataDeserializer {
        Write(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        public Write setMayContainExtraInformation(boolean value) {
            super.setMayContainExtraInformation(value);
            return this;
        }

        @Override
        protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
                throws IOException {
            return TemporalText.handles(type) ? TemporalText.read(type, meta, in) : super.deserializeCell(type, meta, length, in);
        }
    }

    private static final class Update extends UpdateRowsEventDataDeserializer {
        Update(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        public Update setMayContainExtraInformation(boolean value) {
            super.setMayContainExtraInformation(value);
            return this;
        }

        @Override
        protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
                throws IOException {
            return TemporalText.handles(type) ? TemporalText.read(type, meta, in) : super.deserializeCell(type, meta, length, in);
        }
    }

    private static final class Delete extends DeleteRowsEventDataDeserializer {
        Delete(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        public Delete setMayContainExtraInformation(boolean value) {
            super.setMayContainExtraInformation(value);
            return this;
        }

        @Override
        protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
                throws IOException {
            return TemporalText.handles(type) ? TemporalText.read(type, meta, in) : super.deserializeCell(type, meta, length, in);
        }
    }
}
