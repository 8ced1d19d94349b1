package io.chameleon.binlog;

/**
 * How much the replica holds in memory at once: the reader hands a transaction on in parts of at
 * most this size, and the applier's batches of whole transactions close once they reach it. Bytes
 * are {@link RowChange#heapBytes() estimates} of the row images, so rows with large values make
 * smaller batches. A single row change larger than {@code bytes} still makes a part of its own.
 *
 * @param rows the most row changes
 * @param bytes the most bytes of row images
 */
public record BatchBounds(int rows, long bytes) {

    public BatchBounds {
        if (rows < 1 || bytes < 1) {
            throw new IllegalArgumentException("batch bounds must be positive: " + rows + " rows, " + bytes + " bytes");
        }
    }

    /** Whether {@code rows} row changes holding {@code bytes} fill a batch or a part. */
    public boolean reached(long rows, long bytes) {
        return rows >= this.rows || bytes >= this.bytes;
    }
}
