package io.chameleon.compare;

/**
 * A part of a table compared on its own: the keys from {@code from} (inclusive) to {@code to}
 * (exclusive; null: no end) of its range column, or the whole table when both are null.
 */
record KeyRange(ComparedTable table, Long from, Long to) {
    static KeyRange whole(ComparedTable table) {
        return new KeyRange(table, null, null);
    }

    boolean whole() {
        return from == null;
    }
}
