package io.chameleon.replica;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.RestartablePostgres;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.chameleon.replica.OutageSupport.assertNoReaderThreads;
import static io.chameleon.replica.OutageSupport.assertTablesEqual;
import static io.chameleon.replica.OutageSupport.awaitAppliedPast;
import static io.chameleon.replica.OutageSupport.initialised;
import static io.chameleon.replica.OutageSupport.messages;
import static io.chameleon.replica.OutageSupport.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target PostgreSQL server restarts (a fast shutdown that ends every session, then a start on
 * the same port and data) while the replica streams a running workload: with on_error_read
 * continue the replica waits for it, starts again from the applied position it committed last,
 * and the tables compare equal value by value once it caught up; with exit it stops at once.
 */
class TargetOutageIT {
    private static RestartablePostgres postgres;

    @BeforeAll
    static void startPrivateServer() throws Exception {
        postgres = RestartablePostgres.start();
    }

    @AfterAll
    static void stopPrivateServer() throws Exception {
        postgres.close();
    }

    @Test
    void continueWaitsForPostgresqlAndResumesByItself() throws Exception {
        ReplicaFixture fx = initialised("pg_outage_cont", "continue", TestServers.mysql(), postgres.endpoint());
        BinlogPosition initial = record(fx).applied();
        ListAppender<ILoggingEvent> log = OutageSupport.capture(OutageRecovery.class);
        InProcessReplica replica = InProcessReplica.start(fx);
        try (RetryingWriter writer = new RetryingWriter(fx::mysql, 21, new AtomicInteger(1000))) {
            writer.awaitMore(100);
            awaitAppliedPast(fx, initial);
            postgres.restart();
            writer.awaitMore(200);
        }
        try (Connection my = fx.mysql()) {
            ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my), replica::failure,
                    Duration.ofSeconds(120));
        }
        assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
        assertTablesEqual(fx);
        assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("source mysql: the PostgreSQL server 127.0.0.1:"
                + postgres.endpoint().port() + "/" + fx.pgDatabase + " is unavailable", "on_error_read continue",
                "next attempt in 1 s"));
        assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("answers again"));

        assertThat(replica.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(replica.failure()).isNull();
        assertThat(record(fx).status()).isEqualTo(SourceStatus.STOPPED);
    }

    /**
     * With exit the replica stops at once with a message naming PostgreSQL. The status cannot be
     * recorded while PostgreSQL is away, so the catalogue still says running, for a process that
     * has ended (a later start_replica starts without enable_replica).
     */
    @Test
    void exitStopsAtOnceWithAClearMessage() throws Exception {
        ReplicaFixture fx = initialised("pg_outage_exit", "exit", TestServers.mysql(), postgres.endpoint());
        BinlogPosition initial = record(fx).applied();
        InProcessReplica replica = InProcessReplica.start(fx);
        try (RetryingWriter writer = new RetryingWriter(fx::mysql, 22, new AtomicInteger(1000))) {
            writer.awaitMore(100);
            awaitAppliedPast(fx, initial);
            postgres.stop();
            assertThat(replica.awaitEnd(Duration.ofSeconds(60))).isTrue();
            postgres.restart();
        }
        assertThat(replica.failure()).isInstanceOf(OutageStop.class).message().contains("source mysql: the PostgreSQL"
                + " server 127.0.0.1:" + postgres.endpoint().port() + "/" + fx.pgDatabase + " is unavailable",
                "on_error_read is exit", "enable_replica --source mysql");
        assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
        assertNoReaderThreads();
    }
}
