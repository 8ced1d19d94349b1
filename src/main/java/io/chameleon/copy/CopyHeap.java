package io.chameleon.copy;

/**
 * The heap a copy needs: {@code copy_max_memory} for the rows its workers hold, plus room for the
 * drivers, the COPY buffers, the catalogue and the collector. bin/chameleon sizes {@code -Xmx} with
 * it, and init_replica warns when a heap set by hand is smaller.
 */
public final class CopyHeap {
    /** Measured: a 300M copy runs as fast with 396 MiB of heap as with 6 GiB (bench/README.md, "Memory"). */
    private static final long ROOM = 96L << 20;
    /** Runtime.maxMemory() leaves out a survivor space, so a heap of exactly {@link #needed} reports less. */
    private static final long SLACK = 32L << 20;
    /** The replica alone (start_replica) needs little: its rows take a third of the heap whatever their size. */
    private static final long FLOOR = 256L << 20;

    private CopyHeap() {
    }

    /** The {@code -Xmx} for a copy of at most {@code copyMaxMemory} bytes at once. */
    public static long needed(long copyMaxMemory) {
        return Math.max(FLOOR, copyMaxMemory + ROOM);
    }

    /** Whether a JVM whose {@code Runtime.maxMemory()} is {@code maxMemory} can hold such a copy. */
    static boolean enough(long maxMemory, long copyMaxMemory) {
        return maxMemory + SLACK >= needed(copyMaxMemory);
    }
}
