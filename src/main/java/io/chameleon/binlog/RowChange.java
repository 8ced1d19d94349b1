package io.chameleon.binlog;

import io.chameleon.schema.TableName;

/**
 * One row changed by a source transaction. Values are in the form MySQL's text protocol sends
 * them (the bytes init_replica reads), one per tracked column in ordinal order, null for SQL
 * NULL, so the same converters turn both paths' values into the same PostgreSQL values.
 *
 * @param before the row before the change (UPDATE, DELETE), else null
 * @param after the row after the change (INSERT, UPDATE), else null
 */
public record RowChange(TableName table, Kind kind, byte[][] before, byte[][] after) {
    /** Object headers and references on a 64-bit JVM, rounded up: an estimate errs on the large side. */
    private static final int HEADER = 16;
    private static final int REFERENCE = 8;
    private static final int CHANGE = HEADER + 4 * REFERENCE;

    public enum Kind { INSERT, UPDATE, DELETE }

    /**
     * An estimate of the heap this change holds: the change, its row image arrays and every value's
     * bytes. The replica's memory bounds count in these.
     */
    public long heapBytes() {
        return CHANGE + imageBytes(before) + imageBytes(after);
    }

    private static long imageBytes(byte[][] image) {
        if (image == null) {
            return 0;
        }
        long bytes = arrayBytes((long) image.length * REFERENCE);
        for (byte[] value : image) {
            if (value != null) {
                bytes += arrayBytes(value.length);
            }
        }
        return bytes;
    }

    /** Arrays are padded to 8 bytes. */
    private static long arrayBytes(long payload) {
        return (HEADER + payload + 7) & ~7L;
    }
}
