package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.io.ByteArrayOutputStream;
import com.github.shyiko.mysql.binlog.network.protocol.command.Command;
import com.github.shyiko.mysql.binlog.network.protocol.command.CommandType;
import io.chameleon.mysql.MysqlGtidSet;

import java.io.IOException;

/**
 * The library's client, which can also ask a MySQL server for its binlog by GTID set: the server
 * sends every transaction whose GTID is not in the set, from whatever file holds it. The library's
 * own GTID request cannot carry the tagged GTIDs of MySQL 8.3+, so the request is ours.
 */
final class MysqlGtidDumpClient extends BinaryLogClient {
    /** Where to resume from; null to read by the file and position set on the client. */
    private final MysqlGtidSet resumeAfter;

    MysqlGtidDumpClient(String host, int port, String user, String password, MysqlGtidSet resumeAfter) {
        super(host, port, user, password);
        this.resumeAfter = resumeAfter;
    }

    @Override
    protected void requestBinaryLogStream() throws IOException {
        if (resumeAfter == null) {
            super.requestBinaryLogStream();
        } else {
            channel.write(new DumpByGtidSet(getServerId(), resumeAfter.encode()));
        }
    }

    /** COM_BINLOG_DUMP_GTID with no file name: the server finds the place from the GTID set alone. */
    private record DumpByGtidSet(long serverId, byte[] gtidSet) implements Command {
        @Override
        public byte[] toByteArray() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeInteger(CommandType.BINLOG_DUMP_GTID.ordinal(), 1);
            out.writeInteger(0, 2); // flags: block at the end of the binlog
            out.writeLong(serverId, 4);
            out.writeInteger(0, 4); // the file name's length: none
            out.writeLong(4, 8); // the position, unused without a file name
            out.writeInteger(gtidSet.length, 4);
            out.write(gtidSet);
            return out.toByteArray();
        }
    }
}
