package io.chameleon.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** `bin/chameleon demo` runs this demo: it stays green because the suite runs it too. */
class DemoIT {
    @Test
    void demoReplicatesTheShopExactly() throws Exception {
        assertThat(Demo.run()).as("the demo's comparison (its output above names the differences)").isTrue();
    }
}
