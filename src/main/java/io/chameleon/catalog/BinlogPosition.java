package io.chameleon.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A point in the source's binlog: file and position, plus the GTID set executed up to there
 * when the server has one (MySQL GTID set or MariaDB {@code gtid_binlog_pos}), else null.
 */
public record BinlogPosition(String file, long position, String gtidSet) {
    public BinlogPosition {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a binlog position needs a file name");
        }
    }

    @Override
    public String toString() {
        return file + ":" + position + (gtidSet == null ? "" : " (GTID " + gtidSet + ")");
    }

    /** The position stored in three columns named {@code <prefix>binlog_file} and so on, or null. */
    static BinlogPosition read(ResultSet rs, String prefix) throws SQLException {
        String file = rs.getString(prefix + "binlog_file");
        return file == null ? null
                : new BinlogPosition(file, rs.getLong(prefix + "binlog_position"), rs.getString(prefix + "gtid_set"));
    }

    /** Binds file, position and GTID set (all null for a null position) from {@code index} on. */
    static void bind(PreparedStatement s, int index, BinlogPosition p) throws SQLException {
        s.setString(index, p == null ? null : p.file());
        if (p == null) {
            s.setNull(index + 1, Types.BIGINT);
        } else {
            s.setLong(index + 1, p.position());
        }
        s.setString(index + 2, p == null ? null : p.gtidSet());
    }
}
