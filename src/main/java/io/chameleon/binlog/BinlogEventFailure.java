package io.chameleon.binlog;

/** A failure reading the binlog whose message already names the place and the mysqlbinlog command to look at it. */
final class BinlogEventFailure extends IllegalStateException {
    BinlogEventFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
