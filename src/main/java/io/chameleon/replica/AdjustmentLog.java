package io.chameleon.replica;

import io.chameleon.apply.AdjustedValues;
import io.chameleon.catalog.ColumnAdjustment;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import io.chameleon.types.Adjustment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Logs the values replay adjusted under the source's value policies as init_replica does ("values
 * adjusted: ..."), at most once per column and interval: the first adjustment of a column is logged
 * at once with the binlog position it came from, the ones after it within the interval are counted
 * and logged when it has passed, with the position of the first of them. The counts themselves are
 * in the catalogue (show_status) and the metrics; this keeps a stream of bad values from flooding
 * the log. Used by the applier's thread only.
 */
final class AdjustmentLog {
    private static final Logger LOG = LoggerFactory.getLogger(AdjustmentLog.class);

    private record Column(TableName table, String column) {}

    /** What a column adjusted since its last line. */
    private static final class Pending {
        final Map<Adjustment, Long> counts = new EnumMap<>(Adjustment.class);
        BinlogPosition first;
        Instant lastLogged;
    }

    private final String source;
    private final Duration interval;
    private final Clock clock;
    private final Map<Column, Pending> columns = new HashMap<>();

    AdjustmentLog(String source, Duration interval, Clock clock) {
        this.source = source;
        this.interval = interval;
        this.clock = clock;
    }

    /** A committed batch's adjustments: logged for the columns not logged within the interval. */
    void committed(AdjustedValues adjusted) {
        if (adjusted.isEmpty()) {
            return;
        }
        for (ColumnAdjustment a : adjusted.entries()) {
            Pending p = columns.computeIfAbsent(new Column(a.table(), a.column()), c -> new Pending());
            p.counts.merge(Adjustment.valueOf(a.kind()), a.values(), Long::sum);
            if (p.first == null) {
                p.first = a.first();
            }
        }
        logDue(clock.instant());
    }

    /** Logs the columns whose interval has passed since their last line; called as the applier idles too. */
    void logDue(Instant now) {
        columns.forEach((column, p) -> {
            if (!p.counts.isEmpty() && (p.lastLogged == null || !now.isBefore(p.lastLogged.plus(interval)))) {
                log(column, p, since(p));
                p.lastLogged = now;
            }
        });
    }

    /** At the stop: what is still waiting for its interval. */
    void logRest() {
        columns.forEach((column, p) -> {
            if (!p.counts.isEmpty()) {
                log(column, p, since(p));
            }
        });
    }

    private static String since(Pending p) {
        return p.lastLogged == null ? "" : " since " + p.lastLogged.truncatedTo(ChronoUnit.SECONDS);
    }

    private void log(Column column, Pending p, String since) {
        List<String> kinds = new ArrayList<>();
        p.counts.forEach((kind, n) -> kinds.add(n + " " + kind.description()));
        LOG.warn("source {}: values adjusted: {}.{}: {}{}; the first in the transaction ending at {} (a column is"
                + " logged at most once every {}s; show_status --source counts them all)", source, column.table(),
                column.column(), kinds.stream().collect(Collectors.joining(", ")), since, p.first,
                interval.toSeconds());
        p.counts.clear();
        p.first = null;
    }
}
