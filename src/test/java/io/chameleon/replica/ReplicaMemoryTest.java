package io.chameleon.replica;

import io.chameleon.binlog.BatchBounds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The replica's memory bounds: rows from the lower of replica_batch_size and replay_max_rows, bytes from the heap. */
class ReplicaMemoryTest {
    private static final long HEAP = 1L << 30;

    @Test
    void rowsAreTheLowerOfTheTwoKeysAndBytesAShareOfTheHeap() {
        assertThat(ReplicaMemory.of(500, 10_000, HEAP))
                .isEqualTo(new ReplicaMemory(new BatchBounds(500, 64L << 20), 128L << 20));
        assertThat(ReplicaMemory.of(10_000, 2_000, HEAP).batch().rows()).isEqualTo(2_000);
    }

    @Test
    void theBytesFollowTheHeapLimit() {
        ReplicaMemory small = ReplicaMemory.of(10_000, 10_000, 64L << 20);

        assertThat(small.batch().bytes()).isEqualTo(4L << 20);
        assertThat(small.queueBytes()).isEqualTo(8L << 20);
    }
}
