package io.chameleon.pg;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionLossTest {
    @Test
    void connectionClassAndShutdownStatesAreLosses() {
        for (String state : new String[] {"08001", "08003", "08006", "57P01", "57P02", "57P03"}) {
            SQLException e = new SQLException("lost", state);
            assertThat(ConnectionLoss.in(e)).as(state).containsSame(e);
        }
    }

    @Test
    void foundUnderTheExceptionsThatWrapIt() {
        SQLException lost = new SQLException("terminating connection due to administrator command", "57P01");
        Exception wrapped = new Exception("the batch ending at mysql-bin.000001:4 was not applied", lost);

        assertThat(ConnectionLoss.in(wrapped)).containsSame(lost);
    }

    @Test
    void anIoErrorUnderASqlExceptionIsALoss() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend", null,
                new EOFException());

        assertThat(ConnectionLoss.in(io)).containsSame(io);
    }

    @Test
    void errorsOfTheStatementAreNot() {
        assertThat(ConnectionLoss.in(new SQLException("duplicate key", "23505"))).isEmpty();
        assertThat(ConnectionLoss.in(new SQLException("violates check constraint", "23514"))).isEmpty();
        assertThat(ConnectionLoss.in(new SQLException("no state"))).isEmpty();
        assertThat(ConnectionLoss.in(new IOException("an I/O error of something else"))).isEmpty();
        assertThat(ConnectionLoss.in(new IllegalStateException("bad value"))).isEmpty();
    }
}
