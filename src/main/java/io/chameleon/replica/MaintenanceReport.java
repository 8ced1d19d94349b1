package io.chameleon.replica;

import java.time.Duration;
import java.util.List;

/**
 * What one maintenance run did.
 *
 * @param full VACUUM FULL rather than VACUUM
 * @param tables the source's replicated tables, then the catalogue's, in the order they were done
 * @param prunedHistoryRows minutes of replay history deleted as older than batch_retention
 */
public record MaintenanceReport(String source, boolean full, List<TableMaintenance> tables, int prunedHistoryRows,
        String batchRetention, Duration took) {

    public MaintenanceReport {
        tables = List.copyOf(tables);
    }

    public long vacuumed() {
        return tables.stream().filter(TableMaintenance::vacuumed).count();
    }

    public long leftOut() {
        return tables.size() - vacuumed();
    }

    /** {@code VACUUM (ANALYZE)} or {@code VACUUM (FULL, ANALYZE)}. */
    public String command() {
        return full ? "VACUUM (FULL, ANALYZE)" : "VACUUM (ANALYZE)";
    }
}
