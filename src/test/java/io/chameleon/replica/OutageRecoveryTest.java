package io.chameleon.replica;

import io.chameleon.binlog.SourceUnavailable;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.failure.TransientRetries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recovery loop around a pipeline that fails as a server outage would make it fail. */
class OutageRecoveryTest {
    @TempDir
    Path home;

    @Test
    void continueRunsThePipelineAgainAfterEitherServersOutage() throws Exception {
        ChameleonConfig config = config("continue");
        List<String> attempts = new ArrayList<>();
        new OutageRecovery(config.source("mysql"), config.pgConn(), () -> false, new TransientRetries("mysql")).run(connected -> {
            attempts.add("attempt");
            if (attempts.size() == 1) {
                throw new SourceUnavailable("source mysql: the MySQL server my.example:3306 is unavailable", null);
            }
            if (attempts.size() == 2) {
                throw new IllegalStateException("applying failed", new SQLException("terminating connection", "57P01"));
            }
            connected.run();
        });

        assertThat(attempts).hasSize(3);
    }

    @Test
    void exitStopsWithTheServerAndWhatToDo() throws Exception {
        ChameleonConfig config = config("exit");
        OutageRecovery recovery = new OutageRecovery(config.source("mysql"), config.pgConn(), () -> false, new TransientRetries("mysql"));

        assertThatThrownBy(() -> recovery.run(connected -> {
            throw new SQLException("Connection to pg.example:5432 refused", "08001");
        })).isInstanceOf(OutageStop.class).hasMessageContaining(
                "source mysql: the PostgreSQL server pg.example:5432/target is unavailable: Connection to pg.example:5432"
                        + " refused; on_error_read is exit", "enable_replica --source mysql",
                "start_replica --source mysql");
    }

    @Test
    void otherFailuresEndTheRunUnchanged() throws Exception {
        ChameleonConfig config = config("continue");
        IllegalStateException decode = new IllegalStateException("a row event carries 2 of its columns but 1 are tracked");

        assertThatThrownBy(() -> new OutageRecovery(config.source("mysql"), config.pgConn(), () -> false, new TransientRetries("mysql"))
                .run(connected -> {
                    throw decode;
                })).isSameAs(decode);
    }

    @Test
    void aTransientFailureIsRetriedWhateverOnErrorReadSays() throws Exception {
        ChameleonConfig config = config("exit");
        List<String> attempts = new ArrayList<>();
        new OutageRecovery(config.source("mysql"), config.pgConn(), () -> false, new TransientRetries("mysql"))
                .run(connected -> {
                    attempts.add("attempt");
                    if (attempts.size() == 1) {
                        throw new IllegalStateException("table s.t failed",
                                new SQLException("canceling statement due to lock timeout", "55P03"));
                    }
                    connected.run();
                });

        assertThat(attempts).hasSize(2);
    }

    @Test
    void aStopRequestEndsThePause() throws Exception {
        ChameleonConfig config = config("continue");
        AtomicBoolean stop = new AtomicBoolean();
        List<String> attempts = new ArrayList<>();
        new OutageRecovery(config.source("mysql"), config.pgConn(), stop::get, new TransientRetries("mysql")).run(connected -> {
            attempts.add("attempt");
            stop.set(true);
            throw new SourceUnavailable("the MySQL server is unavailable", null);
        });

        assertThat(attempts).hasSize(1);
    }

    private ChameleonConfig config(String onErrorRead) throws IOException {
        Path file = Files.writeString(home.resolve("test.yml"), """
                pg_conn:
                  host: pg.example
                  port: 5432
                  user: replicator
                  database: target
                sources:
                  mysql:
                    type: mysql
                    db_conn:
                      host: my.example
                      port: 3306
                      user: reader
                    schema_mappings:
                      inventory: inventory_copy
                    on_error_read: %s
                """.formatted(onErrorRead));
        return ConfigLoader.load(file, home);
    }
}
