package io.chameleon.apply;

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
    private final Map<RowKey, byte[][]> survivors = new LinkedHashMap<>();
    private long rowChanges;

    void insert(RowKey key, byte[][] row) {
        survivors.put(key, row);
        rowChanges++;
    }

    /** Both keys are deleted: the old row goes, and the new key is cleared for the final row. */
    void update(RowKey before, RowKey after, byte[][] row) {
        deletedKeys.add(before);
        survivors.remove(before);
        deletedKeys.add(after);
        survivors.put(after, row);
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
    public Map<RowKey, byte[][]> survivors() {
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
