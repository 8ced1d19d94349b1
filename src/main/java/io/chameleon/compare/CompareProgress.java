package io.chameleon.compare;

import java.io.PrintStream;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

/** One status line redrawn on a terminal while compare runs: ranges done, differences so far, ETA. */
final class CompareProgress {
    private final PrintStream terminal;
    private final int total;
    private final AtomicInteger done;
    private final Collection<TableResult> results;
    private final long start = System.nanoTime();

    /** @param terminal where to draw, or null to draw nothing */
    CompareProgress(PrintStream terminal, int total, AtomicInteger done, Collection<TableResult> results) {
        this.terminal = terminal;
        this.total = total;
        this.done = done;
        this.results = results;
    }

    void draw() {
        if (terminal == null) {
            return;
        }
        int n = done.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        String eta = n == 0 ? "?" : String.format("%.0f s", seconds / n * (total - n));
        long diffs = results.stream().mapToLong(TableResult::differenceCount).sum();
        terminal.print("\rcompare: " + n + "/" + total + " ranges, " + diffs + " differences, ETA " + eta + "   ");
        terminal.flush();
    }

    void end() {
        if (terminal != null) {
            draw();
            terminal.println();
        }
    }
}
