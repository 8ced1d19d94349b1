package io.chameleon.apply;

import io.chameleon.mysql.BinlogPosition;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One table's share of a reduced batch. Applying it means: delete every row whose key is in
 * {@link #deletedKeys()}, then insert {@link #survivors()}. That equals replaying the raw changes
 * because every key an UPDATE or DELETE touched is deleted first, and an INSERT in MySQL only
 * succeeds on a key that was absent (or removed earlier in the batch, so deleted first here too).
 * A key whose row was there before and still is ({@link #updatedInPlace}) may instead be updated
 * in place with its final row: the same end state, with fewer index writes.
 */
public final class TableReduction {
    private final Set<RowKey> deletedKeys = new LinkedHashSet<>();
    private final Map<RowKey, Survivor> survivors = new LinkedHashMap<>();
    /** Keys whose first change here was an UPDATE's before image or a DELETE: the row was there before. */
    private final Set<RowKey> present = new HashSet<>();
    private long rowChanges;

    /**
     * A final row and the end of the transaction that wrote it, where a value the converters adjust
     * is reported to come from.
     */
    public record Survivor(byte[][] row, BinlogPosition writtenAt) {}

    void insert(RowKey key, byte[][] row, BinlogPosition at) {
        survivors.put(key, new Survivor(row, at));
        rowChanges++;
    }

    /** Both keys are deleted: the old row goes, and the new key is cleared for the final row. */
    void update(RowKey before, RowKey after, byte[][] row, BinlogPosition at) {
        firstTouchFindsRow(before);
        deletedKeys.add(before);
        survivors.remove(before);
        deletedKeys.add(after);
        survivors.put(after, new Survivor(row, at));
        rowChanges++;
    }

    void delete(RowKey key) {
        firstTouchFindsRow(key);
        deletedKeys.add(key);
        survivors.remove(key);
        rowChanges++;
    }

    private void firstTouchFindsRow(RowKey key) {
        if (!deletedKeys.contains(key) && !survivors.containsKey(key)) {
            present.add(key);
        }
    }

    /**
     * Whether the row of {@code key} was in the table before this reduction and is still there
     * after it, under the same key: its final row can be written over the old one in place
     * (an UPDATE, no index entry moved unless an indexed value changed), rather than deleted and
     * inserted. A key first reached as an UPDATE's new key is not: MySQL only proves it free, so
     * it is cleared first as before.
     */
    public boolean updatedInPlace(RowKey key) {
        return present.contains(key) && survivors.containsKey(key);
    }

    /** Keys to delete from the target, old and new keys of updates and deleted keys, in first-touch order. */
    public Set<RowKey> deletedKeys() {
        return Collections.unmodifiableSet(deletedKeys);
    }

    /** Final rows to insert, by key. */
    public Map<RowKey, Survivor> survivors() {
        return Collections.unmodifiableMap(survivors);
    }

    /** Whether the table only gained rows, so its survivors can be copied straight into the target. */
    public boolean insertOnly() {
        return deletedKeys.isEmpty();
    }

    /** The raw row changes this reduction stands for. */
    public long rowChanges() {
        return rowChanges;
    }
}
