package io.chameleon.replica;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL's compressed transactions (binlog_transaction_compression = ON, set in the writing
 * sessions only): each arrives as one zstd TRANSACTION_PAYLOAD event. A random workload written so
 * replicates exactly across a restart, which resumes at the end of a payload; and one compressed
 * transaction of about 340,000 row changes (2 MB compressed, over 128 MiB not) goes through a replica with a
 * 64 MiB heap, as {@link BigTransactionIT}'s uncompressed one does.
 */
class MysqlCompressedTransactionsIT {
    private static final String[] TABLES = {"items", "order_lines"};
    private static final Pattern DECOMPRESSED_SIZE = Pattern.compile("decompressed_size=(\\d+)");
    /** Numbers 0 to 999,999 from a table of ten digits, for bulk inserts (MySQL has no seq_ tables). */
    private static final String NUMBERS = "(SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d"
            + " + 100000 * g.d AS n FROM digits a, digits b, digits c, digits e, digits f, digits g) numbers";

    @Test
    void aRandomWorkloadWrittenCompressedIsReplicatedExactlyAcrossARestart() throws Exception {
        AtomicInteger nextId = new AtomicInteger(1);
        ReplicaFixture fx = MixedWorkload.addedSource("compressed", "    replica_batch_size: 50\n    sleep_loop: 1\n",
                21, 300, nextId);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");

        try (Connection my = compressing(fx)) {
            MixedWorkload work = new MixedWorkload(22, nextId);
            RunningReplica replica = RunningReplica.start(fx);
            for (int i = 0; i < 150; i++) {
                work.transaction(my);
            }
            work.bigInsert(my, 180); // more rows than a batch: handed on in parts from inside one payload
            replica.awaitCaughtUp(Duration.ofSeconds(60));
            replica.stop();
            assertThat(replica.failure()).isNull();

            BinlogPosition applied = BigTransactionIT.applied(fx);
            assertThat(eventEndingAt(my, applied)).as("the event the replica stopped after").startsWith("Transaction_payload");

            for (int i = 0; i < 150; i++) {
                work.transaction(my);
            }
            RunningReplica.catchUpOnce(fx);
        }
        for (String table : TABLES) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }
    }

    @Test
    void aCompressedTransactionLargerThanTheHeapIsCommittedWholeOrNotAtAll() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("bigpayload");
        fx.mysqlExec("CREATE TABLE digits (d INT PRIMARY KEY)",
                "INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)",
                "CREATE TABLE big (id INT PRIMARY KEY, grp INT NOT NULL, payload VARCHAR(600) NOT NULL)",
                "INSERT INTO big SELECT n + 1, 0, REPEAT('a', 500) FROM " + NUMBERS + " WHERE n < 1000");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        fx.ok("init_replica", "--source", fx.sourceName, "--debug");

        BigTransactionIT.assertCommittedWholeOrNotAtAll(fx, MysqlCompressedTransactionsIT::bigCompressedTransaction);

        try (Connection my = fx.mysql()) {
            String payload = eventEndingAt(my, BigTransactionIT.applied(fx));
            assertThat(payload).as("the event the replica stands after").startsWith("Transaction_payload");
            Matcher size = DECOMPRESSED_SIZE.matcher(payload);
            assertThat(size.find()).as(payload).isTrue();
            assertThat(Long.parseLong(size.group(1))).as("its uncompressed size").isGreaterThan(128L << 20);
        }
    }

    /** As {@link BigTransactionIT}'s transaction: inserts, updates, key changes and deletes, here compressed. */
    private static String bigCompressedTransaction(ReplicaFixture fx) throws SQLException {
        try (Connection my = compressing(fx); Statement s = my.createStatement()) {
            my.setAutoCommit(false);
            s.execute("INSERT INTO big SELECT n + 1, 1, REPEAT(CHAR(65 + (n + 1) % 26), 500) FROM " + NUMBERS
                    + " WHERE n BETWEEN 1000 AND 300999");
            s.execute("UPDATE big SET grp = 2, payload = CONCAT(payload, 'u') WHERE id % 10 = 0");
            s.execute("UPDATE big SET id = id + 1000000 WHERE id % 97 = 0");
            s.execute("DELETE FROM big WHERE id % 89 = 0");
            my.commit();
            return BigTransactionIT.rowsAndGroupTwo(s);
        }
    }

    /** A connection to the fixture's schema whose transactions are written compressed. */
    private static Connection compressing(ReplicaFixture fx) throws SQLException {
        Connection my = fx.mysql();
        try (Statement s = my.createStatement()) {
            s.execute("SET SESSION binlog_transaction_compression = ON");
        }
        return my;
    }

    /** Type and description of the binlog event that ends at {@code at}, as SHOW BINLOG EVENTS lists it. */
    private static String eventEndingAt(Connection my, BinlogPosition at) throws SQLException {
        try (Statement s = my.createStatement();
                ResultSet rs = s.executeQuery("SHOW BINLOG EVENTS IN '" + at.file() + "'")) {
            while (rs.next()) {
                // the events inside a payload are listed after it with its end as theirs: the first match is the payload
                if (rs.getLong("End_log_pos") == at.position()) {
                    return rs.getString("Event_type") + " " + rs.getString("Info");
                }
            }
        }
        return "no event ends at " + at;
    }
}
