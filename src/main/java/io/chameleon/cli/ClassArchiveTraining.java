package io.chameleon.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * {@code java -XX:ArchiveClassesAtExit=chameleon.jsa -cp chameleon.jar io.chameleon.cli.ClassArchiveTraining}:
 * loads (without initialising) every class of the jar, so that the class-data-sharing archive
 * the JVM writes at exit holds all of them, parsed and verified. bin/chameleon makes the archive
 * once per build and starts every command with it: the JVM then maps those classes instead of
 * reading them from the jar (docs/memory.md, "Start"). Classes that cannot load here (an optional
 * dependency missing) are left out of the archive and load from the jar as before.
 */
public final class ClassArchiveTraining {
    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        Path jar = Path.of(ClassArchiveTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader loader = ClassArchiveTraining.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) file.stream()::iterator) {
                String name = e.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                    continue;
                }
                try {
                    Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
                } catch (Throwable t) {
                    // not loadable without a dependency the jar leaves out: it stays out of the archive
                }
            }
        }
    }
}
