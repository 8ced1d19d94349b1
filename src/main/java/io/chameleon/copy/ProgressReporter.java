package io.chameleon.copy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Locale;

import static io.chameleon.format.Quantities.bytes;
import static io.chameleon.format.Quantities.count;

/**
 * Shows the load's progress: on a terminal, a status line per running table and a total line,
 * redrawn every second; otherwise a plain log line every ten seconds.
 */
final class ProgressReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.chameleon.progress");

    private final CopyProgress progress;
    private final PrintStream terminal;
    private final Thread thread;
    private volatile boolean stop;
    private int drawnLines;

    /** @param terminal where to draw, or null to log instead */
    ProgressReporter(CopyProgress progress, PrintStream terminal) {
        this.progress = progress;
        this.terminal = terminal;
        this.thread = new Thread(this::run, "progress");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long interval = terminal != null ? 1000 : 10_000;
        while (!stop) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            if (!stop) {
                report();
            }
        }
    }

    synchronized void report() {
        if (terminal == null) {
            LOG.info(totalLine());
            return;
        }
        StringBuilder b = new StringBuilder();
        if (drawnLines > 0) {
            b.append("\033[").append(drawnLines).append('F');
        }
        int lines = 0;
        for (CopyProgress.TableCounters t : progress.tables().stream().filter(t -> t.started() && !t.done())
                .sorted(Comparator.comparing(CopyProgress.TableCounters::name)).limit(8).toList()) {
            b.append("\033[2K  ").append(tableLine(t)).append('\n');
            lines++;
        }
        b.append("\033[2K").append(totalLine()).append('\n');
        lines++;
        for (int i = lines; i < drawnLines; i++) {
            b.append("\033[2K\n");
        }
        drawnLines = Math.max(lines, drawnLines);
        terminal.print(b);
        terminal.flush();
    }

    static String tableLine(CopyProgress.TableCounters t) {
        double secs = Math.max(t.seconds(), 0.001);
        double rate = t.rows() / secs;
        long remaining = Math.max(0, t.estimatedRows() - t.rows());
        return String.format(Locale.ROOT, "%-40s %12s rows %10s %10s rows/s  ETA %s", t.name(), count(t.rows()),
                bytes(t.bytes()), count((long) rate), eta(rate, remaining));
    }

    String totalLine() {
        double secs = Math.max(progress.elapsedSeconds(), 0.001);
        double rate = progress.totalRows() / secs;
        long remaining = Math.max(0, progress.estimatedRows() - progress.totalRows());
        return String.format(Locale.ROOT, "total: %d/%d tables, %s rows, %s, %s rows/s, %s/s, ETA %s%s",
                progress.tablesDone(), progress.tables().size(), count(progress.totalRows()), bytes(progress.totalBytes()),
                count((long) rate), bytes((long) (progress.totalBytes() / secs)), eta(rate, remaining),
                progress.totalDiscarded() > 0 ? ", " + progress.totalDiscarded() + " rows discarded" : "");
    }

    /** Estimated time left; the row estimates come from information_schema and may be off. */
    static String eta(double rate, long remainingRows) {
        if (remainingRows == 0) {
            return "0s";
        }
        if (rate < 1) {
            return "?";
        }
        long s = (long) (remainingRows / rate);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
