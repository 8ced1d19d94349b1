package io.chameleon.copy;

import io.chameleon.types.BadValueException;
import io.chameleon.types.ConversionReport;
import io.chameleon.types.CopyTextBuffer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a chunk COPY refused: re-reads it from the same snapshot in batches, and splits any batch
 * PostgreSQL refuses in halves under savepoints down to the single rows at fault. Good rows land,
 * each bad row is recorded with its key and PostgreSQL's reason.
 */
final class RowSalvage {
    private static final int BATCH_ROWS = 512;
    private static final int BATCH_BYTES = 4 << 20;

    private final Chunk chunk;
    private final Connection mysql;
    private final Connection pg;
    private final FetchSizer fetch;
    private final CopyProgress progress;
    private final DiscardSink discards;
    private final CopyManager copy;

    RowSalvage(Chunk chunk, Connection mysql, Connection pg, FetchSizer fetch, CopyProgress progress, DiscardSink discards)
            throws SQLException {
        this.chunk = chunk;
        this.mysql = mysql;
        this.pg = pg;
        this.fetch = fetch;
        this.progress = progress;
        this.discards = discards;
        this.copy = pg.unwrap(PGConnection.class).getCopyAPI();
    }

    /**
     * @param alreadyRecorded the rows the first attempt read: values the converters refused in
     *     them are recorded already and are not recorded twice
     */
    long run(ConversionReport report, long alreadyRecorded) throws SQLException {
        TablePlan plan = chunk.table();
        RowEncoder encoder = new RowEncoder(plan, report);
        CopyTextBuffer buf = new CopyTextBuffer(BATCH_BYTES + (BATCH_BYTES >> 2));
        List<Integer> ends = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long loaded = 0;
        long read = 0;
        try (Statement st = mysql.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(fetch.initial());
            try (ResultSet rs = st.executeQuery(chunk.selectSql())) {
                while (rs.next()) {
                    read++;
                    try {
                        int start = buf.length();
                        encoder.encode(rs, buf);
                        fetch.observe(rs, buf.length() - start);
                    } catch (BadValueException e) {
                        if (read > alreadyRecorded) {
                            discards.discard(plan, encoder.describeKey(rs), e.column().column(), e.getMessage(), null);
                            progress.discarded(plan, 1);
                        }
                        continue;
                    }
                    ends.add(buf.length());
                    keys.add(encoder.describeKey(rs));
                    if (ends.size() >= BATCH_ROWS || buf.length() >= BATCH_BYTES) {
                        loaded += load(buf, ends, keys, 0, ends.size());
                        buf.reset();
                        ends.clear();
                        keys.clear();
                    }
                }
            }
        }
        loaded += load(buf, ends, keys, 0, ends.size());
        return loaded;
    }

    /** Loads rows [from, to) of the batch, bisecting on refusal; returns the rows that landed. */
    private long load(CopyTextBuffer buf, List<Integer> ends, List<String> keys, int from, int to) throws SQLException {
        if (from >= to) {
            return 0;
        }
        int start = from == 0 ? 0 : ends.get(from - 1);
        int end = ends.get(to - 1);
        Savepoint sp = pg.setSavepoint();
        try {
            copy.copyIn(chunk.table().copySql(), new ByteArrayInputStream(buf.array(), start, end - start));
            pg.releaseSavepoint(sp);
            progress.add(chunk.table(), to - from, end - start);
            return to - from;
        } catch (SQLException e) {
            pg.rollback(sp);
            if (!PgErrors.isDataError(e)) {
                throw e;
            }
            if (to - from == 1) {
                String image = new String(buf.array(), start, end - start - 1, StandardCharsets.UTF_8);
                discards.discard(chunk.table(), keys.get(from), PgErrors.column(e), PgErrors.describe(e), image);
                progress.discarded(chunk.table(), 1);
                return 0;
            }
            int mid = (from + to) >>> 1;
            return load(buf, ends, keys, from, mid) + load(buf, ends, keys, mid, to);
        } catch (IOException e) {
            throw new SQLException("COPY from memory failed: " + e.getMessage(), e);
        }
    }
}
