package netdyn.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import netdyn.BadInputException;
import netdyn.FileErrors;
import netdyn.analysis.ResultKeys;

/**
 * A sweep's results as JSON lines: a header line with the sweep's settings, then one line per finished
 * task, appended and forced to disk (write, then fsync) before the task counts as done. Reopening
 * a store reads the finished tasks back, so a sweep killed at any moment restarts where it stopped;
 * a torn last line (a crash mid-write) is detected and cut off; a store made under other settings is
 * refused, naming the settings that differ, so results of two configurations never mix. Only the holder of
 * the directory's {@link DirectoryLock} opens a store for writing (a torn last line may be another writer's
 * line in flight); {@link #read} takes no lock.
 *
 * <p>Rows written before the result keys were unified name four quantities otherwise
 * ({@link ResultKeys#FORMER_NAMES}, e.g. {@code kaplanYorke}); every reader here sees them under the current
 * names, in place in the key order, so an old store resumes, exports and reports as if written today. The
 * file keeps its lines as they were written.
 */
public final class ResultStore implements AutoCloseable {
    public static final String FILE = "store.jsonl";
    private static final String KIND = "netdyn sweep result store";

    private final Path file;
    private final FileChannel channel;
    private final Map<Integer, String> rows = new TreeMap<>();
    private final boolean discardedTornLine;
    private final Map<String, String> settings;
    /** The directory lock this store took and releases; null when its opener already held it. */
    private final DirectoryLock lock;

    private ResultStore(Path file, FileChannel channel, boolean discardedTornLine, Map<String, String> settings,
                        DirectoryLock lock) {
        this.file = file;
        this.lock = lock;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.channel = channel;
        this.discardedTornLine = discardedTornLine;
    }

    /**
     * Opens (creating when absent) the store {@code file} for a sweep with these settings, under the lock of
     * its directory: the one this process already holds ({@link DirectoryLock#heldHere}), or one taken here
     * and released by {@link #close}. Refused when another process holds it.
     */
    public static ResultStore open(Path file, Map<String, String> settings) {
        Path dir = file.toAbsolutePath().getParent();
        DirectoryLock lock = DirectoryLock.heldHere(dir) ? null : DirectoryLock.acquire(dir);
        try {
            return openLocked(file, settings, lock);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static ResultStore openLocked(Path file, Map<String, String> settings, DirectoryLock lock) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                Map<String, Object> header = new LinkedHashMap<>();
                header.put("kind", KIND);
                header.put("version", 1L);
                header.put("settings", new LinkedHashMap<>(settings));
                write(channel, FlatJson.write(header));
                return new ResultStore(file, channel, false, settings, lock);
            }
            Snapshot existing = read(file); // refuses damaged stores without touching them
            String difference = difference(existing.settings(), settings);
            if (difference != null) {
                throw new SettingsMismatchException(String.valueOf(file.getParent()), difference);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            boolean torn = existing.completeBytes() < channel.size();
            if (torn) { // only a store that is resumed is changed
                channel.truncate(existing.completeBytes());
                channel.force(true);
            }
            ResultStore store = new ResultStore(file, channel, torn, settings, lock);
            store.rows.putAll(existing.lines());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(FileErrors.named(file, e));
        }
    }

