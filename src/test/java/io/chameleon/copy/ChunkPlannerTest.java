package io.chameleon.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkPlannerTest {

    @ParameterizedTest(name = "{0} of {1} over {2} streams: {3} ranges")
    @CsvSource({
        // the bench's set, MiB as information_schema gives them: on 2 CPUs no table is cut,
        "266, 586, 2, 1", "214, 586, 2, 1",
        // with 4 streams the largest ones are cut in two
        "266, 586, 4, 2", "20, 586, 4, 1",
        // a table copied alone is cut once per stream
        "586, 586, 2, 2", "586, 586, 4, 4", "586, 586, 1, 1", "0, 0, 4, 1"})
    void aTableIsCutOnlyAsFarAsItHoldsMoreThanAStreamsShare(long bytes, long total, int streams, int ranges) {
        assertThat(ChunkPlanner.parts(bytes, total, streams)).isEqualTo(ranges);
    }
}
