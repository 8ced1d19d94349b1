package io.chameleon.binlog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariadbGtidPositionTest {
    @Test
    void keepsTheLastGtidOfEveryDomain() {
        MariadbGtidPosition p = new MariadbGtidPosition("0-1-57, 1-2-9");
        p.advance(1, 3, 10);
        p.advance(0, 1, 58);
        p.advance(5, 1, 1);
        assertThat(p).hasToString("0-1-58,1-3-10,5-1-1");
    }

    @Test
    void startsEmptyOnAServerWithoutGtids() {
        MariadbGtidPosition p = new MariadbGtidPosition("");
        assertThat(p).hasToString("");
        p.advance(0, 1, 1);
        assertThat(p).hasToString("0-1-1");
    }

    @Test
    void tellsMariadbPositionsFromMysqlGtidSets() {
        assertThat(MariadbGtidPosition.isMariadbPosition("0-1-57,1-2-9")).isTrue();
        assertThat(MariadbGtidPosition.isMariadbPosition("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5")).isFalse();
        assertThat(MariadbGtidPosition.isMariadbPosition(null)).isFalse();
        assertThatThrownBy(() -> new MariadbGtidPosition("0-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
