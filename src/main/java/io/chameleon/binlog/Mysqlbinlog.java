package io.chameleon.binlog;

import io.chameleon.config.DbConn;

/**
 * The {@code mysqlbinlog} command that shows a place of the source's binlog, for failure messages.
 * It reads from the server, as the replica does; {@code -p} makes it ask for the password, which
 * a message must never carry.
 */
record Mysqlbinlog(String host, int port, String user) {

    static Mysqlbinlog of(DbConn conn) {
        return new Mysqlbinlog(conn.host(), conn.port(), conn.user());
    }

    /** @param stop the end of what to show, or 0 to show from {@code start} on */
    String command(String file, long start, long stop) {
        return "mysqlbinlog --read-from-remote-server --host=" + host + " --port=" + port + " --user=" + user
                + " -p --start-position=" + start + (stop > start ? " --stop-position=" + stop : "")
                + " --base64-output=decode-rows -vv " + file;
    }
}
