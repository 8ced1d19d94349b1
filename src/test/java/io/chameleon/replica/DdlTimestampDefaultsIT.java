package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDL written while MariaDB's global explicit_defaults_for_timestamp is OFF (the default before
 * 10.10), which the binlog does not say: the replica reads the global value when it starts, and
 * its TIMESTAMP columns come out NOT NULL with the implicit defaults, as init_replica builds them
 * from MariaDB now. The shared MariaDB's global value is restored afterwards.
 */
class DdlTimestampDefaultsIT {

    @Test
    void timestampColumnsGetTheImplicitDefaultsOfTheServersGlobalSetting() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("ddl_tsdef", "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE base (id int PRIMARY KEY, seen timestamp NULL)");
        fx.initReplica();

        boolean global = globalExplicitDefaults(fx);
        fx.mysqlExec("SET GLOBAL explicit_defaults_for_timestamp = OFF");
        RunningReplica replica = null;
        try {
            replica = RunningReplica.start(fx);
            // a new connection takes the global value as its own
            fx.mysqlExec("CREATE TABLE stamps (id int PRIMARY KEY, t1 timestamp, t2 timestamp, t3 timestamp NULL,"
                            + " t4 timestamp DEFAULT '2020-01-01 00:00:00', t5 timestamp DEFAULT NULL,"
                            + " t6 timestamp ON UPDATE current_timestamp, d datetime)",
                    "CREATE TABLE later (id int PRIMARY KEY, x varchar(30))",
                    "ALTER TABLE later ADD COLUMN a1 timestamp",
                    "ALTER TABLE later ADD COLUMN a0 timestamp(3) FIRST",
                    "ALTER TABLE later MODIFY x timestamp",
                    "ALTER TABLE base ADD COLUMN added timestamp",
                    "INSERT INTO stamps (id, t2, t5, t6) VALUES (1, '2021-02-03 04:05:06', '2022-01-01 00:00:00',"
                            + " '2023-01-01 00:00:00')",
                    "INSERT INTO later (id, a1, x) VALUES (1, '2021-01-01 00:00:00', '2024-05-06 07:08:09')",
                    "INSERT INTO base (id, added) VALUES (1, '2021-01-01 10:00:00')");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
        } finally {
            fx.mysqlExec("SET GLOBAL explicit_defaults_for_timestamp = " + (global ? "ON" : "OFF"));
            if (replica != null) {
                replica.stop();
            }
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.pgStrings("SELECT mysql_table || ': ' || message FROM sch_chameleon.error_log")).isEmpty();
        assertThat(fx.shape(fx.pgDatabase)).as("the tables DDL replay built vs the ones init_replica builds now")
                .isEqualTo(fx.shape(fx.initReplicaElsewhere("ddl_tsdef_init")));
        assertThat(fx.pgStrings("SELECT column_name || ' ' || is_nullable || ' ' || coalesce(column_default, '-')"
                + " FROM information_schema.columns WHERE table_schema = '" + fx.pgSchema + "' AND table_name = 'stamps'"
                + " AND column_name IN ('t1', 't5') ORDER BY column_name"))
                .as("nullability and defaults that explicit_defaults_for_timestamp = ON would not give")
                .containsExactly("t1 NO CURRENT_TIMESTAMP", "t5 NO -");
        for (String table : new String[] {"stamps", "later", "base"}) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }
    }

    private static boolean globalExplicitDefaults(ReplicaFixture fx) throws Exception {
        try (Connection c = fx.mysql(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@GLOBAL.explicit_defaults_for_timestamp")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
