package io.chameleon.binlog;

import io.chameleon.catalog.TrackedColumn;
import io.chameleon.schema.TableName;

import java.io.Serializable;
import java.util.BitSet;
import java.util.List;

/** Turns a row image of a row event into text-protocol values, one per tracked column. */
final class RowImages {
    private final BinlogValues values;

    RowImages(BinlogValues values) {
        this.values = values;
    }

    /**
     * @param included the columns the image carries; replay needs them all (binlog_row_image=FULL),
     *     and a count other than the tracked one means a DDL changed the table behind our back
     */
    byte[][] decode(TableName table, List<TrackedColumn> columns, BitSet included, Serializable[] image) {
        if (image.length != columns.size() || included.cardinality() != columns.size()) {
            throw new IllegalStateException("a row event of " + table + " carries " + included.cardinality()
                    + " of its columns but " + columns.size() + " are tracked: the table changed, or the server"
                    + " does not log full row images (binlog_row_image=FULL)");
        }
        byte[][] text = new byte[image.length][];
        for (int i = 0; i < image.length; i++) {
            text[i] = values.toText(image[i], columns.get(i), table);
        }
        return text;
    }
}
