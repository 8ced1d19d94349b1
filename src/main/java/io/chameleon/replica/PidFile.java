package io.chameleon.replica;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pid file of a running replica, {@code pid_dir/<configuration>_<source>.pid}, as pg_chameleon
 * keeps it: the process id on one line. It is created atomically by the replica process itself,
 * so of two replicas of one source started at the same time only one gets it; a file naming a
 * process that no longer runs (a replica killed with SIGKILL) is stale and is replaced.
 */
public final class PidFile {
    private final Path file;

    public PidFile(Path pidDir, String config, String source) {
        this.file = pidDir.resolve(config + "_" + source + ".pid");
    }

    public Path path() {
        return file;
    }

    /** The pid the file names, if the file exists and holds a number. */
    public Optional<Long> pid() throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.matches("\\d{1,19}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The live process the file names; empty when there is no file or its process has ended. */
    public Optional<ProcessHandle> running() throws IOException {
        return pid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    /**
     * Writes the current process's pid.
     *
     * @throws ReplicaRefused when the file names another process that is alive
     */
    public void acquire(String sourceName) throws IOException {
        long self = ProcessHandle.current().pid();
        Files.createDirectories(file.getParent());
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
                try {
                    Files.writeString(tmp, self + "\n", StandardCharsets.US_ASCII);
                    // a hard link is created only when the name is free: no window with an empty file
                    Files.createLink(file, tmp);
                    return;
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (FileAlreadyExistsException e) {
                Optional<Long> other = pid();
                if (other.isPresent() && other.get() == self) {
                    return;
                }
                Optional<ProcessHandle> alive = running();
                if (alive.isPresent()) {
                    throw new ReplicaRefused("the replica of source " + sourceName + " is running already (pid "
                            + alive.get().pid() + ", pid file " + file + "); stop it first with stop_replica --source "
                            + sourceName);
                }
                // stale: its process is gone
                Files.deleteIfExists(file);
            } catch (UnsupportedOperationException noLinks) {
                Files.writeString(file, self + "\n", StandardCharsets.US_ASCII);
                return;
            }
        }
        throw new IOException("cannot create the pid file " + file + ": it keeps reappearing");
    }

    /** Removes the file if it names the current process. */
    public void release() {
        try {
            if (pid().orElse(-1L) == ProcessHandle.current().pid()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // left behind: it names a process that has ended, so the next start treats it as stale
        }
    }

    /** Removes a file whose process has ended; true if there was one. */
    public boolean removeStale() throws IOException {
        if (Files.exists(file) && running().isEmpty()) {
            return Files.deleteIfExists(file);
        }
        return false;
    }
}
