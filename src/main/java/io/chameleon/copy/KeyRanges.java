package io.chameleon.copy;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an integer key's span into ranges of equal width: a given number, or about
 * {@link #ROWS_PER_CHUNK} rows each and at most 16 per worker; the first range is open below and
 * the last open above, so rows inserted outside [min, max] during planning are still read. Used by
 * the MySQL and PostgreSQL copies.
 */
public final class KeyRanges {
    public static final long ROWS_PER_CHUNK = 100_000;

    /** A range [from, to); a null bound is open. */
    public record Range(Long from, Long to) {}

    private KeyRanges() {}

    /** Whether a table of {@code rows} (estimated) is worth cutting. */
    public static boolean worthSplitting(long rows) {
        return rows >= 2 * ROWS_PER_CHUNK;
    }

    /** @return the ranges; one open range when the span is more than a long counts */
    public static List<Range> split(long min, long max, long rows, int workers) {
        return split(min, max, (int) Math.max(1, Math.min(workers * 16L, (rows + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK)));
    }

    /** @return about {@code parts} ranges; one open range when the span is more than a long counts */
    public static List<Range> split(long min, long max, int parts) {
        if (max - min < 0) {
            return List.of(new Range(null, null));
        }
        long span = max - min + 1;
        long width = Math.max(1, (span + parts - 1) / parts);
        int n = (int) ((span + width - 1) / width);
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ranges.add(new Range(i == 0 ? null : min + i * width, i == n - 1 ? null : min + (i + 1) * width));
        }
        return ranges;
    }
}
