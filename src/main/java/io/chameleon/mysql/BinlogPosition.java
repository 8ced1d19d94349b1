package io.chameleon.mysql;

/**
 * A point in the source's binary log: file and position, and the GTID set (MySQL) or GTID
 * position (MariaDB, domain-server-sequence) of the same point when the server has one.
 */
public record BinlogPosition(String file, long position, String gtidSet) implements Comparable<BinlogPosition> {

    public BinlogPosition {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a binlog position needs a file name");
        }
    }

    /** Binlog files sort by their numeric suffix, which has a fixed width within one server. */
    @Override
    public int compareTo(BinlogPosition o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Long.compare(position, o.position);
    }

    @Override
    public String toString() {
        return file + ":" + position + (gtidSet == null || gtidSet.isEmpty() ? "" : " (GTID " + gtidSet + ")");
    }
}
