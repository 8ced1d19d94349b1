package io.chameleon.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same command again as a background process, as pg_chameleon daemonises init_replica
 * with {@code log_dest: file}. The child gets a new session (setsid, when the system has it) so
 * closing the terminal does not stop it, and writes only to the log.
 */
final class Detach {
    static final String ENV = "CHAMELEON_DETACHED";

    private Detach() {}

    static boolean isDetachedChild() {
        return "1".equals(System.getenv(ENV));
    }

    /** Starts the child and returns its pid. */
    static long start(String[] args, Path console) throws IOException {
        return start(args, console, java.util.Map.of());
    }

    /** Starts the child with these variables added to its environment and returns its pid. */
    static long start(String[] args, Path console, java.util.Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        Files.createDirectories(console.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put(ENV, "1");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        pb.redirectErrorStream(true);
        return pb.start().pid();
    }
}
