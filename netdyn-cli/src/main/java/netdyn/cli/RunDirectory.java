package netdyn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import netdyn.BadInputException;

/**
 * A run directory: created empty, never appended to or overwritten unless {@code --force} is
 * given, and then only if it is an earlier netdyn run (it holds manifest.json).
 */
public final class RunDirectory {
    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    public static RunDirectory create(Path dir, boolean force) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException("--out " + dir + " exists and is not a directory");
            }
            if (Files.isDirectory(dir) && !isEmpty(dir)) {
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
            Files.createDirectories(dir);
            return new RunDirectory(dir);
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + ": cannot create the directory (" + e.getMessage() + ")");
        }
    }

    /** An existing run directory that a command continues (a sweep resuming). */
    static RunDirectory existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("--out " + dir + " is not a directory");
        }
        return new RunDirectory(dir);
    }

    /** The first keys of every manifest.json: command, version and the command line as typed. */
    static java.util.Map<String, Object> manifestHeader(String command, picocli.CommandLine.Model.CommandSpec spec) {
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

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
