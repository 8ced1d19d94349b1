package io.chameleon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/chameleon's JVM options: the heap it picks for the commands that copy or replicate, and that
 * an explicit one wins; the class-data archive it makes and uses, silently without it when it does
 * not match the jar. The launcher runs under a JAVA_HOME whose java writes down the options of
 * the command instead of running it, and runs the real java for the heap's sizing (the jar that
 * {@code mvn package} built).
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin/chameleon").toAbsolutePath();
    private static final Path JAR = Path.of("target/chameleon.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void sizesTheHeapFromCopyMaxMemoryOfTheSource() throws Exception {
        Path config = config("1G");
        assertThat(jvmOptions(Map.of(), "init_replica", "--config", config.toString(), "--source", "mysql"))
                .contains("-Xmx1120m");
        assertThat(jvmOptions(Map.of(), "start_replica", "--config=" + config, "--source=mysql")).contains("-Xmx1120m");
    }

    @Test
    void theReplicaRunsWithC1OnlyUnlessJavaOptsSaysOtherwise() throws Exception {
        Path config = config("300M");
        assertThat(jvmOptions(Map.of(), "start_replica", "--config", config.toString()))
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(jvmOptions(Map.of(), "init_replica", "--config", config.toString()))
                .doesNotContain("-XX:TieredStopAtLevel=1");
        List<String> chosen = jvmOptions(Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "start_replica", "--config",
                config.toString());
        assertThat(chosen.lastIndexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(chosen.indexOf("-XX:TieredStopAtLevel=1"));
    }

    @Test
    void theDefaultCopyMaxMemoryGetsAHeapThatKeepsTheProcessWithin512MiB() throws Exception {
        Path config = config("300M");
        assertThat(jvmOptions(Map.of(), "init_replica", "--config", config.toString(), "--source", "mysql"))
                .contains("-Xmx396m", "-XX:+UseSerialGC");
    }

    @Test
    void aCollectorChosenByHandReplacesTheSerialOne() throws Exception {
        Path config = config("300M");
        assertThat(jvmOptions(Map.of("JAVA_OPTS", "-XX:+UseG1GC"), "start_replica", "--config", config.toString()))
                .contains("-Xmx396m", "-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void anExplicitHeapWins() throws Exception {
        Path config = config("1G");
        List<String> explicit = jvmOptions(Map.of("JAVA_OPTS", "-Xmx2g"), "init_replica", "--config", config.toString());
        assertThat(explicit).contains("-Xmx2g").doesNotContain("-XX:+UseSerialGC")
                .filteredOn(o -> o.startsWith("-Xmx")).hasSize(1);
        assertThat(jvmOptions(Map.of("JAVA_OPTS", "-XX:MaxRAMPercentage=50"), "init_replica", "--config",
                config.toString())).noneMatch(o -> o.startsWith("-Xmx"));
        assertThat(jvmOptions(Map.of("JAVA_TOOL_OPTIONS", "-XX:MaxHeapSize=1g"), "start_replica", "--config",
                config.toString())).noneMatch(o -> o.startsWith("-Xmx"));
    }

    @Test
    void otherCommandsAndUnreadableConfigurationsKeepTheJvmDefault() throws Exception {
        Path config = config("1G");
        assertThat(jvmOptions(Map.of(), "show_status", "--config", config.toString())).noneMatch(o -> o.startsWith("-Xmx"));
        // the command still runs, and says what is wrong with its --config
        assertThat(jvmOptions(Map.of(), "init_replica", "--config", tmp.resolve("none.yml").toString()))
                .noneMatch(o -> o.startsWith("-Xmx")).contains("init_replica");
    }

    @Test
    void theClassArchiveIsMadeOnceUsedAndSilentlyDoneWithoutWhenItDoesNotMatchTheJar() throws Exception {
        Path jar = Files.copy(JAR, tmp.resolve("chameleon.jar"));
        Path archive = tmp.resolve("chameleon.jsa");
        Path stamp = tmp.resolve("chameleon.jsa.stamp");
        assertThat(realRun(jar, "")).isEqualTo(version()); // no archive yet: made in the background
        awaitStamp(stamp, 0);
        assertThat(realRun(jar, "-Xlog:class+load")).contains("source: shared objects file (top)");
        // a broken archive with a matching stamp: the JVM does without it, silently
        byte[] good = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        Files.write(archive, new byte[4096]);
        assertThat(realRun(jar, "")).isEqualTo(version());
        Files.write(archive, good);
        // the jar rebuilt: run without the archive, silently, and make it again
        long before = Files.getLastModifiedTime(stamp).toMillis();
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        assertThat(realRun(jar, "-Xlog:class+load")).doesNotContain("shared objects file (top)");
        awaitStamp(stamp, before);
        assertThat(realRun(jar, "-Xlog:class+load")).contains("source: shared objects file (top)");
        // JAVA_OPTS still wins
        assertThat(realRun(jar, "-Xshare:off -Xlog:class+load")).doesNotContain("shared objects file");
    }

    /** The launcher's output for --version with the real java, this jar and these JAVA_OPTS. */
    private String realRun(Path jar, String javaOpts) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "--version").redirectErrorStream(true);
        pb.environment().keySet().removeAll(List.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
        pb.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"), "CHAMELEON_JAR", jar.toString(),
                "HOME", tmp.toString(), "JAVA_OPTS", javaOpts));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output.strip();
    }

    private String version() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-jar", JAR.toString(),
                "--version").redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.strip();
    }

    /** Waits for the background training to write the stamp (after {@code after}, in ms since the epoch). */
    private static void awaitStamp(Path stamp, long after) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!(Files.exists(stamp) && Files.getLastModifiedTime(stamp).toMillis() > after)) {
            assertThat(System.nanoTime()).as("no class archive made within 3 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private Path config(String copyMaxMemory) throws IOException {
        String example = new String(getClass().getResourceAsStream("/config-example.yml").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(example).contains("copy_max_memory: 300M");
        Path file = tmp.resolve("c-" + copyMaxMemory + ".yml");
        Files.writeString(file, example.replace("copy_max_memory: 300M", "copy_max_memory: " + copyMaxMemory));
        return file;
    }

    /** The arguments bin/chameleon gives java for this command line, with this environment added. */
    private List<String> jvmOptions(Map<String, String> env, String... args) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path recorded = tmp.resolve("args");
        Files.deleteIfExists(recorded);
        Path java = home.resolve("java");
        // written once: the launcher's background archive run may still be executing it ("text file busy")
        if (!Files.exists(java)) {
            writeFakeJava(java, recorded);
        }
        ProcessBuilder pb = new ProcessBuilder(concat(LAUNCHER.toString(), args)).redirectErrorStream(true);
        pb.environment().keySet().removeAll(List.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
        pb.environment().putAll(Map.of("JAVA_HOME", home.getParent().toString(), "CHAMELEON_JAR", JAR.toString(),
                "HOME", tmp.toString()));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return Files.readAllLines(recorded);
    }

    private static void writeFakeJava(Path java, Path recorded) throws IOException {
        Files.writeString(java, "#!/bin/sh\n"
                + "for a; do [ \"$a\" = io.chameleon.cli.HeapOption ] && exec '" + System.getProperty("java.home")
                + "/bin/java' \"$@\"; [ \"$a\" = io.chameleon.cli.ClassArchiveTraining ] && exit 0; done\n"
                + "printf '%s\\n' \"$@\" > '" + recorded + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
