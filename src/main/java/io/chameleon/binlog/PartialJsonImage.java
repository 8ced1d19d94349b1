package io.chameleon.binlog;

import io.chameleon.catalog.TrackedColumn;
import io.chameleon.schema.TableName;

import java.io.Serializable;
import java.util.List;

/**
 * Turns the after image of a MySQL partial update back into a whole one: each JSON cell that holds
 * {@link JsonDiffs} becomes the before image's document with the diffs applied, so the applier gets
 * the full new value, as for any other update.
 */
final class PartialJsonImage {
    private PartialJsonImage() {}

    /**
     * @param before the full before image (binlog_row_image = FULL, which {@link RowImages} checks)
     * @param event where the row event is, for the error: {@code file:position}
     * @return {@code after} itself when it holds no diffs, else a copy with the rebuilt documents
     * @throws IllegalArgumentException naming the table, column and event when the diffs do not
     *     apply to the before image
     */
    static Serializable[] rebuild(TableName table, List<TrackedColumn> columns, Serializable[] before,
            Serializable[] after, String file, long position) {
        Serializable[] whole = after;
        for (int i = 0; i < after.length; i++) {
            if (after[i] instanceof JsonDiffs diffs) {
                whole = whole == after ? after.clone() : whole;
                try {
                    if (!(before[i] instanceof byte[] document)) {
                        throw new IllegalArgumentException("the before image holds no document (SQL NULL) to apply them to");
                    }
                    whole[i] = diffs.applyTo(MysqlJsonBinary.parse(document));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the partial JSON update of " + table + "." + columns.get(i).name()
                            + " (binlog_row_value_options=PARTIAL_JSON) in the row event at " + file + ":" + position
                            + " cannot be applied to the row's before image: " + e.getMessage()
                            + "; inspect it with: mysqlbinlog --start-position=" + position + " -vv " + file, e);
                }
            }
        }
        return whole;
    }
}
