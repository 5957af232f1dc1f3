package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.BadInputException;

class DirectoryLockTest {
    @TempDir
    Path tmp;

    /** The child process of the tests: locks args[0], prints "locked", then waits until killed (or orphaned). */
    public static final class Holder {
        public static void main(String[] args) throws IOException {
            DirectoryLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            System.in.read(); // sleeps: the parent never writes, and its end closes the pipe
        }
    }

    /** A child JVM holding the lock of {@code dir}, started when it has printed "locked". */
    static Process holder(Path dir) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return e.toString();
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line).as("the child's first line").isEqualTo("locked");
        return child;
    }

    @Test
    void aSecondAcquireInThisProcessIsRefusedUntilTheFirstIsReleasedAndTheFileStays() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out").resolve("s"));
        long pid = ProcessHandle.current().pid();
        assertThat(DirectoryLock.heldHere(dir)).isFalse();
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            assertThat(DirectoryLock.heldHere(dir)).isTrue();
            assertThat(DirectoryLock.heldHere(tmp.resolve("out").resolve("..").resolve("out").resolve("s")))
                    .as("the same directory by another name").isTrue();
            assertThat(lock.directory()).isEqualTo(dir.toRealPath());
            String holder = Files.readString(dir.resolve(DirectoryLock.FILE));
            assertThat(holder).matches("\\{\"pid\":" + pid + ",\"host\":\".+\",\"started\":\"\\d{4}-\\d\\d-\\d\\dT"
                    + "\\d\\d:\\d\\d:\\d\\dZ\"}\n");
            assertThatThrownBy(() -> DirectoryLock.acquire(dir)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(dir + " is being written by this process (pid " + pid + " on host ")
                    .hasMessageEndingWith("); close its other writer first")
                    .hasMessageNotContaining("\n").hasMessageNotContaining("--");
            assertThat(DirectoryLock.heldHere(dir)).as("the refusal leaves the first lock held").isTrue();
        }
        assertThat(DirectoryLock.heldHere(dir)).isFalse();
        assertThat(dir.resolve(DirectoryLock.FILE)).as("never deleted").exists();
        try (DirectoryLock again = DirectoryLock.acquire(dir)) {
            assertThat(DirectoryLock.heldHere(dir)).isTrue();
            again.close();
            assertThat(DirectoryLock.heldHere(dir)).isFalse();
        } // closing twice does nothing
        assertThat(dir.resolve(DirectoryLock.FILE)).exists();

        assertThatThrownBy(() -> DirectoryLock.acquire(tmp.resolve("missing"))).isInstanceOf(BadInputException.class)
                .hasMessage(tmp.resolve("missing") + " is not a directory");
        assertThat(DirectoryLock.heldHere(tmp.resolve("missing"))).isFalse();
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedNamingItsPidAndFreedAtOnceByKillNine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("s"));
        Files.writeString(dir.resolve(DirectoryLock.FILE), "an old holder's much longer line, left by a process that "
                + "ended long ago\nand a second line\n"); // the next holder truncates it
        Process child = holder(dir);
        try {
            assertThatThrownBy(() -> DirectoryLock.acquire(dir)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(dir + " is being written by another netdyn process (pid " + child.pid()
                            + " on host ")
                    .hasMessageContaining(", started ")
                    .hasMessageEndingWith("); wait for it to finish or stop it")
                    .hasMessageNotContaining("\n");
            assertThat(DirectoryLock.heldHere(dir)).isFalse();
            assertThat(Files.readAllLines(dir.resolve(DirectoryLock.FILE))).hasSize(1).allMatch(
                    l -> l.startsWith("{\"pid\":" + child.pid() + ","));
        } finally {
            child.destroyForcibly(); // SIGKILL: the child releases nothing itself
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) { // at once: no stale lock to wait for or clean up
            assertThat(Files.readString(dir.resolve(DirectoryLock.FILE)))
                    .startsWith("{\"pid\":" + ProcessHandle.current().pid() + ",");
        }
    }

    @Test
    void aStoreIsNotOpenedForWritingWhileAnotherProcessHoldsItsDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("s"));
        Path file = dir.resolve(ResultStore.FILE);
        Map<String, String> settings = ResultStoreTest.SETTINGS;
        try (ResultStore s = ResultStore.open(file, settings)) {
            s.append(ResultStoreTest.row(0, 0.25));
        }
        // the other writer's line in flight: to this process it looks like a torn last line
        Files.writeString(file, "{\"task\":1,\"lr\":\"0.", StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file);
        Process child = holder(dir);
        try {
            assertThatThrownBy(() -> ResultStore.open(file, settings)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("pid " + child.pid());
            assertThat(Files.readAllBytes(file)).as("no repair, no append").isEqualTo(before);
            assertThat(ResultStore.read(file).lines().keySet()).as("readers take no lock").containsExactly(0);
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (ResultStore s = ResultStore.open(file, settings)) {
            assertThat(s.discardedTornLine()).isTrue();
        }
    }

    @Test
    void aStoreUsesTheLockItsOpenerHoldsAndOtherwiseHoldsItsOwnUntilClosed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("s"));
        Path file = dir.resolve(ResultStore.FILE);
        try (ResultStore s = ResultStore.open(file, ResultStoreTest.SETTINGS)) {
            assertThat(DirectoryLock.heldHere(dir)).isTrue();
            assertThatThrownBy(() -> DirectoryLock.acquire(dir)).hasMessageContaining("by this process");
        }
        assertThat(DirectoryLock.heldHere(dir)).as("released by close").isFalse();
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            try (ResultStore s = ResultStore.open(file, ResultStoreTest.SETTINGS)) {
                s.append(ResultStoreTest.row(3, 1.0));
            }
            assertThat(DirectoryLock.heldHere(dir)).as("the opener's lock is left to the opener").isTrue();
        }
        assertThat(DirectoryLock.heldHere(dir)).isFalse();
        Map<String, String> other = new LinkedHashMap<>(ResultStoreTest.SETTINGS);
        other.put("steps", "1");
        assertThatThrownBy(() -> ResultStore.open(file, other)).hasMessageContaining("other settings");
        assertThat(DirectoryLock.heldHere(dir)).as("a refused open releases the lock it took").isFalse();
        assertThat(Files.readAllLines(file)).as("header and task 3").hasSize(2);
    }
}