    /** The settings in a store's header line. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> header(Path file, String line) {
        try {
            Map<String, Object> h = FlatJson.read(line);
            if (!KIND.equals(h.get("kind")) || !(h.get("settings") instanceof Map)) {
                throw new IllegalArgumentException("not a header");
            }
            Map<String, String> s = new LinkedHashMap<>();
            ((Map<String, Object>) h.get("settings")).forEach((k, v) -> s.put(k, String.valueOf(v)));
            return s;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + " is not a netdyn sweep result store (" + e.getMessage() + ")");
        }
    }

    /**
     * The first setting that differs, as "name: here … there …", or null when all agree. A setting that is
     * absent on one side agrees with "null" on the other (a setting that is not set), so stores written
     * before a setting was dropped from the canonical text still resume.
     */
    public static String difference(Map<String, String> stored, Map<String, String> given) {
        List<String> keys = new ArrayList<>(stored.keySet());
        given.keySet().stream().filter(k -> !stored.containsKey(k)).forEach(keys::add);
        for (String k : keys) {
            String a = stored.get(k);
            String b = given.get(k);
            if (!(a == null ? "null" : a).equals(b == null ? "null" : b)) {
                return k + " is " + shorten(a) + " there but " + shorten(b) + " here";
            }
        }
        return null;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "absent";
        }
        return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
    }

    private static void addLine(Path file, Map<Integer, String> rows, String line, int lineNumber) {
        Map<String, Object> row;
        String current = line;
        try {
            row = FlatJson.read(line);
            Map<String, Object> renamed = ResultKeys.withCurrentNames(row);
            if (renamed != row) {
                row = renamed;
                current = FlatJson.write(renamed);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + " line " + lineNumber + " is not a result row (" + e.getMessage()
                    + "); the store is damaged");
        }
        if (!(row.get(ResultKeys.TASK) instanceof Long task)) {
            throw new BadInputException(file + " line " + lineNumber + " has no task index; the store is damaged");
        }
        String previous = rows.putIfAbsent(task.intValue(), current);
        if (previous != null && !previous.equals(current)) {
            throw new BadInputException(file + " holds two different rows for task " + task);
        }
    }

    /**
     * A store's settings and complete rows, read without changing the file; {@code completeBytes} is where
     * its last complete line ends (a torn last line after it is ignored).
     */
    public record Snapshot(Map<String, String> settings, Map<Integer, String> lines, long completeBytes) {
    }

    /** Reads a store without changing it and without its directory's lock (readers run beside a writer). */
    public static Snapshot read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            // cut at the last newline byte, not character: a torn write may end inside a multi-byte character
            // (0x0A never occurs inside one), and only complete lines are decoded
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            List<String> lines = new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty()) {
                throw new BadInputException(file + ": the result store has no complete header line; delete it "
                        + "to start over");
            }
            Map<String, String> settings = header(file, lines.get(0));
            Map<Integer, String> rows = new TreeMap<>();
            for (int n = 1; n < lines.size(); n++) {
                addLine(file, rows, lines.get(n), n + 1);
            }
            return new Snapshot(settings, Collections.unmodifiableMap(rows), end);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The line {@link #append} writes for {@code row}: the same bytes wherever the row was computed. */
    public static String rowLine(Map<String, ?> row) {
        return FlatJson.write(row);
    }

    /** Appends a finished task's row durably (returns after fsync). Thread-safe. */
    public synchronized void append(Map<String, Object> row) {
        String line = FlatJson.write(row);
        Object task = row.get(ResultKeys.TASK);
        if (!(task instanceof Number n)) {
            throw new IllegalArgumentException("row without task index");
        }
        if (rows.containsKey(n.intValue())) {
            throw new IllegalStateException("task " + n + " is already in " + file);
        }
        try {
            write(channel, line);
        } catch (IOException e) {
            throw new UncheckedIOException(FileErrors.named(file, e));
        }
        rows.put(n.intValue(), line);
    }

    private static void write(FileChannel channel, String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        channel.position(channel.size()); // after a truncated torn line too
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    public synchronized boolean isDone(int task) {
        return rows.containsKey(task);
    }

    public synchronized int size() {
        return rows.size();
    }

    /** The stored lines by task index (ascending). */
    public synchronized Map<Integer, String> lines() {
        return Collections.unmodifiableMap(new TreeMap<>(rows));
    }

    /** The stored rows by task index (ascending), parsed. */
    public synchronized List<Map<String, Object>> rows() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String line : rows.values()) {
            list.add(FlatJson.read(line));
        }
        return list;
    }

    /** Parses one stored line (for readers of exported JSON lines), former result keys under their current names. */
    public static Map<String, Object> parseRow(String line) {
        return ResultKeys.withCurrentNames(FlatJson.read(line));
    }

    /** The sweep settings the store was made under. */
    public Map<String, String> settings() {
        return settings;
    }

    public boolean discardedTornLine() {
        return discardedTornLine;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
