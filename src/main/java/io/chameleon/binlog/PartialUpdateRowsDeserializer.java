package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.AbstractRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * MySQL's PARTIAL_UPDATE_ROWS_EVENT (type 39, written with binlog_row_value_options =
 * PARTIAL_JSON), which the library leaves undecoded. It is an UPDATE_ROWS v2 event whose after
 * images start with a packed integer of value options; with PARTIAL_JSON (bit 1) set, a bitmap
 * follows with one bit per JSON column of the table, set where that column's cell holds
 * {@link JsonDiffs} instead of the document (MySQL's rpl_record.cc pack_row). Those cells come out
 * as {@link JsonDiffs}; {@link PartialJsonImage} applies them to the before image, so the rest of
 * the reader sees an ordinary update.
 */
final class PartialUpdateRowsDeserializer extends AbstractRowsEventDataDeserializer<UpdateRowsEventData> {
    private static final int PARTIAL_JSON = 1;

    private final Map<Long, TableMapEventData> tableMaps;

    PartialUpdateRowsDeserializer(Map<Long, TableMapEventData> tableMaps) {
        super(tableMaps);
        this.tableMaps = tableMaps;
    }

    @Override
    public UpdateRowsEventData deserialize(ByteArrayInputStream in) throws IOException {
        UpdateRowsEventData data = new UpdateRowsEventData();
        data.setTableId(in.readLong(6));
        in.skip(2); // flags
        in.skip(in.readInteger(2) - 2); // extra row information, its length counting its own 2 bytes
        int columns = in.readPackedInteger();
        data.setIncludedColumnsBeforeUpdate(in.readBitSet(columns, true));
        data.setIncludedColumns(in.readBitSet(columns, true));
        List<Map.Entry<Serializable[], Serializable[]>> rows = new ArrayList<>();
        while (in.available() > 0) {
            Serializable[] before = deserializeRow(data.getTableId(), data.getIncludedColumnsBeforeUpdate(), in);
            rows.add(new AbstractMap.SimpleEntry<>(before, after(data, in)));
        }
        data.setRows(rows);
        return data;
    }

    private Serializable[] after(UpdateRowsEventData data, ByteArrayInputStream in) throws IOException {
        byte[] types = tableMaps.get(data.getTableId()).getColumnTypes();
        List<Integer> jsonColumns = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if ((types[i] & 0xFF) == ColumnType.JSON.getCode()) {
                jsonColumns.add(i);
            }
        }
        boolean partial = (in.readPackedLong() & PARTIAL_JSON) != 0;
        BitSet partialJson = partial ? in.readBitSet(jsonColumns.size(), true) : new BitSet();
        Serializable[] after = deserializeRow(data.getTableId(), data.getIncludedColumns(), in);
        for (int j = partialJson.nextSetBit(0); j >= 0; j = partialJson.nextSetBit(j + 1)) {
            int column = jsonColumns.get(j);
            // the image holds the included columns only: the cell's place is the count of included columns before it
            int cell = data.getIncludedColumns().get(0, column).cardinality();
            after[cell] = JsonDiffs.read((byte[]) after[cell]);
        }
        return after;
    }

    @Override
    protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
            throws IOException {
        return TemporalText.handles(type) ? TemporalText.read(type, meta, in) : super.deserializeCell(type, meta, length, in);
    }
}
