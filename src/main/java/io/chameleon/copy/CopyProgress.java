package io.chameleon.copy;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the initial load, per table and in total, updated by the workers. */
public final class CopyProgress {
    private final Map<TablePlan, TableCounters> tables = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();

    /** One table's counters. */
    public static final class TableCounters {
        final TablePlan plan;
        final LongAdder rows = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder discarded = new LongAdder();
        final AtomicInteger chunksDone = new AtomicInteger();
        final int chunks;
        volatile long startNanos;
        volatile long endNanos;

        TableCounters(TablePlan plan, int chunks) {
            this.plan = plan;
            this.chunks = chunks;
        }

        public String name() {
            return plan.source().name().toString();
        }

        public long rows() {
            return rows.sum();
        }

        public long bytes() {
            return bytes.sum();
        }

        public long discarded() {
            return discarded.sum();
        }

        public long estimatedRows() {
            return plan.source().estimatedRows();
        }

        public boolean started() {
            return startNanos != 0;
        }

        public boolean done() {
            return chunksDone.get() >= chunks;
        }

        public double seconds() {
            long end = endNanos != 0 ? endNanos : System.nanoTime();
            return startNanos == 0 ? 0 : (end - startNanos) / 1e9;
        }
    }

    void register(TablePlan plan, int chunks) {
        tables.put(plan, new TableCounters(plan, chunks));
    }

    void started(TablePlan plan) {
        TableCounters t = tables.get(plan);
        if (t.startNanos == 0) {
            t.startNanos = System.nanoTime();
        }
    }

    /** Marks one chunk done; true when it was the table's last. */
    boolean chunkDone(TablePlan plan) {
        TableCounters t = tables.get(plan);
        boolean last = t.chunksDone.incrementAndGet() >= t.chunks;
        if (last) {
            t.endNanos = System.nanoTime();
        }
        return last;
    }

    void add(TablePlan plan, long rows, long bytes) {
        TableCounters t = tables.get(plan);
        t.rows.add(rows);
        t.bytes.add(bytes);
    }

    void discarded(TablePlan plan, long n) {
        tables.get(plan).discarded.add(n);
    }

    public TableCounters of(TablePlan plan) {
        return tables.get(plan);
    }

    public Collection<TableCounters> tables() {
        return tables.values();
    }

    public long totalRows() {
        return tables.values().stream().mapToLong(TableCounters::rows).sum();
    }

    public long totalBytes() {
        return tables.values().stream().mapToLong(TableCounters::bytes).sum();
    }

    public long totalDiscarded() {
        return tables.values().stream().mapToLong(TableCounters::discarded).sum();
    }

    public long estimatedRows() {
        return tables.values().stream().mapToLong(t -> Math.max(t.estimatedRows(), t.rows())).sum();
    }

    public long tablesDone() {
        return tables.values().stream().filter(TableCounters::done).count();
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
