package io.chameleon.cli;

import io.chameleon.replica.PidFile;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops replicas through their pid files, as pg_chameleon's stop_replica does: SIGTERM to the
 * process, which finishes the batch it is applying, records the status stopped, removes its pid
 * file and exits; then waits for it to end.
 */
final class ReplicaStop {
    /** How long a replica is given to finish its batch (it waits up to 60 s for itself). */
    static final Duration WAIT = Duration.ofSeconds(120);

    private ReplicaStop() {}

    private record Signalled(String source, PidFile file, ProcessHandle process) {}

    /** @return true when every replica named is stopped (or was not running) */
    static boolean stop(List<String> sources, String config, java.nio.file.Path pidDir, PrintStream out)
            throws IOException, InterruptedException {
        List<Signalled> signalled = new ArrayList<>();
        for (String source : sources) {
            PidFile file = new PidFile(pidDir, config, source);
            Optional<ProcessHandle> process = file.running();
            if (process.isEmpty()) {
                boolean stale = file.removeStale();
                out.println("the replica of source " + source + " is not running" + (stale
                        ? " (removed the stale pid file " + file.path() + ")" : ""));
                continue;
            }
            out.println("stopping the replica of source " + source + " (pid " + process.get().pid()
                    + "): it finishes the batch it is applying");
            process.get().destroy();
            signalled.add(new Signalled(source, file, process.get()));
        }
        boolean all = true;
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (Signalled s : signalled) {
            try {
                s.process().onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                // a replica ends by removing its file; one that could not leaves a stale file
                s.file().removeStale();
                out.println("the replica of source " + s.source() + " stopped");
            } catch (TimeoutException e) {
                all = false;
                out.println("the replica of source " + s.source() + " (pid " + s.process().pid() + ") did not stop within "
                        + WAIT.toSeconds() + "s; it is still running: look at its log, and run stop_replica again");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return all;
    }
}
