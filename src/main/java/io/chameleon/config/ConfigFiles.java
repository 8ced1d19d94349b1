package io.chameleon.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code set_configuration_files}: the directories under {@code ~/.pg_chameleon} and the
 * commented example configuration to copy from.
 */
public final class ConfigFiles {
    public static final String EXAMPLE_NAME = "config-example.yml";
    private static final String EXAMPLE_RESOURCE = "/config-example.yml";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** What was done to one path. */
    public enum Outcome { CREATED, ALREADY_THERE, WRITTEN, UNCHANGED, REPLACED }

    /**
     * One path and what was done to it.
     *
     * @param backup where a replaced file's previous content was saved, or null
     */
    public record Step(Path path, Outcome outcome, Path backup) {
        /** One line for the user. */
        public String describe() {
            return switch (outcome) {
                case CREATED -> "created directory " + path;
                case ALREADY_THERE -> "directory " + path + " already exists";
                case WRITTEN -> "wrote " + path;
                case UNCHANGED -> path + " is already this version's example";
                case REPLACED -> "replaced " + path + ", which differed from this version's example; "
                        + "the previous file is saved as " + backup;
            };
        }
    }

    private ConfigFiles() {
    }

    /**
     * Creates {@code <home>/.pg_chameleon/{configuration,pid,logs}} and writes the example into
     * configuration/. An example that differs from this version's is kept under a new name, never
     * lost. The configuration directory, which will hold passwords, is made private to the user.
     */
    public static List<Step> install(Path home) throws IOException {
        Path base = ConfigLocation.baseDir(home);
        Path configuration = ConfigLocation.configurationDir(home);
        List<Step> steps = new ArrayList<>();
        steps.add(directory(base, false));
        steps.add(directory(configuration, true));
        steps.add(directory(base.resolve("pid"), false));
        steps.add(directory(base.resolve("logs"), false));
        steps.add(example(configuration.resolve(EXAMPLE_NAME)));
        return steps;
    }

    /** The example configuration shipped with this version. */
    public static String exampleText() {
        try (InputStream in = ConfigFiles.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Step directory(Path dir, boolean privateToUser) throws IOException {
        if (Files.isDirectory(dir)) {
            return new Step(dir, Outcome.ALREADY_THERE, null);
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = privateToUser && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Files.createDirectory(dir, attributes);
        return new Step(dir, Outcome.CREATED, null);
    }

    private static Step example(Path file) throws IOException {
        byte[] example = exampleText().getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(file)) {
            Files.write(file, example);
            return new Step(file, Outcome.WRITTEN, null);
        }
        if (Arrays.equals(Files.readAllBytes(file), example)) {
            return new Step(file, Outcome.UNCHANGED, null);
        }
        Path backup = freeName(file);
        Files.move(file, backup);
        Files.write(file, example);
        return new Step(file, Outcome.REPLACED, backup);
    }

    /** {@code <file>.bak}, or .bak2, .bak3… when taken. */
    private static Path freeName(Path file) {
        Path candidate = file.resolveSibling(file.getFileName() + ".bak");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(file.getFileName() + ".bak" + n);
        }
        return candidate;
    }
}
