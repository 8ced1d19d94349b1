package io.chameleon.copy;

import io.chameleon.config.SourceConfig.CopyMode;
import io.chameleon.failure.TransientRetries;
import io.chameleon.types.BadValueException;
import io.chameleon.types.ConversionReport;
import io.chameleon.types.CopyTextBuffer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Copies one chunk: the SELECT is streamed row by row into PostgreSQL's COPY, directly
 * ({@code copy_mode: direct}) or through a file in {@code out_dir} ({@code file}). Memory holds
 * one fetch of rows and one flush buffer, whatever the table size. When COPY refuses the data,
 * the chunk is re-read from the same snapshot and salvaged row by row. A transient failure (a lock
 * on the table not granted within the session's lock_timeout, a deadlock, a statement timeout)
 * rolls the chunk back and copies it again from the same snapshot, as {@link TransientRetries} says.
 */
final class ChunkCopier {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkCopier.class);
    static final int FLUSH_BYTES = 1 << 20;

    private final CopyMode mode;
    private final Path outDir;
    private final long fetchBudget;
    private final CopyProgress progress;
    private final DiscardSink discards;
    private final String sourceName;

    /** @param fetchBudget bytes of fetched rows one worker may hold */
    ChunkCopier(CopyMode mode, Path outDir, long fetchBudget, CopyProgress progress, DiscardSink discards,
            String sourceName) {
        this.sourceName = sourceName;
        this.mode = mode;
        this.outDir = outDir;
        this.fetchBudget = fetchBudget;
        this.progress = progress;
        this.discards = discards;
    }

    /** Copies the chunk and commits it; returns the rows loaded. */
    long copy(Chunk chunk, Connection mysql, Connection pg, ConversionReport report) throws SQLException, IOException {
        pg.setAutoCommit(false);
        TransientRetries retries = new TransientRetries(sourceName);
        long recorded = 0;
        while (true) {
            Counted counted = new Counted(recorded);
            try {
                return copyOnce(chunk, mysql, pg, report, counted);
            } catch (SQLException e) {
                rollBack(pg, e);
                // a lost connection is not worth the wait: the snapshot went with it
                Optional<Duration> pause = mysql.isValid(10) && pg.isValid(10)
                        ? retries.next(e, "copying " + chunk + " failed: " + PgErrors.describe(e)) : Optional.empty();
                if (pause.isEmpty()) {
                    throw e;
                }
                // the rows go back; rows already discarded stay discarded and are not recorded again
                progress.add(chunk.table(), -counted.rows, -counted.bytes);
                recorded = Math.max(recorded, counted.read);
                try {
                    TransientRetries.sleep(pause.get(), () -> false);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void rollBack(Connection pg, SQLException cause) {
        try {
            pg.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** One attempt at the chunk. */
    private long copyOnce(Chunk chunk, Connection mysql, Connection pg, ConversionReport report, Counted counted)
            throws SQLException, IOException {
        // adjustments count once: those of a failed attempt are dropped with it
        ConversionReport attempt = new ConversionReport();
        try {
            long rows = mode == CopyMode.DIRECT ? copyDirect(chunk, mysql, pg, attempt, counted)
                    : copyViaFile(chunk, mysql, pg, attempt, counted);
            pg.commit();
            report.add(attempt);
            return rows;
        } catch (SQLException e) {
            pg.rollback();
            if (!PgErrors.isDataError(e)) {
                throw e;
            }
            counted.read = Math.max(counted.read, counted.recorded);
            LOG.warn("COPY refused data of {}: {}; re-reading the chunk from the same snapshot to load it row by row",
                    chunk, PgErrors.describe(e));
            // the rows go back; rows already discarded stay discarded and are not recorded again
            progress.add(chunk.table(), -counted.rows, -counted.bytes);
            ConversionReport salvage = new ConversionReport();
            long rows = new RowSalvage(chunk, mysql, pg, new FetchSizer(fetchBudget, chunk.table()), progress, discards).run(salvage, counted.read);
            pg.commit();
            report.add(salvage);
            return rows;
        }
    }

    /**
     * Streams the chunk into COPY inside the caller's open transaction, neither committed nor
     * salvaged: compare's repair deletes and re-copies several ranges of a table in one transaction.
     */
    long copyWithin(Chunk chunk, Connection mysql, Connection pg, ConversionReport report) throws SQLException, IOException {
        Counted counted = new Counted(0);
        return mode == CopyMode.DIRECT ? copyDirect(chunk, mysql, pg, report, counted)
                : copyViaFile(chunk, mysql, pg, report, counted);
    }

    /** What a chunk has reported to the progress so far, to take back if the chunk is salvaged. */
    private static final class Counted {
        /** rows an earlier attempt read from MySQL, whose refused values are recorded already */
        final long recorded;
        long rows;
        long bytes;
        /** rows read from MySQL, whose refused values are already recorded */
        long read;

        Counted(long recorded) {
            this.recorded = recorded;
        }
    }

    private long copyDirect(Chunk chunk, Connection mysql, Connection pg, ConversionReport report, Counted counted)
            throws SQLException {
        CopyManager copy = pg.unwrap(PGConnection.class).getCopyAPI();
        CopyIn in = copy.copyIn(chunk.table().copySql());
        try {
            long rows = stream(chunk, mysql, report, counted, buf -> in.writeToCopy(buf.array(), 0, buf.length()));
            in.endCopy();
            return rows;
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private long copyViaFile(Chunk chunk, Connection mysql, Connection pg, ConversionReport report, Counted counted)
            throws SQLException, IOException {
        Files.createDirectories(outDir);
        Path file = Files.createTempFile(outDir, "chameleon_" + chunk.table().pgTable() + "_", ".copy");
        try {
            long rows;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                rows = stream(chunk, mysql, report, counted, buf -> {
                    try {
                        out.write(buf.array(), 0, buf.length());
                    } catch (IOException e) {
                        throw new SQLException("cannot write " + file + ": " + e.getMessage(), e);
                    }
                });
            }
            CopyManager copy = pg.unwrap(PGConnection.class).getCopyAPI();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                copy.copyIn(chunk.table().copySql(), in, 1 << 16);
            }
            return rows;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FunctionalInterface
    interface Flush {
        void write(CopyTextBuffer buf) throws SQLException;
    }

    /** Reads the chunk and hands COPY text to {@code flush} in pieces of about {@link #FLUSH_BYTES}. */
    private long stream(Chunk chunk, Connection mysql, ConversionReport report, Counted counted, Flush flush)
            throws SQLException {
        TablePlan plan = chunk.table();
        RowEncoder encoder = new RowEncoder(plan, report);
        CopyTextBuffer buf = new CopyTextBuffer(FLUSH_BYTES + (FLUSH_BYTES >> 2));
        long rows = 0;
        long total = 0;
        FetchSizer fetch = new FetchSizer(fetchBudget, plan);
        try (Statement st = mysql.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(fetch.initial());
            try (ResultSet rs = st.executeQuery(chunk.selectSql())) {
                while (rs.next()) {
                    counted.read++;
                    try {
                        int start = buf.length();
                        encoder.encode(rs, buf);
                        fetch.observe(rs, buf.length() - start);
                        rows++;
                    } catch (BadValueException e) {
                        if (counted.read > counted.recorded) {
                            discards.discard(plan, encoder.describeKey(rs), e.column().column(), e.getMessage(), null);
                            progress.discarded(plan, 1);
                        }
                        continue;
                    }
                    if (buf.length() >= FLUSH_BYTES) {
                        report(plan, counted, rows, buf.length());
                        total += rows;
                        rows = 0;
                        flush.write(buf);
                        buf.reset();
                    }
                }
            }
        }
        report(plan, counted, rows, buf.length());
        if (buf.length() > 0) {
            flush.write(buf);
        }
        return total + rows;
    }

    private void report(TablePlan plan, Counted counted, long rows, long bytes) {
        progress.add(plan, rows, bytes);
        counted.rows += rows;
        counted.bytes += bytes;
    }
}
