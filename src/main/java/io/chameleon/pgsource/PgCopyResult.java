package io.chameleon.pgsource;

import java.util.List;
import java.util.Locale;

/**
 * What an init_replica of a pgsql source did, for its summary line.
 *
 * @param snapshot the exported snapshot every table was read in
 */
public record PgCopyResult(String source, int tables, int withKey, int chunks, long rows, long bytes, long discarded,
        double seconds, String snapshot, List<String> warnings) {

    public PgCopyResult {
        warnings = List.copyOf(warnings);
    }

    public String summary() {
        return String.format(Locale.ROOT, "init_replica of source %s done: %d tables (%d with a key, %d without) in %d"
                + " chunks, %,d rows, %s in %.1fs (%,.0f rows/s); %d rows discarded%s; %s; %d warnings", source, tables,
                withKey, tables - withKey, chunks, rows, io.chameleon.format.Quantities.bytes(bytes), seconds,
                rows / Math.max(seconds, 0.001), discarded,
                discarded > 0 ? " (see them in sch_chameleon.discarded_rows)" : "",
                "consistent: every table read in snapshot " + snapshot,
                warnings.size());
    }
}
