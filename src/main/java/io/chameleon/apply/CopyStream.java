package io.chameleon.apply;

import io.chameleon.types.BadValueException;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.ConversionReport;
import io.chameleon.types.CopyTextBuffer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One {@code COPY ... FROM STDIN} fed row by row. Rows are converted into a buffer that is sent
 * whenever it passes {@link #FLUSH_BYTES}, so memory stays bounded whatever the number of rows.
 */
final class CopyStream implements AutoCloseable {
    static final int FLUSH_BYTES = 1 << 20;

    private final CopyIn copy;
    private final CopyTextBuffer buffer = new CopyTextBuffer(FLUSH_BYTES + 64 * 1024);
    private final ConversionReport report;
    private long rows;

    CopyStream(Connection connection, String copySql, ConversionReport report) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        this.report = report;
    }

    /** Appends the values at {@code positions} of {@code row}, each with the converter of its column. */
    void write(byte[][] row, int[] positions, List<ColumnConverter> converters) throws SQLException, BadValueException {
        for (int i = 0; i < positions.length; i++) {
            if (i > 0) {
                buffer.fieldSeparator();
            }
            byte[] value = row[positions[i]];
            if (value == null) {
                buffer.writeNull();
            } else {
                converters.get(positions[i]).write(value, buffer, report);
            }
        }
        buffer.endRow();
        rows++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    /** Sends what is left and ends the COPY; returns the rows PostgreSQL took. */
    long finish() throws SQLException {
        flush();
        long copied = copy.endCopy();
        if (copied != rows) {
            throw new SQLException("COPY took " + copied + " rows of " + rows);
        }
        return copied;
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            copy.writeToCopy(buffer.array(), 0, buffer.length());
            buffer.reset();
        }
    }

    /** Cancels a COPY that did not finish, so the connection can roll back. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
