package io.chameleon.types;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of the adjustments made while converting, per column and kind, so that the caller can log
 * and sum them: nothing is changed silently. Not thread-safe: one per worker, merged with
 * {@link #add(ConversionReport)}.
 */
public final class ConversionReport {
    private final Map<Key, long[]> counts = new LinkedHashMap<>();

    private record Key(ColumnRef column, Adjustment kind) {}

    /** One line of the report. */
    public record Entry(ColumnRef column, Adjustment kind, long count) {
        @Override
        public String toString() {
            return column + ": " + count + " " + kind.description();
        }
    }

    public void record(ColumnRef column, Adjustment kind) {
        counts.computeIfAbsent(new Key(column, kind), k -> new long[1])[0]++;
    }

    public void add(ConversionReport other) {
        other.counts.forEach((k, n) -> counts.computeIfAbsent(k, x -> new long[1])[0] += n[0]);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    public long total() {
        return counts.values().stream().mapToLong(n -> n[0]).sum();
    }

    public long countOf(ColumnRef column, Adjustment kind) {
        long[] n = counts.get(new Key(column, kind));
        return n == null ? 0 : n[0];
    }

    /** How many column and kind pairs have been recorded. */
    public int size() {
        return counts.size();
    }

    /**
     * The pairs recorded first after the report had {@code size} of them, in the order they came:
     * what one value or row added, told by {@link #size()} before and after it.
     */
    public List<Entry> since(int size) {
        List<Entry> list = new ArrayList<>();
        counts.forEach((k, n) -> list.add(new Entry(k.column(), k.kind(), n[0])));
        return list.subList(Math.min(size, list.size()), list.size());
    }

    /** Sorted by column, then kind. */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>();
        counts.forEach((k, n) -> list.add(new Entry(k.column(), k.kind(), n[0])));
        list.sort(Comparator.comparing((Entry e) -> e.column().toString()).thenComparing(Entry::kind));
        return list;
    }
}
