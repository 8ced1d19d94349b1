package io.chameleon.apply;

import io.chameleon.catalog.ColumnAdjustment;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.types.Adjustment;
import io.chameleon.types.ColumnRef;
import io.chameleon.types.ConversionReport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values the applier's converters adjusted under the source's value policies, per column and
 * kind, with the position of the transaction that wrote the first of each: what the replica logs,
 * counts and records in the catalogue, so that nothing is changed silently in the stream either.
 * Only the values written to the target rows count; a key that only locates rows to delete is not a
 * value written.
 */
public final class AdjustedValues {
    private final ConversionReport report = new ConversionReport();
    private final Map<Key, BinlogPosition> first = new HashMap<>();

    private record Key(ColumnRef column, Adjustment kind) {}

    /** Where the converters count. */
    ConversionReport report() {
        return report;
    }

    /** The pairs recorded so far: taken before a row is written, for {@link #wrote}. */
    int mark() {
        return report.size();
    }

    /** A row from the transaction ending at {@code at} was written after {@code mark}. */
    void wrote(int mark, BinlogPosition at) {
        if (report.size() > mark) {
            report.since(mark).forEach(e -> first.putIfAbsent(new Key(e.column(), e.kind()), at));
        }
    }

    /** Adds the counts of another part of the same transaction; the earlier first positions stay. */
    void add(AdjustedValues other) {
        report.add(other.report);
        other.first.forEach(first::putIfAbsent);
    }

    public boolean isEmpty() {
        return report.isEmpty();
    }

    public long total() {
        return report.total();
    }

    /** Per column and kind, sorted by column then kind. */
    public List<ColumnAdjustment> entries() {
        return report.entries().stream().map(e -> new ColumnAdjustment(e.column().table(), e.column().column(),
                e.kind().name(), e.count(), first.get(new Key(e.column(), e.kind())))).toList();
    }
}
