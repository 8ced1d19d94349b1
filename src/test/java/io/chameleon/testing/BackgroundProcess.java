package io.chameleon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process a chameleon command left running in the background (init_replica or start_replica
 * with {@code log_dest: file}), found by the pid the command printed: waiting on it, killing it,
 * and what it wrote to log_dir for the message of a failed assertion.
 */
public final class BackgroundProcess {
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+)\\)");
    private static final Duration POLL = Duration.ofMillis(200);

    private final long pid;
    private final Path logDir;
    private final String logName;

    private BackgroundProcess(long pid, Path logDir, String logName) {
        this.pid = pid;
        this.logDir = logDir;
        this.logName = logName;
    }

    /**
     * @param detached the command that went to the background; its output names the pid
     * @param logName the name of its files in {@code logDir} without extension, e.g. {@code test_mysql_replica}
     */
    public static BackgroundProcess of(ReplicaFixture.Run detached, Path logDir, String logName) {
        Matcher m = PID.matcher(detached.out());
        if (!m.find()) {
            throw new AssertionError("no pid in the output of the command:\n" + detached.all() + logs(logDir, logName));
        }
        return new BackgroundProcess(Long.parseLong(m.group(1)), logDir, logName);
    }

    public long pid() {
        return pid;
    }

    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A check made while waiting, against the databases or the files the process writes. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Polls {@code condition} until it holds, the process has ended, or {@code timeout} has passed.
     *
     * @return whether the condition held
     */
    public boolean awaitWhileAlive(Condition condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // looked at before the condition: once the process has ended, the condition after is its last word
            boolean ended = !isAlive();
            if (condition.holds()) {
                return true;
            }
            if (ended || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Waits until the process is gone as other processes see it; true when it went within the time. */
    public boolean awaitExit(Duration timeout) throws Exception {
        return awaitWhileAlive(() -> !isAlive(), timeout);
    }

    /** SIGKILL, as a crash or the OOM killer ends it, then waits until it is gone. */
    public void kill() throws Exception {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        if (!awaitExit(Duration.ofSeconds(30))) {
            throw new AssertionError("pid " + pid + " still runs 30 s after SIGKILL");
        }
    }

    /** Kills the process if it still runs: for a finally block, so a failed test leaves nothing behind. */
    public void killIfAlive() {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** What the process wrote: its console output and its log. */
    public String output() {
        return logs(logDir, logName);
    }

    /** The console output and the log of a background command, also before its pid is known. */
    public static String logs(Path logDir, String logName) {
        StringBuilder b = new StringBuilder("\nbackground process output:\n");
        for (String name : new String[] {logName + ".console", logName + ".log"}) {
            Path p = logDir.resolve(name);
            try {
                b.append("--- ").append(name).append('\n').append(Files.exists(p) ? Files.readString(p) : "(none)\n");
            } catch (IOException e) {
                b.append(e).append('\n');
            }
        }
        return b.toString();
    }
}
