package io.chameleon.replica;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.failure.TransientRetries;
import io.chameleon.pg.LockHolders;
import io.chameleon.testing.PgSession;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's session on the target gets in the applier's way: a LOCK TABLE held past lock_timeout,
 * a deadlock with the applier, a read in an open transaction that a schema change waits for. Under either on_error_replay the replica retries, catches up once
 * the user is done, and every table is still replicated and equal to MySQL's value by value.
 */
class TransientFailureIT {
    private static final String[] TABLES = {"alpha", "omega"};

    @ParameterizedTest
    @ValueSource(strings = {"continue", "exit"})
    void aLockHeldPastLockTimeoutDelaysTheReplicaAndNamesItsHolder(String onErrorReplay) throws Exception {
        ReplicaFixture fx = prepared("transient_lock", onErrorReplay, "2s");
        ListAppender<ILoggingEvent> log = capture();
        RunningReplica replica = RunningReplica.start(fx);
        try (PgSession analyst = PgSession.open(fx)) {
            replica.awaitCaughtUp(Duration.ofSeconds(60));
            analyst.exec("LOCK TABLE " + fx.pgSchema + ".alpha IN ACCESS EXCLUSIVE MODE");
            fx.mysqlExec("START TRANSACTION", "UPDATE alpha SET v = v + 10", "INSERT INTO omega VALUES (10, 10)",
                    "COMMIT");
            // lock_timeout is 2 s: the applier fails on the lock and tries again, twice, while it is held
            awaitLogged(log, m -> m.contains("SQLSTATE 55P03") && m.contains("attempt 3 of"), replica);
            analyst.rollback();

            replica.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(messages(log)).as("the holder named once per wait").filteredOn(m -> m.contains("waits for a lock"))
                    .hasSize(1).first().asString().contains("pid " + analyst.pid(), "LOCK TABLE " + fx.pgSchema
                            + ".alpha IN ACCESS EXCLUSIVE MODE", "lock_timeout (2s)");
            assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("table " + fx.mysqlSchema + ".alpha",
                    "lock timeout", "the batch ending at"));
            assertReplicatedAndEqual(fx);
        } finally {
            replica.stop();
            release(log);
        }
        assertThat(replica.failure()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"continue", "exit"})
    void aDeadlockWithTheApplierIsRetried(String onErrorReplay) throws Exception {
        ReplicaFixture fx = prepared("transient_deadlock", onErrorReplay, "30s");
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            // the applier's sessions check for a deadlock after 5 s of waiting, the user's after a minute:
            // the applier, waiting first, finds the deadlock and is the one rolled back
            s.execute("ALTER DATABASE " + fx.pgDatabase + " SET deadlock_timeout = '5s'");
        }
        ListAppender<ILoggingEvent> log = capture();
        RunningReplica replica = RunningReplica.start(fx);
        try (PgSession user = PgSession.open(fx)) {
            replica.awaitCaughtUp(Duration.ofSeconds(60));
            user.exec("SET deadlock_timeout = '60s'", "UPDATE " + fx.pgSchema + ".omega SET v = -1 WHERE id = 1");
            // the applier writes alpha before omega (tables in name order): it holds alpha's row 1, waits for omega's
            fx.mysqlExec("START TRANSACTION", "UPDATE alpha SET v = v + 100 WHERE id = 1",
                    "UPDATE omega SET v = v + 100 WHERE id = 1", "COMMIT");
            assertThat(user.awaitWaitedFor(Duration.ofSeconds(30))).as("the applier waits for the user's row").isTrue();
            user.exec("UPDATE " + fx.pgSchema + ".alpha SET v = -1 WHERE id = 1"); // granted once the applier gave up
            user.rollback();

            replica.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("SQLSTATE 40P01", "deadlock detected",
                    "the batch ending at", "attempt 2 of"));
            assertThat(messages(log)).filteredOn(m -> m.contains("waits for a lock")).first().asString()
                    .contains("pid " + user.pid());
            assertReplicatedAndEqual(fx);
        } finally {
            replica.stop();
            release(log);
        }
        assertThat(replica.failure()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"continue", "exit"})
    void aSchemaChangeWaitsForAReadersTransaction(String onErrorReplay) throws Exception {
        ReplicaFixture fx = prepared("transient_ddl", onErrorReplay, "2s");
        ListAppender<ILoggingEvent> log = capture();
        RunningReplica replica = RunningReplica.start(fx);
        try (PgSession analyst = PgSession.open(fx)) {
            replica.awaitCaughtUp(Duration.ofSeconds(60));
            // a read in an open transaction holds the lock that ALTER TABLE must wait for
            analyst.exec("SELECT count(*) FROM " + fx.pgSchema + ".alpha");
            fx.mysqlExec("ALTER TABLE alpha ADD COLUMN w varchar(10) DEFAULT 'x'", "INSERT INTO alpha VALUES (4, 4, 'y')");
            awaitLogged(log, m -> m.contains("SQLSTATE 55P03") && m.contains("attempt 3 of"), replica);
            analyst.rollback();

            replica.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(messages(log)).filteredOn(m -> m.contains("waits for a lock")).first().asString()
                    .contains("pid " + analyst.pid());
            assertReplicatedAndEqual(fx);
        } finally {
            replica.stop();
            release(log);
        }
        assertThat(replica.failure()).isNull();
    }

    private static ReplicaFixture prepared(String name, String onErrorReplay, String lockTimeout) throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(name, "    sleep_loop: 1\n    on_error_replay: " + onErrorReplay + "\n");
        fx.useConfig(fx.config().replace("lock_timeout: \"30s\"", "lock_timeout: \"" + lockTimeout + "\""));
        fx.mysqlExec("CREATE TABLE alpha (id int PRIMARY KEY, v int)", "CREATE TABLE omega (id int PRIMARY KEY, v int)",
                "INSERT INTO alpha VALUES (1, 1), (2, 2), (3, 3)", "INSERT INTO omega VALUES (1, 1), (2, 2), (3, 3)");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        fx.ok("init_replica", "--source", fx.sourceName);
        return fx;
    }

    private static void assertReplicatedAndEqual(ReplicaFixture fx) throws Exception {
        for (String table : TABLES) {
            assertThat(fx.diff(table)).as(table).isEmpty();
        }
        assertThat(fx.pgStrings("SELECT mysql_table || ' ' || replicated FROM sch_chameleon.replicated_tables"
                + " ORDER BY mysql_table")).containsExactly("alpha true", "omega true");
        assertThat(fx.pgStrings("SELECT count(*) FROM sch_chameleon.error_log")).containsExactly("0");
        assertThat(OutageSupport.record(fx).status()).isEqualTo(SourceStatus.RUNNING);
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(TransientRetries.class)).addAppender(appender);
        ((Logger) LoggerFactory.getLogger(LockHolders.class)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(TransientRetries.class)).detachAppender(appender);
        ((Logger) LoggerFactory.getLogger(LockHolders.class)).detachAppender(appender);
    }

    private static List<String> messages(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static void awaitLogged(ListAppender<ILoggingEvent> log, Predicate<String> line, RunningReplica replica)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (messages(log).stream().noneMatch(line)) {
            assertThat(replica.failure()).isNull();
            assertThat(System.nanoTime()).as("logged within 60 s: " + messages(log)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
