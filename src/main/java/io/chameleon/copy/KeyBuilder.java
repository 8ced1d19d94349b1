package io.chameleon.copy;

import io.chameleon.pg.PgConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Builds a load's keys and indexes on its own connections, each table's as soon as its data is in
 * ({@link #tableLoaded}), while the other tables still copy: the first tables done no longer wait
 * for the largest one. An index PostgreSQL refuses is a warning naming it and its table, and the
 * other indexes, of that table and the others, are built all the same (the load's contract since
 * before this class). A failure that is not PostgreSQL refusing one index (a lost connection)
 * stops the builders and is rethrown by {@link #awaitAll}.
 */
final class KeyBuilder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyBuilder.class);
    /** Tells one builder that no more tables will come. */
    private static final Job END = new Job(null, null);

    /** One index of one table. */
    private record Job(TablePlan table, TargetDdl.IndexStatement index) {}

    private final PgConnector pg;
    private final int workers;
    private final Map<TablePlan, List<TargetDdl.IndexStatement>> statements;
    private final Consumer<String> warn;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread runner;
    private volatile boolean stopped;
    private boolean ended;

    /** @param statements per table, the statements to run once its data is in */
    KeyBuilder(PgConnector pg, int workers, Map<TablePlan, List<TargetDdl.IndexStatement>> statements,
            Consumer<String> warn) {
        this.pg = pg;
        this.workers = Math.max(1, workers);
        this.statements = statements;
        this.warn = warn;
        this.runner = new Thread(this::runBuilders, "index-builders");
        runner.setDaemon(true);
        runner.start();
    }

    /** The table's data is all in: its keys and indexes may be built now. */
    void tableLoaded(TablePlan plan) {
        statements.getOrDefault(plan, List.of()).forEach(st -> queue.add(new Job(plan, st)));
    }

    /** Waits until every loaded table's keys and indexes are built; rethrows a builder's failure. */
    void awaitAll() throws Exception {
        end();
        runner.join();
        Exception f = failure.get();
        if (f != null) {
            throw f;
        }
    }

    /** Stops the builders when the load failed before {@link #awaitAll}; an index being built is finished. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        end();
        runner.join();
    }

    private synchronized void end() {
        if (!ended) {
            ended = true;
            for (int i = 0; i < workers; i++) {
                queue.add(END);
            }
        }
    }

    private void runBuilders() {
        try {
            Parallel.run(workers, "index", (index, parallel) -> {
                try (Connection c = pg.open(); Statement s = c.createStatement()) {
                    Job job;
                    while ((job = queue.take()) != END) {
                        if (!stopped && !parallel.failed()) {
                            build(s, job);
                        }
                    }
                }
            });
        } catch (Exception e) {
            failure.set(e);
            stopped = true;
        }
    }

    private void build(Statement s, Job job) {
        TargetDdl.IndexStatement st = job.index();
        long start = System.nanoTime();
        try {
            s.execute(st.sql());
            LOG.debug("built index {} of {} in {}s", st.index().name(), job.table().source().name(),
                    String.format("%.1f", (System.nanoTime() - start) / 1e9));
        } catch (SQLException e) {
            warn.accept("PostgreSQL could not build index " + st.index().name() + " of " + job.table().source().name()
                    + " (" + st.sql() + "): " + e.getMessage());
        }
    }
}
