package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

/**
 * A failure to record for show_errors.
 *
 * @param batchId the replay batch it happened in, or null
 * @param table the MySQL table concerned, or null when the failure is not about one table
 * @param sql the statement that failed, or null
 * @param position the binlog event being applied, or null (the initial copy)
 */
public record ErrorEntry(Long batchId, TableName table, String sql, String message, BinlogPosition position) {}
