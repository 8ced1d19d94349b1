package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDL written by sessions whose sql_mode changes how a statement reads: ANSI_QUOTES (double quotes
 * name things) and NO_BACKSLASH_ESCAPES (a backslash is itself), with non-ASCII names, enum labels
 * and defaults. The replica reads each statement as its session meant it: afterwards the tables
 * have the shape init_replica builds from MariaDB now, and the same rows.
 */
class DdlSessionModesIT {

    @Test
    void statementsAreReadWithTheSqlModeOfTheSessionThatWroteThem() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("ddl_modes", "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE base (id int PRIMARY KEY, v varchar(20))");
        fx.initReplica();

        RunningReplica replica = RunningReplica.start(fx);
        try {
            try (Connection my = fx.mysql(); Statement s = my.createStatement()) {
                s.execute("SET SESSION sql_mode = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES'");
                s.execute("CREATE TABLE \"modes\" (\"id\" int NOT NULL PRIMARY KEY,"
                        + " \"path\" varchar(40) NOT NULL DEFAULT 'C:\\temp\\',"
                        + " \"quote\" varchar(20) DEFAULT 'it''s \"so\"',"
                        + " \"kind\" enum('a\\b','é','ü') NOT NULL DEFAULT 'é',"
                        + " \"prénom\" varchar(20) DEFAULT 'Zoë')");
                s.execute("ALTER TABLE \"modes\" ADD COLUMN \"note\" varchar(30) DEFAULT '\\n is two characters',"
                        + " ADD INDEX \"by kind\" (\"kind\")");
                s.execute("INSERT INTO \"modes\" (\"id\", \"kind\", \"note\") VALUES (1, 'a\\b', 'x\\y'), (2, 'ü', NULL)");
                s.execute("INSERT INTO \"modes\" (\"id\") VALUES (3)");
                s.execute("SET SESSION sql_mode = DEFAULT");
                // the default mode again: here \t is a tab and "x" a string
                s.execute("ALTER TABLE modes ADD COLUMN tab varchar(10) DEFAULT 'a\\tb', ADD COLUMN dq varchar(5)"
                        + " DEFAULT \"d\\\"q\"");
                s.execute("INSERT INTO modes (id) VALUES (4)");
                s.execute("INSERT INTO base VALUES (1, 'after')");
            }
            replica.awaitCaughtUp(Duration.ofSeconds(60));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.pgStrings("SELECT mysql_table || ': ' || message FROM sch_chameleon.error_log")).isEmpty();
        assertThat(fx.shape(fx.pgDatabase)).as("the tables DDL replay built vs the ones init_replica builds now")
                .isEqualTo(fx.shape(fx.initReplicaElsewhere("ddl_modes_init")));
        assertThat(fx.diff("modes")).isEmpty();
        assertThat(fx.diff("base")).isEmpty();
        assertThat(fx.pgStrings("SELECT path || '|' || quote || '|' || kind || '|' || \"prénom\" || '|' || note || '|'"
                + " || tab || '|' || dq FROM " + fx.pgSchema + ".modes WHERE id = 4"))
                .containsExactly("C:\\temp\\|it's \"so\"|é|Zoë|\\n is two characters|a\tb|d\"q");
    }
}
