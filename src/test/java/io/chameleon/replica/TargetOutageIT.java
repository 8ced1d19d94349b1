package io.chameleon.replica;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.RestartablePostgres;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.chameleon.replica.OutageSupport.assertNoReaderThreads;
import static io.chameleon.replica.OutageSupport.assertTablesEqual;
import static io.chameleon.replica.OutageSupport.awaitCaughtUp;
import static io.chameleon.replica.OutageSupport.initialised;
import static io.chameleon.replica.OutageSupport.messages;
import static io.chameleon.replica.OutageSupport.outageUnderLoad;
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
    static void startPrivatePostgres() throws Exception {
        postgres = RestartablePostgres.start();
    }

    @AfterAll
    static void removePrivatePostgres() throws Exception {
        postgres.close();
    }

    @Test
    void continueWaitsForPostgresqlAndResumesByItself() throws Exception {
        ReplicaFixture fx = initialised("pg_outage_cont", "continue", TestServers.mysql(), postgres.endpoint());
        ListAppender<ILoggingEvent> log = OutageSupport.capture(OutageRecovery.class);
        RunningReplica replica = RunningReplica.start(fx);

        outageUnderLoad(fx, 21, postgres::restart);

        awaitCaughtUp(fx, replica::failure);
        assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
        assertTablesEqual(fx);
        assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("source mysql: the PostgreSQL server 127.0.0.1:"
                + postgres.endpoint().port() + "/" + fx.pgDatabase + " is unavailable", "on_error_read continue",
                "next attempt in 1 s"));
        assertThat(messages(log)).anySatisfy(m -> assertThat(m).contains("answers again"));
        replica.stop();
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
        RunningReplica replica = RunningReplica.start(fx);

        outageUnderLoad(fx, 22, () -> {
            postgres.stop();
            assertThat(replica.awaitEnd(Duration.ofSeconds(60))).as("the replica stops by itself").isTrue();
            postgres.restart();
        });

        assertThat(replica.failure()).isInstanceOf(OutageStop.class).message().contains("source mysql: the PostgreSQL"
                + " server 127.0.0.1:" + postgres.endpoint().port() + "/" + fx.pgDatabase + " is unavailable",
                "on_error_read is exit", "enable_replica --source mysql");
        assertThat(record(fx).status()).isEqualTo(SourceStatus.RUNNING);
        assertNoReaderThreads();
    }
}
