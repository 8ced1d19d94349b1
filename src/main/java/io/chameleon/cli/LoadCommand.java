package io.chameleon.cli;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.GlobalSettings.LogDest;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.CatalogLoadRecorder;
import io.chameleon.copy.InitialLoad;
import io.chameleon.copy.LoadRefused;
import io.chameleon.copy.LoadResult;
import io.chameleon.copy.LoadScope;
import io.chameleon.format.Quantities;
import io.chameleon.mysql.CheckResult;
import io.chameleon.mysql.SnapshotMethod;
import io.chameleon.mysql.Preflight;
import io.chameleon.mysql.PreflightRenderer;
import io.chameleon.mysql.PreflightReport;
import io.chameleon.replica.InitialDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A command that copies tables from MySQL: init_replica (all of them), sync_tables and
 * refresh_schema (some). Checks the source first, runs in the background when logging goes to a
 * file, and records the copy in the catalogue in the transaction that swaps the tables in.
 */
abstract class LoadCommand extends ChameleonCommand {
    private static final Logger LOG = LoggerFactory.getLogger(LoadCommand.class);

    private final String[] args;

    LoadCommand(String[] args) {
        this.args = args;
    }

    /** The command's name, as typed. */
    abstract String name();

    /** The source's status while the command copies. */
    abstract SourceStatus during();

    /** Refuses a source this command cannot copy in its status (other than one running or copying). */
    abstract void requireStatus(SourceRecord record);

    /** The tables to copy. */
    abstract LoadScope scope(Catalog catalog, int sourceId, SourceConfig source) throws SQLException;

    private boolean background() {
        return config().global().logDest() == LogDest.FILE && !opts.debug;
    }

    private String logName(SourceConfig source) {
        return config().name() + "_" + source.name() + "_" + name();
    }

    @Override
    void configureLogging() {
        if (background()) {
            if (Detach.isDetachedChild()) {
                LogSetup.file(config().global(), logName(source()));
            } else {
                LogSetup.quiet();
            }
        } else {
            LogSetup.console(config().global(), opts.debug);
        }
    }

    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
        if (source.type() != SourceConfig.SourceType.MYSQL) {
            throw new CommandFailure(ExitCode.USAGE, "source " + source.name() + " is of type pgsql; " + name() + " of"
                    + " pgsql sources is not supported by this version (only mysql)");
        }
        // checked before detaching as well, so a problem is told here and not only in the background log
        preflight(source);
        if (background() && !Detach.isDetachedChild()) {
            try (Connection c = openCatalogConnection()) {
                Catalog catalog = Catalog.open(c);
                scope(catalog, requireStartable(catalog, source), source);
            }
            Path log = config().global().logDir().resolve(logName(source) + ".log");
            long pid = Detach.start(args, config().global().logDir().resolve(logName(source) + ".console"));
            io.out().println(name() + " of source " + source.name() + " runs in the background (pid " + pid + ");"
                    + " log: " + log + "; follow it with: chameleon show_status --config " + opts.config + " --source "
                    + source.name() + " (use --debug to stay in the foreground)");
            return ExitCode.OK;
        }

