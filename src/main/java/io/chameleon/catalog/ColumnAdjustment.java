package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;

/**
 * Values replay adjusted in one MySQL column under the source's value policies, of one kind.
 *
 * @param kind the adjustment's name, e.g. {@code ZERO_DATE_TO_NULL}
 * @param values how many values
 * @param first the end of the transaction that wrote the first of them
 */
public record ColumnAdjustment(TableName table, String column, String kind, long values, BinlogPosition first) {}
