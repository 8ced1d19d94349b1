package io.chameleon.mysql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightAccountTest {

    @Test
    void currentUserIsSplitAtTheLastAt() {
        assertThat(PreflightAccount.parse("usr_replica@%")).isEqualTo(new PreflightAccount("usr_replica", "%"));
        assertThat(PreflightAccount.parse("a@b@10.0.%")).isEqualTo(new PreflightAccount("a@b", "10.0.%"));
    }

    @Test
    void quotedForAGrant() {
        assertThat(new PreflightAccount("usr_replica", "%").sql()).isEqualTo("'usr_replica'@'%'");
        assertThat(new PreflightAccount("o'neil", "localhost").sql()).isEqualTo("'o''neil'@'localhost'");
    }

    @Test
    void redactMasksThePassword() {
        assertThat(CheckResult.redact("bad pw hunter22 given", "hunter22", "u")).isEqualTo("bad pw *** given");
        assertThat(CheckResult.redact("a message", "a", "u")).isEqualTo("a message");
        assertThat(CheckResult.redact("as postgres: failed", "postgres", "postgres")).isEqualTo("as postgres: failed");
    }
}
