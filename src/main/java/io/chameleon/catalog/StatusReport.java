package io.chameleon.catalog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.config.SourceConfig.SourceType;
import io.chameleon.schema.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The data of show_status and show_errors, as plain records for the CLI to render. */
public final class StatusReport {
    private static final String ERROR_COLUMNS = "SELECT e.*, s.source_name FROM sch_chameleon.error_log e"
            + " JOIN sch_chameleon.sources s USING (source_id)";

    private final Connection connection;

    StatusReport(Connection connection) {
        this.connection = connection;
    }

    /** show_status: every source, by id. */
    public List<SourceSummary> sources() throws SQLException {
        List<SourceSummary> sources = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT * FROM sch_chameleon.sources ORDER BY source_id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sources.add(summary(rs));
            }
        }
        return sources;
    }

    /** show_status --source: the summary and the details of one source. */
    public SourceDetail source(String name) throws SQLException {
        int id = new SourceRegistry(connection).id(name);
        try (PreparedStatement s = connection.prepareStatement("SELECT src.*, t.*, d.discarded"
                + " FROM sch_chameleon.sources src,"
                + " LATERAL (SELECT count(*) FILTER (WHERE replicated) AS replicated_count,"
                + "   count(*) FILTER (WHERE NOT replicated) AS not_replicated_count,"
                + "   count(*) FILTER (WHERE copied_at IS NOT NULL) AS copied_count,"
                + "   coalesce(sum(rows_copied), 0) AS rows_copied_sum, coalesce(sum(bytes_copied), 0) AS bytes_copied_sum"
                + "   FROM sch_chameleon.replicated_tables WHERE source_id = src.source_id) t,"
                + " LATERAL (SELECT count(*) AS discarded FROM sch_chameleon.discarded_rows"
                + "   WHERE source_id = src.source_id) d"
                + " WHERE src.source_id = ?")) {
            s.setInt(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new SourceDetail(summary(rs), new SchemaMappings(connection).list(id), rs.getInt("replicated_count"),
                        rs.getInt("not_replicated_count"), notReplicated(id), rs.getInt("copied_count"),
                        rs.getLong("rows_copied_sum"), rs.getLong("bytes_copied_sum"), rs.getLong("discarded"),
                        rs.getLong("replayed_rows"), rs.getLong("replayed_ddl"), rs.getLong("skipped_rows"),
                        PositionColumns.read(rs, "applied_"),
                        PositionColumns.read(rs, "high_watermark_"), Jdbc.nullableLong(rs, "process_pid"),
                        rs.getString("process_host"));
            }
        }
    }

    /** show_errors: every logged error, oldest first. */
    public List<ErrorSummary> errors() throws SQLException {
        List<ErrorSummary> errors = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(ERROR_COLUMNS + " ORDER BY e.log_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                errors.add(errorSummary(rs));
            }
        }
        return errors;
    }

    /** show_errors --logid: one error in full. */
    public ErrorDetail error(long logId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(ERROR_COLUMNS + " WHERE e.log_id = ?")) {
            s.setLong(1, logId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new CatalogException("there is no error with log id " + logId
                            + " in the replica catalogue: show_errors lists them");
                }
                String file = rs.getString("binlog_file");
                return new ErrorDetail(errorSummary(rs), rs.getString("sql_text"), rs.getString("message"),
                        file == null ? null : new BinlogPosition(file, rs.getLong("binlog_position"), null));
            }
        }
    }

    private static SourceSummary summary(ResultSet rs) throws SQLException {
        Instant readSourceTime = Jdbc.instant(rs, "read_source_time");
        Instant replaySourceTime = Jdbc.instant(rs, "replay_source_time");
        return new SourceSummary(rs.getInt("source_id"), rs.getString("source_name"),
                SourceType.valueOf(rs.getString("source_type").toUpperCase(Locale.ROOT)),
                SourceStatus.fromLabel(rs.getString("status")), rs.getBoolean("consistent"),
                lag(readSourceTime, Jdbc.instant(rs, "read_at")), readSourceTime,
                lag(replaySourceTime, Jdbc.instant(rs, "replayed_at")), replaySourceTime);
    }

    private static Duration lag(Instant sourceTime, Instant reportedAt) {
        return sourceTime == null || reportedAt == null ? null : Duration.between(sourceTime, reportedAt);
    }

    private List<TableNotReplicated> notReplicated(int sourceId) throws SQLException {
        List<TableNotReplicated> tables = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT mysql_schema, mysql_table, pg_schema,"
                + " pg_table, not_replicated_reason FROM sch_chameleon.replicated_tables"
                + " WHERE source_id = ? AND NOT replicated ORDER BY mysql_schema, mysql_table")) {
            s.setInt(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(new TableNotReplicated(new TableName(rs.getString(1), rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return tables;
    }

    private static ErrorSummary errorSummary(ResultSet rs) throws SQLException {
        return new ErrorSummary(rs.getLong("log_id"), rs.getString("source_name"), Jdbc.nullableLong(rs, "batch_id"),
                rs.getString("mysql_table"), rs.getString("mysql_schema"), Jdbc.instant(rs, "error_at"));
    }
}
