package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;

import java.time.Instant;

/**
 * What one batch applied, as the catalogue records it with the batch's own transaction.
 *
 * @param end the position after the batch's last transaction, where replay resumes
 * @param sourceTime the MySQL time of that transaction, for replay lag
 * @param transactions the MySQL transactions the batch completes
 * @param rowChanges row changes applied
 * @param skippedRowChanges row changes left out (tables without a replica key or disabled)
 * @param ddl DDL statements applied
 */
public record AppliedBatch(BinlogPosition end, Instant sourceTime, int transactions, long rowChanges,
        long skippedRowChanges, long ddl) {}
