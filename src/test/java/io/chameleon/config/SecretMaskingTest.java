package io.chameleon.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret is masked where it stands as a whole value, never inside another word. */
class SecretMaskingTest {
    @TempDir
    Path home;

    @Test
    void aPasswordInsideAUserNameIsLeftAlone() {
        String message = "Access denied for user 'usr_replica'@'10.0.0.1' (using password: YES); as usr_replica";
        assertThat(Secrets.mask(message, "replica", "usr_replica")).isEqualTo(message);
        assertThat(Secrets.mask("replicas and prereplica", "replica", "u")).isEqualTo("replicas and prereplica");
    }

    @Test
    void aPasswordStandingWholeIsMasked() {
        assertThat(Secrets.mask("password replica given", "replica", "u")).isEqualTo("password *** given");
        assertThat(Secrets.mask("'replica'", "replica", "u")).isEqualTo("'***'");
        assertThat(Secrets.mask("replica", "replica", "u")).isEqualTo("***");
        assertThat(Secrets.mask("x-replica.", "replica", "u")).isEqualTo("x-***.");
        // a longer word first, then the same secret whole
        assertThat(Secrets.mask("usr_replica replica", "replica", "u")).isEqualTo("usr_replica ***");
    }

    @Test
    void aPasswordWithPunctuationAtItsEdgesIsMaskedEvenBesideLetters() {
        assertThat(Secrets.mask("pw=!S3cret!x", "!S3cret!", "u")).isEqualTo("pw=***x");
    }

    @Test
    void inAJdbcUrlAsWrittenAndUrlEncoded() {
        assertThat(Secrets.mask("jdbc:mariadb://h:3306/?user=u&password=replica&ssl=true", "replica", "u"))
                .isEqualTo("jdbc:mariadb://h:3306/?user=u&password=***&ssl=true");
        assertThat(Secrets.mask("jdbc:postgresql://h/db?password=p%40ss+w%26rd&x=1", "p@ss w&rd", "u"))
                .isEqualTo("jdbc:postgresql://h/db?password=***&x=1");
    }

    @Test
    void shortPasswordsAndOnesEqualToTheUserAreNotMasked() {
        assertThat(Secrets.mask("a message", "a", "u")).isEqualTo("a message");
        assertThat(Secrets.mask("as postgres: failed", "postgres", "postgres")).isEqualTo("as postgres: failed");
        assertThat(Secrets.mask(null, "replica", "u")).isNull();
    }

    @Test
    void everySecretOfTheConfiguration() {
        ChameleonConfig config = Fixtures.load(home, "rollbar_key: rollbar-T0ken\n" + Fixtures.minimal()
                .replace("  user: replicator\n", "  user: replicator\n  password: Pg-S3cret\n")
                .replace("    user: reader\n", "    user: reader\n      password: replica\n"));

        assertThat(Secrets.of(config).mask("pg Pg-S3cret, my replica, usr_replica, key rollbar-T0ken"))
                .isEqualTo("pg ***, my ***, usr_replica, key ***");
    }
}
