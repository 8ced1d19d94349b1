package io.chameleon.copy;

import io.chameleon.schema.ColumnDef;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Keeps the rows a worker holds from MySQL within its share of {@code copy_max_memory}. The
 * driver buffers {@code fetchSize} rows, so the size follows the largest row possible: from the
 * column definitions where they bound it, and for tables with text, blob or JSON columns (which
 * they do not) from the largest row seen so far, starting at one row.
 */
final class FetchSizer {
    /** Java holds a fetched value about three times over: the packet, the byte[] and the COPY text. */
    private static final int OVERHEAD = 3;
    private static final int ADJUST_EVERY = 256;
    /**
     * The most a worker holds, however large its share: every young collection copies the fetched
     * rows still held, and held rows outlive several. With the default copy_max_memory over 4 workers
     * (69 MiB of fetch each) the serial collector paused 2.2-2.7 s in an 11 s load of 2M rows, with
     * 4 MiB 0.4 s (bench/README.md, "init_replica"). The driver streams the result, so a smaller
     * fetch adds no round trip.
     */
    private static final long MOST_HELD = 4L << 20;

    private final long budget;
    private final OptionalLong rowBound;
    private long largestRow;
    private long rows;

    FetchSizer(long budgetBytes, TablePlan plan) {
        this.budget = Math.max(1 << 20, Math.min(MOST_HELD, budgetBytes));
        this.rowBound = rowBound(plan);
    }

    int initial() {
        return rowBound.isPresent() ? fit(rowBound.getAsLong()) : 1;
    }

    /** Told the size of each row read; widens or narrows the fetch of unbounded tables as rows come. */
    void observe(ResultSet rs, long rowBytes) throws SQLException {
        if (rowBound.isPresent()) {
            return;
        }
        boolean larger = rowBytes > largestRow;
        largestRow = Math.max(largestRow, rowBytes);
        if (larger || ++rows % ADJUST_EVERY == 0) {
            rs.setFetchSize(fit(largestRow));
        }
    }

    private int fit(long rowBytes) {
        return (int) Math.max(1, budget / (Math.max(64, rowBytes) * OVERHEAD)); // at most 21,845 rows of 64 bytes
    }

    /** The most bytes a row of this table can take on the wire, when every column has a bound. */
    static OptionalLong rowBound(TablePlan plan) {
        long total = 0;
        for (ColumnDef c : plan.source().columns()) {
            long b = columnBound(c);
            if (b < 0) {
                return OptionalLong.empty();
            }
            total += b + 9;
        }
        return OptionalLong.of(total);
    }

    private static long columnBound(ColumnDef c) {
        return switch (c.dataType()) {
            case "char", "varchar" -> c.charMaxLength() == null ? -1 : c.charMaxLength() * 4;
            case "binary", "varbinary" -> c.charMaxLength() == null ? -1 : c.charMaxLength();
            case "enum", "set" -> c.enumValues().stream().mapToLong(v -> v.length() * 4L + 1).sum();
            case "bit" -> 8;
            case "decimal" -> 70;
            case "tinytext", "tinyblob" -> 255 * 4;
            case "text", "mediumtext", "longtext", "blob", "mediumblob", "longblob", "json", "geometry", "point",
                    "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection",
                    "geomcollection" -> -1;
            default -> 40;
        };
    }
}
