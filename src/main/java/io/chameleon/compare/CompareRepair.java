package io.chameleon.compare;

import io.chameleon.copy.RangeRecopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * compare --repair: while the replica still holds at the compared point, each table with
 * differences gets its differing key ranges deleted in PostgreSQL and copied again from the same
 * MySQL snapshot, in one PostgreSQL transaction per table ({@link RangeRecopy}). Tables are repaired
 * in parallel, one per worker, each worker with its own MySQL snapshot connection and PostgreSQL
 * connection. A table is copied again whole when its differing ranges hold more than
 * {@link #WHOLE_TABLE_SHARE} of its rows, when it passed --repair-max-rows ({@link TableResult#capped}),
 * or when it is not cut into integer key ranges (text or composite key, no key). When the replica
 * goes on from the point, the repaired rows are exactly MySQL's there, so nothing it applies later
 * is lost or doubled.
 */
public final class CompareRepair {
    private static final Logger LOG = LoggerFactory.getLogger(CompareRepair.class);
    /** Share of a table's rows past which copying the whole table again is simpler than range by range. */
    static final double WHOLE_TABLE_SHARE = 0.10;

    /**
     * What the repair of one table did; {@code error} set when it failed (nothing of the table changed);
     * {@code worker} the worker that repaired it.
     */
    public record Repaired(ComparedTable table, String how, long deleted, long inserted, List<String> discarded, long millis,
            String error, int worker) {}

    /** One worker's means: a RangeRecopy on its PostgreSQL connection, and its connection in MySQL's snapshot. */
    record Worker(int index, RangeRecopy recopy, Connection mysql, Connection pg) {}

    private final List<Worker> workers;
    private final long maxRows;

    /** @param maxRows --repair-max-rows, for the report (Long.MAX_VALUE: not given) */
    CompareRepair(List<Worker> workers, long maxRows) {
        this.workers = List.copyOf(workers);
        this.maxRows = maxRows;
    }

    /** Repairs every table of {@code results} that differs, the workers taking one table at a time. */
    List<Repaired> repair(List<ComparedTable> tables, List<TableResult> results) throws InterruptedException {
        ConcurrentLinkedQueue<ComparedTable> work = new ConcurrentLinkedQueue<>();
        Map<ComparedTable, TableResult> byTable = new HashMap<>();
        for (ComparedTable t : tables) {
            TableResult r = results.stream().filter(x -> x.table().equals(t.name())).findFirst().orElseThrow();
            if (r.differenceCount() > 0) {
                work.add(t);
                byTable.put(t, r);
            }
        }
        Map<ComparedTable, Repaired> done = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Math.min(workers.size(), work.size()); i++) {
            Worker w = workers.get(i);
            Thread thread = new Thread(() -> {
                ComparedTable t;
                while ((t = work.poll()) != null) {
                    done.put(t, repair(t, byTable.get(t), w));
                }
            }, "repair-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return tables.stream().filter(done::containsKey).map(done::get).toList();
    }

    private Repaired repair(ComparedTable t, TableResult r, Worker w) {
        List<KeyRange> differing = r.differingRanges();
        List<RangeRecopy.Part> parts = new ArrayList<>();
        long rows = Math.max(r.mysqlRows(), r.pgRows());
        String how;
        if (differing.stream().anyMatch(KeyRange::whole) || !w.recopy().rangesOn(t.def(), t.key().get(0))) {
            how = "whole table (" + (t.key().isEmpty() ? "no key" : "not cut into integer key ranges") + ")";
            parts.add(RangeRecopy.Part.WHOLE);
        } else if (r.capped()) {
            how = "whole table (more than " + maxRows + " differing rows, --repair-max-rows)";
            parts.add(RangeRecopy.Part.WHOLE);
        } else if (r.differingRows() > WHOLE_TABLE_SHARE * rows) {
            how = "whole table (differing key ranges hold " + r.differingRows() + " of its " + rows + " rows, more than "
                    + Math.round(WHOLE_TABLE_SHARE * 100) + "%)";
            parts.add(RangeRecopy.Part.WHOLE);
        } else {
            how = differing.size() + " key ranges (" + r.differingRows() + " of " + rows + " rows)";
            differing.forEach(k -> parts.add(new RangeRecopy.Part(k.from(), k.to())));
        }
        long start = System.nanoTime();
        try {
            RangeRecopy.Outcome o = w.recopy().recopy(t.def(), t.pgSchema(), t.key().isEmpty() ? null : t.key().get(0),
                    parts, w.mysql(), w.pg());
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.info("repaired {}: {}, {} rows deleted and {} copied again in {} ms", t.name(), how, o.deleted(),
                    o.inserted(), ms);
            return new Repaired(t, how, o.deleted(), o.inserted(), o.discarded(), ms, null, w.index());
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.error("repair of {} failed, nothing of it changed: {}", t.name(), e.getMessage());
            return new Repaired(t, how, 0, 0, List.of(), (System.nanoTime() - start) / 1_000_000, e.getMessage(),
                    w.index());
        }
    }
}
