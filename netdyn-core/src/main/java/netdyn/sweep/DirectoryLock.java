package netdyn.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import netdyn.BadInputException;

/**
 * The one writer of a directory: an exclusive OS lock ({@link FileChannel#tryLock}) on the file
 * {@value #FILE} in it, whose text names the holder (pid, host, start time) for the message that
 * refuses a second writer. The operating system drops the lock when its process ends, however it ends
 * (kill -9 included), so a stale lock never exists and nothing is ever cleaned up; the file itself stays,
 * because deleting it would race with a process that has just opened it and let two writers lock two
 * different files of the same name. Inside one JVM the OS lock cannot tell two holders apart, so the
 * locks this process holds are kept in a registry (by real path) that refuses a second acquire the same
 * way. Readers never take the lock.
 */
public final class DirectoryLock implements AutoCloseable {
    /** The lock file's name inside the locked directory. */
    public static final String FILE = ".netdyn.lock";

    /** The locks this process holds, by the directory's real path; guarded by itself. */
    private static final Map<Path, DirectoryLock> HELD = new HashMap<>();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final String holder;

    private DirectoryLock(Path dir, FileChannel channel, FileLock lock, String holder) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /**
     * Locks the existing directory {@code dir} for this process, creating its lock file when absent, and
     * records this process as the holder; refused (a {@link BadInputException} naming the directory and
     * the holder) when another process, or this one, holds it.
     */
    public static DirectoryLock acquire(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a directory");
        }
        synchronized (HELD) {
            Path real = realPath(dir);
            DirectoryLock mine = HELD.get(real);
            if (mine != null) { // never open a second channel here: closing it would drop the OS lock (POSIX)
                throw new BadInputException(dir + " is being written by this process (" + mine.holder
                        + "); close its other writer first");
            }
            Path file = real.resolve(FILE);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new BadInputException(dir + " is being written by another netdyn process ("
                            + describe(read(channel)) + "); wait for it to finish or stop it");
                }
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("pid", ProcessHandle.current().pid());
                record.put("host", hostName());
                record.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                String line = FlatJson.write(record);
                ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                // overwrite in place, then cut: a reader never sees an empty file where a holder was
                long position = 0;
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
                channel.truncate(position);
                DirectoryLock held = new DirectoryLock(real, channel, lock, describe(line));
                HELD.put(real, held);
                return held;
            } catch (OverlappingFileLockException e) { // held in this JVM outside DirectoryLock
                closeQuietly(channel);
                throw new BadInputException(dir + " is being written by this process (pid "
                        + ProcessHandle.current().pid() + "); close its other writer first");
            } catch (IOException e) {
                closeQuietly(channel);
                throw new BadInputException(dir + ": cannot lock " + FILE + " (" + e.getMessage() + ")", e);
            } catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }
    }

    /** Whether this process holds the lock of {@code dir}. */
    public static boolean heldHere(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        synchronized (HELD) {
            return HELD.containsKey(realPath(dir));
        }
    }

    /** The locked directory (its real path). */
    public Path directory() {
        return dir;
    }

    /** Releases the lock; the lock file stays. Closing twice does nothing. */
    @Override
    public void close() {
        synchronized (HELD) {
            HELD.remove(dir, this);
            if (!channel.isOpen()) {
                return;
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot resolve the directory (" + e.getMessage() + ")", e);
        }
    }

    /** The holder's line as written by {@link #acquire}; empty when not (yet) written or unreadable. */
    private static String read(FileChannel channel) {
        try {
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            int n = 0;
            while (bytes.hasRemaining() && n >= 0) {
                n = channel.read(bytes, bytes.position());
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).lines().findFirst()
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** "pid 1234 on host h, started 2026-11-30T23:50:01Z" from a holder line. */
    private static String describe(String line) {
        try {
            Map<String, Object> h = FlatJson.read(line);
            if (h.get("pid") instanceof Long pid) {
                return "pid " + pid + " on host " + h.get("host") + ", started " + h.get("started");
            }
        } catch (IllegalArgumentException e) {
            // fall through: written by something else, or caught mid-write
        }
        return "holder not recorded";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                // the refusal or the first failure is what the caller needs
            }
        }
    }
}