        int sourceId;
        LoadScope scope;
        SourceStatus before;
        try (Connection c = openCatalogConnection()) {
            Catalog catalog = Catalog.open(c);
            sourceId = requireStartable(catalog, source);
            scope = scope(catalog, sourceId, source);
            before = catalog.sources().get(source.name()).status();
            // the process first: a source being copied always names the process doing it
            catalog.sources().setProcess(sourceId, ProcessHandle.current().pid(), InetAddress.getLocalHost().getHostName());
            catalog.sources().setStatus(sourceId, during());
        }
        LoadResult result;
        try (CatalogLoadRecorder recorder = new CatalogLoadRecorder(pg(), sourceId,
                new InitialDefinitions(config(), source))) {
            boolean terminal = System.console() != null && !Detach.isDetachedChild();
            result = new InitialLoad(config(), source, recorder, terminal ? io.out() : null, scope).run();
        } catch (Exception e) {
            // a partial copy changed nothing unless it finished (keep_existing_schema empties the tables first)
            SourceStatus after = scope.whole() || before == during() || source.keepExistingSchema() ? SourceStatus.ERROR
                    : before;
            try (Connection c = openCatalogConnection()) {
                Catalog catalog = Catalog.open(c);
                catalog.sources().setStatus(sourceId, after);
                catalog.sources().clearProcess(sourceId);
            }
            if (e instanceof LoadRefused) {
                throw new CommandFailure(ExitCode.REFUSED, name() + " of source " + source.name() + ": " + e.getMessage());
            }
            LOG.error("{} of source {} failed", name(), source.name(), e);
            throw e;
        }
        try (Connection c = openCatalogConnection()) {
            Catalog.open(c).sources().clearProcess(sourceId);
        }
        String summary = summary(source, result);
        LOG.info(summary);
        io.out().println(summary);
        result.adjustments().forEach(a -> io.out().println("adjusted: " + a));
        result.warnings().forEach(w -> io.out().println("warning: " + w));
        return ExitCode.OK;
    }

    private void preflight(SourceConfig source) {
        PreflightReport check = Preflight.run(source, config().pgConn());
        if (!check.passed()) {
            io.err().print(PreflightRenderer.render(check));
            throw new CommandFailure(ExitCode.CHECK_FAILED, name() + " of " + source.name()
                    + " not started: the checks above failed");
        }
        check.results().stream().filter(r -> r.status() != CheckResult.Status.OK)
                .forEach(r -> LOG.warn("check {}: {} {}", r.name(), r.found(), r.fix()));
    }

    /** The source's id, once it is known to be in the catalogue and not being copied or replicated. */
    private int requireStartable(Catalog catalog, SourceConfig source) throws Exception {
        int id = catalog.sources().id(source.name());
        SourceRecord record = catalog.sources().get(source.name());
        SourceStatus status = record.status();
        if (status == SourceStatus.INITIALISING && during() != SourceStatus.INITIALISING) {
            throw new CommandFailure(ExitCode.REFUSED, "source " + source.name() + " is initialising: its init_replica"
                    + " has not finished; wait for it, or if its process is gone, run init_replica again");
        }
        if (status == SourceStatus.INITIALISING || status == SourceStatus.SYNCING) {
            String where = record.processPid() == null ? "no process" : "pid " + record.processPid() + " on " + record.processHost();
            if (record.processPid() == null || record.processHost().equals(InetAddress.getLocalHost().getHostName())
                    && ProcessHandle.of(record.processPid()).map(p -> !p.isAlive()).orElse(true)) {
                // a copy that was killed (or its host rebooted) left the status behind: start again
                LOG.warn("source {} was left {} by {}, which no longer runs; copying again", source.name(), status.label(),
                        where);
                return id;
            }
            throw new CommandFailure(ExitCode.REFUSED, "source " + source.name() + " is " + status.label() + ": a copy"
                    + " runs as " + where + "; wait for it to end (show_status --source " + source.name() + "), or if that"
                    + " process no longer runs, run " + name() + " again on " + record.processHost());
        }
        if (status == SourceStatus.RUNNING) {
            throw new CommandFailure(ExitCode.REFUSED, "source " + source.name() + " is running; stop it first"
                    + " (stop_replica), or if no process runs any more, run enable_replica");
        }
        requireStatus(record);
        return id;
    }

    String summary(SourceConfig source, LoadResult r) {
        long replicated = r.tables().stream().filter(t -> t.replicated()).count();
        return String.format(Locale.ROOT, "%s of source %s done: %d tables (%d replicated, %d without a key)"
                + " in %d chunks, %,d rows, %s in %.1fs (%,.0f rows/s); %d rows discarded; %d values adjusted;"
                + " snapshot %s (%s%s); %d warnings%s",
                name(), source.name(), r.tables().size(), replicated, r.tables().size() - replicated, r.chunks(), r.rows(),
                Quantities.bytes(r.bytes()),
                r.seconds(), r.rows() / Math.max(r.seconds(), 0.001), r.discarded(), r.adjustedValues(),
                r.highWatermark() == null ? "-" : r.highWatermark(), r.method().name().toLowerCase(Locale.ROOT),
                r.method() == SnapshotMethod.GLOBAL_LOCK ? ", global lock held " + r.lockMillis() + " ms" : "", r.warnings().size(),
                r.discarded() > 0 ? "; see the discarded rows in sch_chameleon.discarded_rows" : "");
    }
}
