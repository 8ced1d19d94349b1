package io.chameleon.cli;

import io.chameleon.alert.Alert;
import io.chameleon.alert.Alerts;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.LeaseTerms;
import io.chameleon.catalog.SourceLease;
import io.chameleon.catalog.SourceTransition;
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
import io.chameleon.pgsource.PgCopyResult;
import io.chameleon.pgsource.PgSourceLoad;
import io.chameleon.replica.InitialDefinitions;
import io.chameleon.replica.LeaseRenewal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

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

    /** The command's transition: the statuses it copies from and the status while it copies. */
    abstract SourceTransition transition();

    /** The command's name, as typed. */
    final String name() {
        return transition().command();
    }

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

    /** pg_chameleon's alerts: finished (info); not started (error) or failed (critical, with the trace). */
    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
        try {
            return load(source);
        } catch (CommandFailure refused) {
            Alerts.send(Alert.error(source.name(), name() + " of source " + source.name() + " not started",
                    refused.getMessage()));
            throw refused;
        } catch (Exception e) {
            Alerts.send(Alert.critical(source.name(), name() + " of source " + source.name() + " failed: "
                    + e.getMessage(), e));
            throw e;
        }
    }

    private ExitCode load(SourceConfig source) throws Exception {
        boolean pgsql = source.type() == SourceConfig.SourceType.PGSQL;
        if (pgsql && transition() != SourceTransition.INIT_REPLICA) {
            throw new CommandFailure(ExitCode.REFUSED, PgSourceLoad.onlyInitReplica(source.name()));
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

        String host = InetAddress.getLocalHost().getHostName();
        LeaseTerms terms = LeaseTerms.fromEnvironment();
        LoadScope scope;
        SourceStatus before;
        SourceLease lease;
        try (Connection c = openCatalogConnection()) {
            Catalog catalog = Catalog.open(c);
            int sourceId = requireStartable(catalog, source);
            scope = scope(catalog, sourceId, source);
            before = catalog.sources().get(source.name()).status();
            lease = catalog.lifecycle().take(source.name(), transition(), ProcessHandle.current().pid(), host, terms);
        }
        if (pgsql) {
            return copyPgsql(source, lease, terms);
        }
        LoadResult result;
        // a load that lost its lease goes on copying into its loading schema, but cannot swap it in: the
        // swap transaction's status change checks the lease
        try (LeaseRenewal renewal = LeaseRenewal.start(pg(), lease, terms, lost -> { });
                CatalogLoadRecorder recorder = new CatalogLoadRecorder(pg(), lease,
                new InitialDefinitions(config(), source))) {
            boolean terminal = System.console() != null && !Detach.isDetachedChild();
            result = new InitialLoad(config(), source, recorder, terminal ? io.out() : null, scope).run();
        } catch (Exception e) {
            // a partial copy changed nothing unless it finished (keep_existing_schema empties the tables first)
            SourceStatus after = scope.whole() || before == transition().during() || source.keepExistingSchema()
                    ? SourceStatus.ERROR : before;
            try (Connection c = openCatalogConnection()) {
                Catalog.open(c).lifecycle().release(lease, after);
            }
            if (e instanceof LoadRefused) {
                throw new CommandFailure(ExitCode.REFUSED, name() + " of source " + source.name() + ": " + e.getMessage());
            }
            LOG.error("{} of source {} failed", name(), source.name(), e);
            throw e;
        }
        try (Connection c = openCatalogConnection()) {
            Catalog.open(c).lifecycle().release(lease, null);
        }
        String summary = summary(source, result);
        LOG.info(summary);
        Alerts.send(Alert.info(source.name(), name() + " of source " + source.name() + " finished", summary));
        io.out().println(summary);
        result.adjustments().forEach(a -> io.out().println("adjusted: " + a));
        result.warnings().forEach(w -> io.out().println("warning: " + w));
        return ExitCode.OK;
    }

    /** init_replica of a pgsql source: a copy only, recorded and summarised in one line. */
    private ExitCode copyPgsql(SourceConfig source, SourceLease lease, LeaseTerms terms) throws Exception {
        PgCopyResult result;
        try (LeaseRenewal renewal = LeaseRenewal.start(pg(), lease, terms, lost -> { })) {
            result = new PgSourceLoad(config(), source, lease).run();
        } catch (Exception e) {
            try (Connection c = openCatalogConnection()) {
                Catalog.open(c).lifecycle().release(lease, SourceStatus.ERROR);
            }
            LOG.error("{} of source {} failed", name(), source.name(), e);
            throw e;
        }
        try (Connection c = openCatalogConnection()) {
            Catalog.open(c).lifecycle().release(lease, null);
        }
        LOG.info(result.summary());
        Alerts.send(Alert.info(source.name(), name() + " of source " + source.name() + " finished", result.summary()));
        io.out().println(result.summary());
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
                .forEach(r -> LOG.warn("check {}: {}; fix: {}", r.name(), r.found(), r.fix()));
    }

    /**
     * The source's id, once it is known to be in the catalogue and in a status the command copies
     * from, with no other process holding it; checked before the work starts, and again, atomically,
     * when the lease is taken.
     */
    private int requireStartable(Catalog catalog, SourceConfig source) throws Exception {
        SourceRecord record = catalog.sources().get(source.name());
        Optional<String> refusal = transition().refusalFor(record, InetAddress.getLocalHost().getHostName(),
                Instant.now());
        if (refusal.isPresent()) {
            throw new CommandFailure(ExitCode.REFUSED, refusal.get());
        }
        return record.id();
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
