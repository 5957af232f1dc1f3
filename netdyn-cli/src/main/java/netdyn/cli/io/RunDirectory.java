package netdyn.cli.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import netdyn.BadInputException;
import netdyn.cli.Main;
import netdyn.sweep.DirectoryLock;

/**
 * A run directory: created empty, never appended to or overwritten unless {@code --force} is
 * given, and then only if it is an earlier netdyn run (it holds manifest.json). A command holds the
 * directory's {@link DirectoryLock} from before it looks at the directory until {@link #releaseAll}
 * (when the command ends), so a second netdyn process writing there is refused; its lock file counts
 * as empty and survives {@code --force}.
 */
public final class RunDirectory {
    /** The locks of the running command, released by {@link #releaseAll}; guarded by itself. */
    private static final List<DirectoryLock> LOCKS = new ArrayList<>();

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    public static RunDirectory create(Path dir, boolean force) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException("--out " + dir + " exists and is not a directory");
            }
            Files.createDirectories(dir);
            lock(dir); // before the directory is looked at: another writer is refused with its holder's name
            if (!isEmpty(dir)) {
                if (!force) {
                    throw new BadInputException("--out " + dir + " exists and is not empty; choose another directory "
                            + "or add --force to replace it");
                }
                if (!Files.exists(dir.resolve("manifest.json"))) {
                    throw new BadInputException("--out " + dir + " is not empty and is not a netdyn run directory "
                            + "(no manifest.json); --force only replaces netdyn run directories");
                }
                deleteContents(dir);
            }
            return new RunDirectory(dir);
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + ": cannot create the directory (" + e.getMessage() + ")");
        }
    }

    /** An existing run directory that a command continues (a sweep resuming). */
    public static RunDirectory existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("--out " + dir + " is not a directory");
        }
        lock(dir);
        return new RunDirectory(dir);
    }

    /**
     * Holds the lock of {@code dir} until {@link #releaseAll}; a directory this command already holds is
     * not locked twice (the atlas looks into its directory before it knows whether it resumes or creates).
     */
    private static void lock(Path dir) {
        synchronized (LOCKS) {
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (LOCKS.stream().noneMatch(held -> held.directory().equals(real))) {
                LOCKS.add(DirectoryLock.acquire(dir));
            }
        }
    }

    /**
     * Releases the directory locks taken by {@link #create} and {@link #existing}; called when a command
     * ends, so that the next command run in the same JVM (tests, Java callers) may write there.
     */
    public static void releaseAll() {
        synchronized (LOCKS) {
            RuntimeException failure = null;
            for (DirectoryLock held : LOCKS) {
                try {
                    held.close();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            LOCKS.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** The first keys of every manifest.json: command, version and the command line as typed. */
    public static java.util.Map<String, Object> manifestHeader(String command, picocli.CommandLine.Model.CommandSpec spec) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("command", command);
        m.put("version", Main.VERSION);
        m.put("commandLine", String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        return m;
    }

    public Path path() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Empty but for the lock file. */
    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(RunDirectory::isLockFile);
        }
    }

    /** Deletes everything but the lock file: deleting it would let another process lock a new one. */
    private static void deleteContents(Path dir) throws IOException {
        Path lockFile = dir.resolve(DirectoryLock.FILE);
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir) && !p.equals(lockFile)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static boolean isLockFile(Path p) {
        return p.getFileName().toString().equals(DirectoryLock.FILE);
    }
}
