package io.chameleon.pg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockHoldersTest {
    @Test
    void literalsAreNeverShown() {
        assertThat(LockHolders.shown("UPDATE users SET password = 'hunter2', note = E'it''s' WHERE id = 1"))
                .isEqualTo("UPDATE users SET password = '…', note = '…' WHERE id = 1");
        assertThat(LockHolders.shown("SELECT $tag$secret$tag$, $$other$$")).isEqualTo("SELECT '…', '…'");
        assertThat(LockHolders.shown("ALTER ROLE x PASSWORD 'unterminated")).isEqualTo("ALTER ROLE x PASSWORD '…'");
    }

    @Test
    void longQueriesAreCutAndOtherRolesQueriesSaidInvisible() {
        assertThat(LockHolders.shown("SELECT " + "x, ".repeat(100) + "y")).hasSize(101).endsWith("…");
        assertThat(LockHolders.shown("<insufficient privilege>")).isEqualTo("not visible to this role");
        assertThat(LockHolders.shown("LOCK TABLE\n   s.t IN ACCESS EXCLUSIVE MODE"))
                .isEqualTo("LOCK TABLE s.t IN ACCESS EXCLUSIVE MODE");
    }
}
