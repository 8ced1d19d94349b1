package io.chameleon.pgsource;

import java.util.List;
import java.util.Locale;

/**
 * What an init_replica of a pgsql source did, for its summary line.
 *
 * @param snapshot the exported snapshot's id; null when the source (a hot standby) could not export one
 */
public record PgCopyResult(String source, int tables, int withKey, int chunks, long rows, long bytes, long discarded,
        double seconds, String snapshot, List<String> warnings) {

    public PgCopyResult {
        warnings = List.copyOf(warnings);
    }

    public boolean consistent() {
        return snapshot != null;
    }

    public String summary() {
        return String.format(Locale.ROOT, "init_replica of source %s done: %d tables (%d with a key, %d without) in %d"
                + " chunks, %,d rows, %s in %.1fs (%,.0f rows/s); %d rows discarded%s; %s; %d warnings", source, tables,
                withKey, tables - withKey, chunks, rows, io.chameleon.format.Quantities.bytes(bytes), seconds,
                rows / Math.max(seconds, 0.001), discarded,
                discarded > 0 ? " (see them in sch_chameleon.discarded_rows)" : "",
                consistent() ? "consistent: every table read in snapshot " + snapshot
                        : "NOT consistent across tables: the source is a hot standby, which cannot export a snapshot,"
                        + " so each worker read at its own point",
                warnings.size());
    }
}
