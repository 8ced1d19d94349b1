package io.chameleon.replica;

import java.time.Duration;

/**
 * What maintenance did to one table.
 *
 * @param table {@code schema.table} in PostgreSQL
 * @param deadRowsBefore dead rows PostgreSQL's statistics counted before (they lag a few seconds behind the
 *     writes); null when not measured, like {@code bytesBefore}
 * @param bytesBefore the table's size with indexes and TOAST before
 * @param bytesAfter the same after; null when the table was not vacuumed
 * @param vacuumed false when the table was left out or PostgreSQL warned (see {@code note})
 * @param note why it was left out, or what PostgreSQL warned about; null when all went well
 */
public record TableMaintenance(String table, Long deadRowsBefore, Long bytesBefore, Long bytesAfter, Duration took,
        boolean vacuumed, String note) {}
