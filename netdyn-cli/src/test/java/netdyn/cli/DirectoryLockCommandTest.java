package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import netdyn.sweep.DirectoryLock;
import netdyn.sweep.ResultStore;

/**
 * One writer per directory, between processes: a child JVM runs a sweep into a directory and is stopped
 * (SIGSTOP, so it holds its lock and writes nothing while the test looks), then commands of this process
 * try the same directory.
 */
@DisabledOnOs(OS.WINDOWS) // kill -STOP
class DirectoryLockCommandTest {
    @TempDir
    Path tmp;

    /** A child sweep of {@code steps}-step tasks; SIGKILLed when closed. */
    record ChildSweep(Process process, String[] args) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    static String[] sweep(int steps, Path dir) {
        return SweepCommandTest.args(new String[] {"sweep", "--lr", "0.01:2:log:4", "--inits", "2", "--steps",
            Integer.toString(steps), "--measure", "loss", "--threads", "1"}, dir);
    }

    /**
     * A child JVM that has written at least one row of its sweep into {@code dir} and is stopped before its
     * last; more steps per task until the child is caught running.
     */
    static ChildSweep stoppedChildSweep(Path tmp, Path dir) throws Exception {
        Path store = dir.resolve(ResultStore.FILE);
        for (int steps = 4000; ; steps *= 2) {
            assertThat(steps).as("the child always finished before it could be stopped").isLessThan(500_000);
            SweepCommandTest.deleteRecursively(dir);
            String[] args = sweep(steps, dir);
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "netdyn.cli.Main"));
            cmd.addAll(Arrays.asList(args));
            Process child = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("child.out").toFile())
                    .redirectError(tmp.resolve("child.err").toFile()).start();
            ChildSweep running = new ChildSweep(child, args);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (child.isAlive() && System.nanoTime() < deadline
                    && (!Files.exists(store) || SweepCommandTest.storedTasks(store).isEmpty())) {
                Thread.sleep(5);
            }
            stop(child);
            if (child.isAlive() && SweepCommandTest.storedTasks(store).size() < 8) {
                return running;
            }
            running.close();
        }
    }

    /** SIGSTOP, and (where /proc tells) wait until every thread of the child has stopped. */
    static void stop(Process child) throws Exception {
        if (!child.isAlive()) {
            return;
        }
        Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (kill.exitValue() != 0) {
            return; // the child ended in between
        }
        Path tasks = Path.of("/proc", Long.toString(child.pid()), "task");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.isDirectory(tasks) && !allStopped(tasks)) {
            assertThat(System.nanoTime()).as("the child's threads never stopped").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static boolean allStopped(Path tasks) {
        try (Stream<Path> s = Files.list(tasks)) {
            return s.allMatch(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    return state == 'T' || state == 't';
                } catch (IOException e) {
                    return true; // the thread has ended
                }
            });
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void aSecondSweepIntoADirectoryBeingWrittenIsRefusedAndReadersStillWork() throws Exception {
        Path dir = tmp.resolve("s");
        Path store = dir.resolve(ResultStore.FILE);
        try (ChildSweep child = stoppedChildSweep(tmp, dir)) {
            byte[] storeBefore = Files.readAllBytes(store);
            byte[] manifestBefore = Files.readAllBytes(dir.resolve("manifest.json"));

            CliHarness second = CliHarness.run(child.args());
            second.assertBadInput(dir + " is being written by another netdyn process (pid " + child.process().pid()
                    + " on host ", "wait for it to finish or stop it");
            assertThat(Files.readAllBytes(store)).as("no repair, no rows").isEqualTo(storeBefore);
            assertThat(Files.readAllBytes(dir.resolve("manifest.json"))).isEqualTo(manifestBefore);
            assertThat(dir.resolve("results.csv")).doesNotExist();

            // readers take no lock: a report of the finished tasks, and a merge reading them into another directory
            assertThat(CliHarness.run("report", dir.toString(), "--json").json().get("kind").asText())
                    .contains("sweep");
            Path merged = tmp.resolve("merged");
            int done = SweepCommandTest.storedTasks(store).size();
            assertThat(CliHarness.run("sweep", "--merge", dir.toString(), "--out", merged.toString(), "--json").json()
                    .get("done").asInt()).isEqualTo(done);
            assertThat(Files.readAllBytes(store)).isEqualTo(storeBefore);
            assertThat(DirectoryLock.heldHere(dir)).as("this process took no lock of the child's directory").isFalse();
            assertThat(DirectoryLock.heldHere(merged)).as("released when the command ended").isFalse();
        }
    }

    @Test
    void forceIntoADirectoryBeingWrittenIsRefusedAndDeletesNothing() throws Exception {
        Path dir = tmp.resolve("s");
        Path store = dir.resolve(ResultStore.FILE);
        try (ChildSweep child = stoppedChildSweep(tmp, dir)) {
            byte[] storeBefore = Files.readAllBytes(store);
            byte[] manifestBefore = Files.readAllBytes(dir.resolve("manifest.json"));
            List<String> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.map(Path::toString).sorted().toList();
            }
            String pid = "(pid " + child.process().pid() + " on host ";

            CliHarness.run("train", "--lr", "0.5", "--steps", "20", "--out", dir.toString(), "--force")
                    .assertBadInput(dir + " is being written by another netdyn process " + pid);
            CliHarness.run(SweepCommandTest.args(child.args(), dir, "--force"))
                    .assertBadInput(dir + " is being written by another netdyn process " + pid);
            CliHarness.run("atlas", "--quality", "quick", "--out", dir.toString(), "--force")
                    .assertBadInput(dir + " is being written by another netdyn process " + pid);
            CliHarness.run("atlas", "--quality", "quick", "--out", dir.toString())
                    .assertBadInput(dir + " is being written by another netdyn process " + pid);

            assertThat(Files.readAllBytes(store)).isEqualTo(storeBefore);
            assertThat(Files.readAllBytes(dir.resolve("manifest.json"))).isEqualTo(manifestBefore);
            try (Stream<Path> s = Files.walk(dir)) {
                assertThat(s.map(Path::toString).sorted().toList()).as("nothing deleted or added").isEqualTo(files);
            }
        }
    }
}
