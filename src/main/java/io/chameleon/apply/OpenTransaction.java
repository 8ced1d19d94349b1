package io.chameleon.apply;

import io.chameleon.binlog.SourceTransaction;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the applier's PostgreSQL transaction holds until it commits: the parts of one MySQL
 * transaction applied so far (a batch of whole transactions is a part 1 that commits at once), the
 * row changes they applied and left out, the values they adjusted, and the tables on_error_replay continue disabled in it,
 * which take effect in the applier only once the transaction commits.
 */
final class OpenTransaction {
    private final SortedMap<TableName, String> disabled = new TreeMap<>();
    private int lastPart;
    private BinlogPosition lastEnd;
    private long rowChanges;
    private long skippedRowChanges;
    private final AdjustedValues adjusted = new AdjustedValues();

    /** Whether {@code next} is the part that follows the last one applied. */
    boolean continuedBy(SourceTransaction next) {
        return lastPart > 0 && next.part() == lastPart + 1;
    }

    void applied(SourceTransaction part, long partRowChanges, long partSkippedRowChanges, AdjustedValues partAdjusted) {
        lastPart = part.part();
        adjusted.add(partAdjusted);
        lastEnd = part.end();
        rowChanges += partRowChanges;
        skippedRowChanges += partSkippedRowChanges;
    }

    /** Row changes applied by all its parts. */
    long rowChanges() {
        return rowChanges;
    }

    /** Row changes its parts left out: tables without a key, or disabled by on_error_replay continue. */
    long skippedRowChanges() {
        return skippedRowChanges;
    }

    /** Values all its parts adjusted under the source's value policies. */
    AdjustedValues adjusted() {
        return adjusted;
    }

    int parts() {
        return lastPart;
    }

    void disable(TableName table, String message) {
        disabled.put(table, message);
    }

    boolean disabled(TableName table) {
        return disabled.containsKey(table);
    }

    SortedMap<TableName, String> disabledTables() {
        return Collections.unmodifiableSortedMap(disabled);
    }

    /** E.g. {@code 3 parts up to mysql-bin.000001:4711}. */
    @Override
    public String toString() {
        return lastPart + (lastPart == 1 ? " part" : " parts") + " up to " + lastEnd;
    }
}
