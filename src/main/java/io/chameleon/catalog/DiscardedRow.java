package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row PostgreSQL could not take, kept with the reason.
 *
 * @param rowKey the row's replica key as text (e.g. {@code id=42}), or null when the table has none
 * @param column the column whose value was refused, or null when no single column is to blame
 * @param rowImage column name to value as text (null for SQL NULL), in MySQL column order
 * @param position the binlog event the row came from; null for a row of the initial copy
 * @param discardedAt when it was recorded; null in a row not yet recorded
 */
public record DiscardedRow(
        TableName table,
        String rowKey,
        String column,
        String reason,
        Map<String, String> rowImage,
        BinlogPosition position,
        Instant discardedAt) {

    public DiscardedRow {
        rowImage = rowImage == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(rowImage));
    }

    public static DiscardedRow of(TableName table, String rowKey, String column, String reason,
            Map<String, String> rowImage, BinlogPosition position) {
        return new DiscardedRow(table, rowKey, column, reason, rowImage, position, null);
    }
}
