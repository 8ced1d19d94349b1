package io.chameleon.apply;

import io.chameleon.mysql.BinlogPosition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One table's share of a reduced batch. Applying it means: delete every row whose key is in
 * {@link #deletedKeys()}, then insert {@link #survivors()}. That equals replaying the raw changes
 * because every key an UPDATE or DELETE touched is deleted first, and an INSERT in MySQL only
 * succeeds on a key that was absent (or removed earlier in the batch, so deleted first here too).
 */
public final class TableReduction {
    private final Set<RowKey> deletedKeys = new LinkedHashSet<>();
    private final Map<RowKey, Survivor> survivors = new LinkedHashMap<>();
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
        deletedKeys.add(before);
        survivors.remove(before);
        deletedKeys.add(after);
        survivors.put(after, new Survivor(row, at));
        rowChanges++;
    }

    void delete(RowKey key) {
        deletedKeys.add(key);
        survivors.remove(key);
        rowChanges++;
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
