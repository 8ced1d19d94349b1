package io.chameleon.pgsource;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.DiscardedRow;
import io.chameleon.pg.PgConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the rows the target refused in the catalogue's discarded rows as they happen, on a
 * connection of its own, so a rolled-back chunk does not take its discards with it.
 */
final class DiscardLog implements ChunkStream.Discards, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscardLog.class);

    private final int sourceId;
    private final Connection connection;
    private final Catalog catalog;

    DiscardLog(PgConnector pg, int sourceId) throws SQLException {
        this.sourceId = sourceId;
        this.connection = pg.open();
        this.catalog = Catalog.open(connection);
    }

    @Override
    public synchronized void discard(SourceTable table, String key, String column, String reason, List<String> row) {
        LOG.warn("discarded a row of {} ({}){}: {}", table.name(), key == null ? "no key" : key,
                column == null ? "" : " column " + column, reason);
        Map<String, String> image = new LinkedHashMap<>();
        for (int i = 0; i < table.columns().size() && i < row.size(); i++) {
            image.put(table.columns().get(i).name(), row.get(i).equals("\\N") ? null : row.get(i));
        }
        try {
            try {
                catalog.discardedRows().record(sourceId, DiscardedRow.of(table.name(), key, column, reason, image, null));
            } catch (SQLException e) {
                if (!"22P05".equals(e.getSQLState())) {
                    throw e;
                }
                // the catalogue's database encoding cannot hold some character of the row: keep it escaped
                image.replaceAll((k, v) -> v == null ? null : asciiEscaped(v));
                catalog.discardedRows().record(sourceId, DiscardedRow.of(table.name(), asciiEscaped(key), column,
                        reason + " (row image: characters outside ASCII written as \\uXXXX, which the catalogue's"
                        + " database encoding cannot hold)", image, null));
            }
        } catch (SQLException e) {
            // the discard is in the log above; the copy goes on
            LOG.error("could not record the discarded row of {} in the catalogue: {}", table.name(), e.getMessage());
        }
    }

    private static String asciiEscaped(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        text.chars().forEach(ch -> b.append(ch < 128 ? String.valueOf((char) ch) : String.format("\\u%04x", ch)));
        return b.toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
