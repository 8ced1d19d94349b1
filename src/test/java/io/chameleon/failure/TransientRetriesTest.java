package io.chameleon.failure;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransientRetriesTest {
    private static final SQLException DEADLOCK = new SQLException("deadlock detected", "40P01");

    @Test
    void pausesDoubleFromOneSecondUpToThirtyAndTheLastAttemptIsLeftToOnErrorReplay() {
        TransientRetries retries = new TransientRetries("mysql");
        List<Long> pauses = new ArrayList<>();
        while (true) {
            assertThat(retries.retrying()).isTrue();
            Optional<Duration> pause = retries.next(DEADLOCK, "table s.t");
            if (!retries.retrying()) {
                pauses.add(pause.orElseThrow().toSeconds());
                break;
            }
            pauses.add(pause.orElseThrow().toSeconds());
        }
        assertThat(pauses).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L);
        assertThat(retries.next(DEADLOCK, "table s.t")).as("the last attempt failed too").isEmpty();

        retries.succeeded();
        assertThat(retries.retrying()).isTrue();
        assertThat(retries.next(DEADLOCK, "table s.t")).contains(Duration.ofSeconds(1));
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(new TransientRetries("mysql").next(new SQLException("duplicate key", "23505"), "t")).isEmpty();
    }

    @Test
    void runTriesAgainUntilTheWorkGoesThrough() throws Exception {
        TransientRetries retries = new TransientRetries("mysql", Duration.ZERO);
        int[] calls = {0};
        String result = retries.run("copying s.t", () -> false, () -> {
            if (++calls[0] < 3) {
                throw new SQLException("too many connections", "53300");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls[0]).isEqualTo(3);
    }

    @Test
    void runGivesUpAfterTheLastAttempt() {
        TransientRetries retries = new TransientRetries("mysql", Duration.ZERO);
        int[] calls = {0};
        assertThatThrownBy(() -> retries.run("copying s.t", () -> false, () -> {
            calls[0]++;
            throw DEADLOCK;
        })).isSameAs(DEADLOCK);
        assertThat(calls[0]).isEqualTo(TransientRetries.ATTEMPTS);
    }
}
