package io.chameleon.replica;

import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.MysqlConnector;
import io.chameleon.mysql.MysqlGtidSet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Before resuming by a MySQL GTID set: the server must still hold every transaction the set lacks.
 * A server that purged some of them ({@code @@gtid_purged}) would refuse the stream with a terse
 * error 1236; this says which GTIDs are gone and that only a new copy brings their changes.
 */
final class GtidResumeCheck {
    private GtidResumeCheck() {}

    /** @throws ReplicaRefused when the server purged GTIDs that {@code applied} does not have */
    static void requireResumable(SourceConfig source, BinlogPosition applied) throws SQLException {
        if (!source.gtidEnable() || !MysqlGtidSet.isMysqlForm(applied.gtidSet())) {
            return;
        }
        String purged;
        try (Connection c = new MysqlConnector(source.dbConn()).open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@GLOBAL.gtid_purged")) {
            rs.next();
            purged = rs.getString(1);
        }
        MysqlGtidSet missing = MysqlGtidSet.parse(purged).minus(MysqlGtidSet.parse(applied.gtidSet()));
        if (!missing.isEmpty()) {
            throw new ReplicaRefused("source " + source.name() + ": the MySQL server " + source.dbConn().describe()
                    + " has purged the binlogs of transactions the replica has not applied: GTIDs " + missing
                    + " are in its @@gtid_purged but not in the replica's applied GTID set " + applied.gtidSet()
                    + "; their changes cannot be read any more: run init_replica --source " + source.name()
                    + " to copy the tables again, and keep binlogs longer than the replica may be stopped"
                    + " (binlog_expire_logs_seconds)");
        }
    }
}
