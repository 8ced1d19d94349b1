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

    /**
     * Whether the server's state at this point includes the one at {@code other}: every transaction
     * committed there is committed here. Told by the MySQL GTID sets when both points have one, the
     * only comparison that holds across the servers of a replication topology (a source and its
     * replicas number their binlog files and positions each their own way); else by file and position.
     */
    public boolean includes(BinlogPosition other) {
        if (MysqlGtidSet.isMysqlForm(gtidSet) && MysqlGtidSet.isMysqlForm(other.gtidSet)) {
            return MysqlGtidSet.parse(gtidSet).containsAll(MysqlGtidSet.parse(other.gtidSet));
        }
        return compareTo(other) >= 0;
    }

    /**
     * Whether the state at this point includes a transaction not committed at {@code inside}, a
     * position within it: by file and position, this point lies past it (a state is read at a
     * commit boundary, so past a position within the transaction is past its commit); by GTID sets,
     * {@code inside} carries the set the transaction leaves once committed.
     */
    public boolean includesTransactionAt(BinlogPosition inside) {
        if (MysqlGtidSet.isMysqlForm(gtidSet) && MysqlGtidSet.isMysqlForm(inside.gtidSet)) {
            return includes(inside);
        }
        return compareTo(inside) > 0;
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
