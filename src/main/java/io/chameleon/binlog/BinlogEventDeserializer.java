package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.ByteArrayEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeader;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ByteArrayEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.ChecksumType;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializationException;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderDeserializer;
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
 * (see {@link CompressedTransaction}). MySQL 8.3+'s tagged GTID events, which the library does not
 * know, come as {@link GtidTaggedEventData}.
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
        // not needed (the position's GTID set comes from the transactions), and the library's reader fails on
        // the tagged form MySQL 8.3+ writes once a tagged GTID was executed
        byType.put(EventType.PREVIOUS_GTIDS, new NullEventDataDeserializer());
        byType.put(EventType.TRANSACTION_PAYLOAD, new TransactionPayloadDeserializer());
        byType.put(EventType.WRITE_ROWS, new Write(tableMaps));
        byType.put(EventType.UPDATE_ROWS, new Update(tableMaps));
        byType.put(EventType.DELETE_ROWS, new Delete(tableMaps));
        byType.put(EventType.EXT_WRITE_ROWS, new Write(tableMaps).setMayContainExtraInformation(true));
        byType.put(EventType.EXT_UPDATE_ROWS, new Update(tableMaps).setMayContainExtraInformation(true));
        byType.put(EventType.PARTIAL_UPDATE_ROWS_EVENT, new PartialUpdateRowsDeserializer(tableMaps));
        byType.put(EventType.EXT_DELETE_ROWS, new Delete(tableMaps).setMayContainExtraInformation(true));
        // unknown types keep their bytes: the type 42 among them becomes a GtidTaggedEventData
        byType.put(EventType.UNKNOWN, new ByteArrayEventDataDeserializer());
        EventDeserializer d = new TaggedGtidAware(byType, tableMaps);
        d.setCompatibilityMode(CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        return d;
    }

    /**
     * The library's deserializer, with the events of type 42 decoded and each table's TABLE_MAP
     * decoded once ({@link RepeatedTableMaps}): the library decodes a TABLE_MAP itself whatever
     * deserializer is registered for it, hence the override of its own step.
     */
    private static final class TaggedGtidAware extends EventDeserializer {
        private final Map<Long, TableMapEventData> tableMaps;
        private final RepeatedTableMaps repeated = new RepeatedTableMaps();
        private int checksumLength;

        TaggedGtidAware(Map<EventType, EventDataDeserializer> byType, Map<Long, TableMapEventData> tableMaps) {
            super(new RawTypeHeaderDeserializer(), new NullEventDataDeserializer(), byType, tableMaps);
            this.tableMaps = tableMaps;
        }

        @Override
        public void setChecksumType(ChecksumType checksumType) {
            super.setChecksumType(checksumType);
            checksumLength = checksumType.getLength();
        }

        @Override
        public EventData deserializeTableMapEventData(ByteArrayInputStream in, EventHeader header) throws IOException {
            byte[] body = in.read((int) header.getDataLength() - checksumLength);
            in.skip(checksumLength);
            try {
                TableMapEventData map = repeated.decode(body);
                tableMaps.put(map.getTableId(), map);
                return map;
            } catch (IOException | RuntimeException e) {
                throw new EventDataDeserializationException(header, e);
            }
        }

        @Override
        public Event nextEvent(ByteArrayInputStream in) throws IOException {
            Event event = super.nextEvent(in);
            if (event != null && event.getHeader() instanceof RawTypeHeader header
                    && header.rawType == GtidTaggedEventData.TYPE) {
                byte[] body = ((ByteArrayEventData) event.getData()).getData();
                try {
                    return new Event(header, GtidTaggedEventData.read(body));
                } catch (IOException | RuntimeException e) {
                    throw new EventDataDeserializationException(header, e);
                }
            }
            return event;
        }
    }

    /** The library's header, which maps the types it does not know to UNKNOWN, with the type number as read. */
    private static final class RawTypeHeader extends EventHeaderV4 {
        private int rawType;
    }

    /** The library's header layout (v4: 19 bytes), keeping the type number. */
    private static final class RawTypeHeaderDeserializer implements EventHeaderDeserializer<EventHeaderV4> {
        @Override
        public EventHeaderV4 deserialize(ByteArrayInputStream in) throws IOException {
            RawTypeHeader header = new RawTypeHeader();
            header.setTimestamp(in.readLong(4) * 1000L);
            header.rawType = in.readInteger(1);
            EventType type = EventType.byEventNumber(header.rawType);
            header.setEventType(type == null ? EventType.UNKNOWN : type);
            header.setServerId(in.readLong(4));
            header.setEventLength(in.readLong(4));
            header.setNextPosition(in.readLong(4));
            header.setFlags(in.readInteger(2));
            return header;
        }
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
