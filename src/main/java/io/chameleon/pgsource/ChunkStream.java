package io.chameleon.pgsource;

import io.chameleon.pg.Sql;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies one chunk: the source's {@code COPY (SELECT ...) TO STDOUT} streamed into the target's
 * {@code COPY ... FROM STDIN}, binary when every column's type is built in, else text, in one target
 * transaction. When the target refuses a value (a data or constraint error), the chunk is rolled
 * back and read again in text, and loaded in batches, then row by row where a batch fails: good
 * rows land, each refused row goes to the discard log with the reason.
 */
final class ChunkStream {
    private static final int SALVAGE_BATCH = 1000;
    private static final Pattern COLUMN = Pattern.compile("column (\\S+?):");

    /** Where refused rows go. */
    interface Discards {
        void discard(SourceTable table, String key, String column, String reason, List<String> row);
    }

    /** What a chunk moved. */
    record Copied(long rows, long bytes, long discarded) {}

    private final Discards discards;

    ChunkStream(Discards discards) {
        this.discards = discards;
    }

    Copied copy(TableChunk chunk, Connection source, Connection target) throws SQLException {
        SourceTable t = chunk.table();
        String format = t.binary() ? " (FORMAT binary)" : "";
        CopyManager in = target.unwrap(PGConnection.class).getCopyAPI();
        CopyManager out = source.unwrap(PGConnection.class).getCopyAPI();
        CopyOut reading = out.copyOut("COPY (" + chunk.selectSql() + ") TO STDOUT" + format);
        CopyIn writing = null;
        long bytes = 0;
        try {
            writing = in.copyIn("COPY " + targetTable(t) + " (" + t.columnList() + ") FROM STDIN" + format);
            byte[] buf;
            while ((buf = read(chunk, reading, writing, target)) != null) {
                writing.writeToCopy(buf, 0, buf.length);
                bytes += buf.length;
            }
            long rows = writing.endCopy();
            target.commit();
            return new Copied(rows, bytes, 0);
        } catch (SourceFailure e) {
            throw e.getCause();
        } catch (SQLException e) {
            drain(reading);
            if (writing != null && writing.isActive()) {
                writing.cancelCopy();
            }
            target.rollback();
            if (!refusedValue(e)) {
                throw new SQLException("copy of " + chunk + " failed: " + e.getMessage(), e.getSQLState(), e);
            }
            return salvage(chunk, source, target);
        }
    }

    /** A failure of the source's side of a copy: nothing the target refused, so nothing to salvage. */
    private static final class SourceFailure extends RuntimeException {
        SourceFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private static byte[] read(TableChunk chunk, CopyOut reading, CopyIn writing, Connection target) {
        try {
            return reading.readFromCopy();
        } catch (SQLException e) {
            try {
                if (writing.isActive()) {
                    writing.cancelCopy();
                }
                target.rollback();
            } catch (SQLException ignored) {
                // the source's failure is the one to report
            }
            String hint = "22021".equals(e.getSQLState()) ? " (the source database holds bytes its client encoding"
                    + " UTF8 cannot take: a SQL_ASCII database with non-UTF-8 text; correct those rows in the source)"
                    : "";
            throw new SourceFailure(new SQLException("reading " + chunk + " from the source failed: " + e.getMessage()
                    + hint, e.getSQLState(), e));
        }
    }

    private static String targetTable(SourceTable t) {
        return Sql.qualified(t.loadSchema(), t.name().table());
    }

    /** The rest of a copy the target stopped taking: read to its end, so the source's transaction stays usable. */
    private static void drain(CopyOut reading) throws SQLException {
        while (reading.isActive() && reading.readFromCopy() != null) {
            // discarded: the chunk is read again for the salvage
        }
    }

    /** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the row's fault, not the copy's. */
    private static boolean refusedValue(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private Copied salvage(TableChunk chunk, Connection source, Connection target) throws SQLException {
        CopyOut reading = source.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (" + chunk.selectSql() + ") TO STDOUT");
        long[] counts = new long[3];
        List<byte[]> batch = new ArrayList<>();
        byte[] row;
        while ((row = reading.readFromCopy()) != null) {
            batch.add(row);
            counts[1] += row.length;
            if (batch.size() == SALVAGE_BATCH) {
                load(chunk.table(), batch, target, counts);
            }
        }
        load(chunk.table(), batch, target, counts);
        target.commit();
        return new Copied(counts[0], counts[1], counts[2]);
    }

    /** A batch in one COPY; when the target refuses it, each of its rows alone. */
    private void load(SourceTable t, List<byte[]> batch, Connection target, long[] counts) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            counts[0] += copyUnderSavepoint(t, batch, target);
        } catch (SQLException batchRefused) {
            for (byte[] row : batch) {
                try {
                    counts[0] += copyUnderSavepoint(t, List.of(row), target);
                } catch (SQLException e) {
                    counts[2]++;
                    discard(t, row, e);
                }
            }
        }
        batch.clear();
    }

    private static long copyUnderSavepoint(SourceTable t, List<byte[]> rows, Connection target) throws SQLException {
        try (Statement s = target.createStatement()) {
            s.execute("SAVEPOINT salvage");
            CopyIn writing = target.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + targetTable(t) + " (" + t.columnList() + ") FROM STDIN");
            try {
                for (byte[] row : rows) {
                    writing.writeToCopy(row, 0, row.length);
                }
                long n = writing.endCopy();
                s.execute("RELEASE SAVEPOINT salvage");
                return n;
            } catch (SQLException e) {
                if (writing.isActive()) {
                    writing.cancelCopy();
                }
                s.execute("ROLLBACK TO SAVEPOINT salvage");
                if (!refusedValue(e)) {
                    throw new IllegalStateException("salvage of " + t.name() + " failed: " + e.getMessage(), e);
                }
                throw e;
            }
        }
    }

    private void discard(SourceTable t, byte[] line, SQLException e) {
        String text = new String(line, 0, line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length,
                java.nio.charset.StandardCharsets.UTF_8);
        List<String> values = List.of(text.split("\t", -1));
        List<String> key = new ArrayList<>();
        for (String k : t.key()) {
            int i = t.columns().stream().map(SourceColumn::name).toList().indexOf(k);
            key.add(k + "=" + (i < values.size() ? values.get(i) : "?"));
        }
        String column = null;
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            Matcher found = m.getWhere() == null ? null : COLUMN.matcher(m.getWhere());
            column = found != null && found.find() ? found.group(1) : m.getColumn();
        }
        discards.discard(t, key.isEmpty() ? null : String.join(", ", key), column, e.getMessage(), values);
    }
}
