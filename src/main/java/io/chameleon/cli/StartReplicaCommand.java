package io.chameleon.cli;

import io.chameleon.config.GlobalSettings.LogDest;
import io.chameleon.config.SourceConfig;
import io.chameleon.replica.ReplicaDaemon;
import io.chameleon.replica.ReplicaRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.time.Duration;

@Command(name = "start_replica", description = "Replicate the source's changes from the binlog into PostgreSQL until stopped.")
final class StartReplicaCommand extends ChameleonCommand {
    private static final Logger LOG = LoggerFactory.getLogger(StartReplicaCommand.class);
    /** How long SIGTERM or Ctrl-C waits for the batch being applied. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    @Override
    void configureLogging() {
        LogSetup.console(config().global(), opts.debug);
    }

    @Override
    ExitCode execute() throws Exception {
        if (config().global().logDest() == LogDest.FILE && !opts.debug) {
            throw new CommandFailure(ExitCode.USAGE, "start_replica runs in the foreground only in this version:"
                    + " background mode comes later; use --debug (or log_dest: stdout)");
        }
        SourceConfig source = source();
        if (source.type() != SourceConfig.SourceType.MYSQL) {
            throw new CommandFailure(ExitCode.USAGE, "source " + source.name() + " is of type pgsql; start_replica"
                    + " supports only mysql sources");
        }
        ReplicaDaemon daemon;
        try {
            daemon = ReplicaDaemon.prepare(config(), source);
        } catch (ReplicaRefused e) {
            throw new CommandFailure(ExitCode.REFUSED, e.getMessage());
        }
        Thread stopOnSignal = new Thread(() -> stopAndExit(daemon), "start_replica-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            daemon.run();
        } catch (ReplicaRefused e) {
            throw new CommandFailure(ExitCode.REFUSED, e.getMessage());
        } finally {
            removeHook(stopOnSignal);
        }
        return ExitCode.OK;
    }

    /** SIGTERM or Ctrl-C: the batch being applied is finished, the status recorded, and the exit code is 0. */
    private static void stopAndExit(ReplicaDaemon daemon) {
        LOG.info("stop requested: finishing the current batch");
        daemon.stop();
        try {
            if (daemon.awaitFinished(STOP_WAIT)) {
                Runtime.getRuntime().halt(ExitCode.OK.code);
            }
            LOG.error("the replica did not stop within {}s; exiting without waiting (the next start resumes at the"
                    + " last applied batch)", STOP_WAIT.toSeconds());
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
