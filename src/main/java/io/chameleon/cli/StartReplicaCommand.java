package io.chameleon.cli;

import io.chameleon.pgsource.PgSourceLoad;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.GlobalSettings.LogDest;
import io.chameleon.config.SourceConfig;
import io.chameleon.replica.PidFile;
import io.chameleon.replica.ReplicaDaemon;
import io.chameleon.replica.ReplicaRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@Command(name = "start_replica", description = "Replicate the source's changes from the binlog into PostgreSQL until stopped.")
final class StartReplicaCommand extends ChameleonCommand {
    private static final Logger LOG = LoggerFactory.getLogger(StartReplicaCommand.class);
    /** How long SIGTERM or Ctrl-C waits for the batch being applied. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    /** How long the command waits for the background replica to report running. */
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final String[] args;

    StartReplicaCommand(String[] args) {
        this.args = args;
    }

    private boolean background() {
        return config().global().logDest() == LogDest.FILE && !opts.debug;
    }

    static String logName(String config, String source) {
        return config + "_" + source + "_replica";
    }

    @Override
    void configureLogging() {
        if (background()) {
            if (Detach.isDetachedChild()) {
                LogSetup.file(config().global(), logName(config().name(), source().name()));
            } else {
                LogSetup.quiet();
            }
        } else {
            LogSetup.console(config().global(), opts.debug);
        }
    }

    @Override
    ExitCode execute() throws Exception {
        RootCheck.require("start_replica");
        SourceConfig source = source();
        if (source.type() != SourceConfig.SourceType.MYSQL) {
            throw new CommandFailure(ExitCode.REFUSED, PgSourceLoad.onlyInitReplica(source.name()));
        }
        PidFile pidFile = new PidFile(config().global().pidDir(), config().name(), source.name());
        if (background() && !Detach.isDetachedChild()) {
            return detach(source, pidFile);
        }
        try {
            pidFile.acquire(source.name());
        } catch (ReplicaRefused e) {
            throw new CommandFailure(ExitCode.REFUSED, e.getMessage());
        }
        try {
            ReplicaDaemon daemon;
            try {
                daemon = ReplicaDaemon.prepare(config(), source);
            } catch (ReplicaRefused e) {
                throw new CommandFailure(ExitCode.REFUSED, e.getMessage());
            }
            Thread stopOnSignal = new Thread(() -> stopAndExit(daemon, pidFile), "start_replica-stop");
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            try {
                daemon.run();
            } catch (ReplicaRefused e) {
                throw new CommandFailure(ExitCode.REFUSED, e.getMessage());
            } finally {
                removeHook(stopOnSignal);
            }
            return ExitCode.OK;
        } finally {
            pidFile.release();
        }
    }

    /**
     * The checks on the terminal (a running replica, the source's state, its tables), then the
     * same command in a background process; returns once that process reports running.
     */
    private ExitCode detach(SourceConfig source, PidFile pidFile) throws Exception {
        Optional<ProcessHandle> running = pidFile.running();
        if (running.isPresent()) {
            throw new CommandFailure(ExitCode.REFUSED, "the replica of source " + source.name() + " is running already"
                    + " (pid " + running.get().pid() + ", pid file " + pidFile.path() + "); stop it first with"
                    + " stop_replica --source " + source.name());
        }
        try {
            ReplicaDaemon.prepare(config(), source);
        } catch (ReplicaRefused e) {
            throw new CommandFailure(ExitCode.REFUSED, e.getMessage());
        }
        String name = logName(config().name(), source.name());
        Path log = config().global().logDir().resolve(name + ".log");
        Path console = config().global().logDir().resolve(name + ".console");
        // the decision to allow root was taken here: the child inherits it
        Map<String, String> env = RootCheck.allowed() ? Map.of(RootCheck.ENV, "1") : Map.of();
        long pid = Detach.start(args, console, env);
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean exited = child.map(p -> !p.isAlive()).orElse(true);
            if (runningAs(source, pid)) {
                io.out().println("start_replica of source " + source.name() + " runs in the background (pid " + pid
                        + "); log: " + log + "; pid file: " + pidFile.path() + "; stop it with: chameleon stop_replica"
                        + " --config " + opts.config + " --source " + source.name());
                return ExitCode.OK;
            }
            if (exited) {
                throw new CommandFailure(ExitCode.FAILED, "the background replica of source " + source.name()
                        + " (pid " + pid + ") ended while starting: " + lastLine(console) + "; see " + log);
            }
            Thread.sleep(200);
        }
        io.out().println("start_replica of source " + source.name() + " was started in the background (pid " + pid
                + ") but has not reported running within " + START_WAIT.toSeconds() + "s; log: " + log
                + "; follow it with: chameleon show_status --config " + opts.config + " --source " + source.name());
        return ExitCode.OK;
    }

    private boolean runningAs(SourceConfig source, long pid) throws Exception {
        try (Connection c = openCatalogConnection()) {
            SourceRecord r = Catalog.open(c).sources().get(source.name());
            return r.status() == SourceStatus.RUNNING && r.holder() != null && r.holder().pid() == pid;
        }
    }

    private static String lastLine(Path console) {
        try {
            if (Files.exists(console)) {
                return Files.readAllLines(console).stream().filter(l -> !l.isBlank()).reduce((a, b) -> b)
                        .orElse("no output");
            }
        } catch (java.io.IOException e) {
            // fall through
        }
        return "no output";
    }

    /** SIGTERM or Ctrl-C: the batch being applied is finished, the status recorded, and the exit code is 0. */
    private static void stopAndExit(ReplicaDaemon daemon, PidFile pidFile) {
        LOG.info("stop requested: finishing the current batch");
        daemon.stop();
        try {
            if (daemon.awaitFinished(STOP_WAIT)) {
                pidFile.release();
                Runtime.getRuntime().halt(ExitCode.OK.code);
            }
            LOG.error("the replica did not stop within {}s; exiting without waiting (the next start resumes at the"
                    + " last applied batch)", STOP_WAIT.toSeconds());
            pidFile.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it stops the replica and ends the process
        }
    }
}
