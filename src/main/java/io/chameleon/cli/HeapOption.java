package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.CopyHeap;

/**
 * {@code java -cp chameleon.jar io.chameleon.cli.HeapOption COMMAND [options]}: prints the
 * {@code -Xmx} that bin/chameleon gives a command that copies or replicates, sized from the
 * {@code copy_max_memory} of its {@code --source} (of every source without one), so the process
 * stays within that and not a quarter of the machine's memory. Prints nothing when the
 * configuration cannot be read: the command itself then reports why.
 */
public final class HeapOption {
    private HeapOption() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("-Xmx" + (heap(args) >> 20) + "m");
        } catch (RuntimeException e) {
            // the command, run next with the JVM's default heap, names what is wrong with its options
        }
    }

    /** The heap for this command line's configuration and source. */
    static long heap(String[] args) {
        ChameleonConfig config = ConfigLoader.load(option(args, "--config"));
        String source = option(args, "--source");
        long copy = source != null ? config.source(source).copyMaxMemory()
                : config.sources().values().stream().mapToLong(SourceConfig::copyMaxMemory).max().orElse(0);
        return CopyHeap.needed(copy);
    }

    /** The value of {@code --name V} or {@code --name=V}, as picocli reads it; null when absent. */
    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        return null;
    }
}
