package io.chameleon.apply;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A row's replica key: its key columns' values as MySQL text bytes. Keys are compared by bytes,
 * which is how the converted values compare in PostgreSQL too, since conversion is deterministic.
 */
public final class RowKey {
    private final byte[][] values;
    private final int hash;

    private RowKey(byte[][] values) {
        this.values = values;
        this.hash = Arrays.deepHashCode(values);
    }

    /** The key of {@code row}: the values at {@code positions}, in key order. */
    public static RowKey of(byte[][] row, int[] positions) {
        byte[][] values = new byte[positions.length][];
        for (int i = 0; i < positions.length; i++) {
            values[i] = row[positions[i]];
        }
        return new RowKey(values);
    }

    /** The key's values; shared, not copied: do not modify. */
    byte[][] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey k && hash == k.hash && Arrays.deepEquals(values, k.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** {@code (v1, v2)} as UTF-8, for error messages. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            b.append(i > 0 ? ", " : "").append(values[i] == null ? "NULL" : new String(values[i], StandardCharsets.UTF_8));
        }
        return b.append(')').toString();
    }
}
