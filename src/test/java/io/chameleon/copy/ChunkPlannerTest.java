package io.chameleon.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkPlannerTest {

    @Test
    void aTableIsCutOnlyAsFarAsItHoldsMoreThanAStreamsShare() {
        // the bench's set, MiB as information_schema gives them, on 2 CPUs: no table is cut
        assertThat(ChunkPlanner.parts(266, 586, 2)).isEqualTo(1);
        assertThat(ChunkPlanner.parts(214, 586, 2)).isEqualTo(1);
        // with 4 streams the two largest are cut in two
        assertThat(ChunkPlanner.parts(266, 586, 4)).isEqualTo(2);
        assertThat(ChunkPlanner.parts(20, 586, 4)).isEqualTo(1);
    }

    @Test
    void aTableCopiedAloneIsCutOncePerStream() {
        assertThat(ChunkPlanner.parts(586, 586, 2)).isEqualTo(2);
        assertThat(ChunkPlanner.parts(586, 586, 4)).isEqualTo(4);
        assertThat(ChunkPlanner.parts(586, 586, 1)).isEqualTo(1);
        assertThat(ChunkPlanner.parts(0, 0, 4)).isEqualTo(1);
    }
}
