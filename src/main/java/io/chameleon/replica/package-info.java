/**
 * The replica daemon of {@code start_replica}: a binlog reader and an applier thread joined by a
 * bounded queue, so a slow PostgreSQL slows the reader down instead of filling memory.
 */
package io.chameleon.replica;
