package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
/** show_errors --logid: the summary with the statement that failed, the message and the binlog position. */
public record ErrorDetail(ErrorSummary summary, String sql, String message, BinlogPosition position) {}
