package io.chameleon.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RootCheckTest {
    @Test
    void rootIsRefusedUnlessAllowed() {
        assertThat(RootCheck.refusal("root", RootCheck.allowed(null, null))).get().asString()
                .contains("cannot be run as root", "CHAMELEON_ALLOW_ROOT=1");
        assertThat(RootCheck.refusal("root", RootCheck.allowed("1", null))).isEmpty();
        assertThat(RootCheck.refusal("root", RootCheck.allowed(null, "true"))).isEmpty();
        assertThat(RootCheck.refusal("root", RootCheck.allowed("0", "false"))).isPresent();
        assertThat(RootCheck.refusal("me", RootCheck.allowed(null, null))).isEmpty();
    }

    @Test
    void exitCodeIsPgChameleons() {
        assertThat(ExitCode.RUN_AS_ROOT.code).isEqualTo(10);
    }
}
