package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TABLE_MAP events, decoded once per table definition. Every transaction logs the map of each table
 * it writes again, byte for byte the same until the table changes; with MariaDB's
 * binlog_row_metadata=FULL it carries every column name, and decoding it took 46% of the binlog
 * reader's samples in a sysbench catch-up (bench/README.md, "Streaming"). A map whose bytes equal
 * the last ones of its table id is the same map: the earlier decoding is handed back.
 */
final class RepeatedTableMaps {
    /** Table ids kept; a schema with more tables decodes the others each time, as before. */
    private static final int KEPT = 1024;

    private record Decoded(byte[] body, TableMapEventData map) {}

    private final TableMapEventDataDeserializer library = new TableMapEventDataDeserializer();
    private final Map<Long, Decoded> byTableId = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Decoded> eldest) {
            return size() > KEPT;
        }
    };

    /** The map an event's body (checksum excluded) holds. */
    TableMapEventData decode(byte[] body) throws IOException {
        long tableId = tableId(body);
        Decoded last = byTableId.get(tableId);
        if (last != null && Arrays.equals(last.body(), body)) {
            return last.map();
        }
        TableMapEventData map = library.deserialize(new ByteArrayInputStream(body));
        byTableId.put(tableId, new Decoded(body, map));
        return map;
    }

    /** The first 6 bytes, little-endian (the library reads them the same way). */
    private static long tableId(byte[] body) {
        long id = 0;
        for (int i = Math.min(6, body.length) - 1; i >= 0; i--) {
            id = id << 8 | body[i] & 0xFF;
        }
        return id;
    }
}
