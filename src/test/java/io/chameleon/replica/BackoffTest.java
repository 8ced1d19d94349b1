package io.chameleon.replica;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @Test
    void doublesFromOneSecondUpToSixtyAndStartsOverAfterAReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

        assertThat(IntStream.range(0, 9).mapToLong(i -> backoff.next().toSeconds()).toArray())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(backoff.attempts()).isEqualTo(9);

        backoff.reset();
        assertThat(backoff.attempts()).isZero();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }
}
