package io.chameleon.binlog;

import io.chameleon.mysql.BinlogPosition;

import java.time.Instant;
import java.util.List;

/**
 * A whole MySQL transaction as the reader hands it to the applier: its row changes in binlog
 * order, the position just after its commit (where replay resumes once it is applied) and the
 * source's commit time (for lag).
 */
public record SourceTransaction(List<RowChange> changes, BinlogPosition end, Instant sourceTime) {
    public SourceTransaction {
        changes = List.copyOf(changes);
    }
}
