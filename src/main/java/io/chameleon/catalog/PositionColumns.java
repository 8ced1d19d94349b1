package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** A binlog position as the catalogue stores it: three columns {@code <prefix>binlog_file}, {@code binlog_position}, {@code gtid_set}. */
final class PositionColumns {
    private PositionColumns() {}

    /** The position stored under {@code prefix}, or null. */
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
