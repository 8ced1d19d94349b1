package io.chameleon.binlog;

import io.chameleon.mysql.BinlogPosition;

import java.time.Instant;
import java.util.List;

/**
 * A MySQL transaction as the reader hands it to the applier: its row changes in binlog order, the
 * position just after its commit (where replay resumes once it is applied) and the source's commit
 * time (for lag).
 *
 * <p>A transaction larger than the reader's {@link BatchBounds} comes in parts numbered from 1,
 * the last one flagged: each part holds the next row changes in binlog order. Only the last part's
 * {@code end} is the commit's position; an earlier part's {@code end} is a position inside the
 * transaction (the last one the binlog gave before the part was handed on: MariaDB gives none for
 * row events), without a GTID: it names the part in messages and is never a place to resume. Its
 * {@code sourceTime} is that of the row event being read when it was handed on. A whole transaction is part 1 and last.
 *
 * @param part the part's number, from 1
 * @param last whether the transaction commits after this part
 */
public record SourceTransaction(List<RowChange> changes, BinlogPosition end, Instant sourceTime, int part,
        boolean last) {

    public SourceTransaction {
        changes = List.copyOf(changes);
        if (part < 1) {
            throw new IllegalArgumentException("parts are numbered from 1, not " + part);
        }
    }

    /** A whole transaction, in one part. */
    public SourceTransaction(List<RowChange> changes, BinlogPosition end, Instant sourceTime) {
        this(changes, end, sourceTime, 1, true);
    }

    /** Whether this is a whole transaction rather than a part of a larger one. */
    public boolean whole() {
        return part == 1 && last;
    }

    /** The estimated heap its row changes hold (see {@link RowChange#heapBytes()}). */
    public long heapBytes() {
        return changes.stream().mapToLong(RowChange::heapBytes).sum();
    }
}
