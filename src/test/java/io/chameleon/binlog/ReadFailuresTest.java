package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.network.AuthenticationException;
import com.github.shyiko.mysql.binlog.network.ServerException;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;

import static org.assertj.core.api.Assertions.assertThat;

class ReadFailuresTest {
    @Test
    void networkErrorsAndPassingServerErrorsAreOutages() {
        assertThat(ReadFailures.isOutage(new IOException("Failed to connect", new ConnectException("refused")))).isTrue();
        assertThat(ReadFailures.isOutage(new EOFException())).isTrue();
        assertThat(ReadFailures.isOutage(new SocketException("Connection reset"))).isTrue();
        assertThat(ReadFailures.isOutage(new ServerException("Server shutdown in progress", 1053, "08S01"))).isTrue();
        assertThat(ReadFailures.isOutage(new ServerException("Too many connections", 1040, "08004"))).isTrue();
        assertThat(ReadFailures.isOutage(new ServerException("Connection was killed", 1927, "70100"))).isTrue();
    }

    @Test
    void refusalsThatWouldRepeatAreNot() {
        assertThat(ReadFailures.isOutage(new AuthenticationException("Access denied", 1045, "28000"))).isFalse();
        assertThat(ReadFailures.isOutage(new ServerException("Could not find first log file name in binary log index"
                + " file", 1236, "HY000"))).isFalse();
        assertThat(ReadFailures.isOutage(new IllegalStateException("a row event carries 2 columns"))).isFalse();
    }

    @Test
    void theDescriptionKeepsTheCauseAndTheServersErrorCode() {
        assertThat(ReadFailures.describe(new IOException("Failed to connect", new ConnectException("Connection refused"))))
                .isEqualTo("Failed to connect (Connection refused)");
        assertThat(ReadFailures.describe(new ServerException("Access denied", 1045, "28000")))
                .isEqualTo("Access denied [error 1045]");
    }
}
