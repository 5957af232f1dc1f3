package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.Json;
import netdyn.cli.io.NpyReader;
import netdyn.sweep.ResultStore;

/**
 * Runs that end early, in a child JVM as a user meets them: SIGINT and SIGTERM stop at a step (task)
 * boundary and keep every series at the same length with a summary saying so; a write that fails (a
 * file-size limit, as on a full disk) names the file, keeps what was written loadable, and records the
 * failure; and train records θ sparsely unless asked.
 */
class EarlyEndTest {
    @TempDir
    Path tmp;

    /** A child JVM running the command line, its stdout and stderr in files. */
    private Process start(List<String> prefix, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules",
                "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "netdyn.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(tmp.resolve("child.out").toFile())
                .redirectError(tmp.resolve("child.err").toFile()).start();
    }

    private static void await(Process child, BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && !ready.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as("the child ended before it could be signalled").isTrue();
        assertThat(ready.getAsBoolean()).as("the child never got going").isTrue();
    }

    private static void signal(Process child, String name) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(child.pid())).start().waitFor()).isZero();
    }

    private int exit(Process child) throws Exception {
        try {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child did not stop").isTrue();
            return child.exitValue();
        } finally {
            child.destroyForcibly();
        }
    }

    private String childErr() throws IOException {
        return Files.readString(tmp.resolve("child.err"));
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void sigintStopsTrainingAtAStepWithEverySeriesEndingThereAndASummarySayingSo() throws Exception {
        Path run = tmp.resolve("run");
        Process child = start(List.of(), "train", "--steps", "2000000", "--record-every", "1", "--out",
                run.toString());
        await(child, () -> size(run.resolve("params.npy")) > 2_000_000);
        signal(child, "INT");
        int code = exit(child);

        assertThat(code).as(childErr()).isEqualTo(130);
        String err = childErr().strip();
        assertThat(err.lines().reduce((a, b) -> b).orElseThrow()).startsWith("netdyn: interrupted by SIGINT at step ")
                .contains(run.toString()).doesNotContain("Exception");
        JsonNode summary = Json.mapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("interrupted");
        assertThat(summary.get("signal").asText()).isEqualTo("SIGINT");
        long t = summary.get("stoppedAt").asLong();
        assertThat(t).isBetween(1000L, 1_999_999L);
        assertThat(summary.get("total").asLong()).isEqualTo(2_000_000L);

        NpyReader.Array loss = NpyReader.read(run.resolve("loss.npy"));
        NpyReader.Array params = NpyReader.read(run.resolve("params.npy"));
        NpyReader.Array accuracy = NpyReader.read(run.resolve("accuracy.npy"));
        assertThat(loss.shape()).containsExactly(t);
        assertThat(params.shape()).containsExactly(t, 83);
        assertThat(accuracy.shape()).containsExactly(t, 5);
        assertThat(accuracy.data()[(int) (t - 1) * 5]).as("the last recorded step").isEqualTo(t - 1);
        assertThat(summary.get("lastLoss").asDouble()).isEqualTo(loss.data()[(int) t - 1]);
    }

    @Test
    void sigtermStopsASweepAtATaskBoundaryKeepingEveryFinishedRowAndItResumes() throws Exception {
        Path dir = tmp.resolve("sweep");
        String[] sweep = {"sweep", "--lr", "0.01,0.1,0.5,1", "--inits", "2", "--steps", "100000", "--measure", "loss",
            "--threads", "1", "--out", dir.toString()};
        Process child = start(List.of(), sweep);
        Path store = dir.resolve(ResultStore.FILE);
        await(child, () -> {
            try {
                return Files.exists(store) && SweepCommandTest.storedTasks(store).size() >= 2;
            } catch (IOException e) {
                return false;
            }
        });
        signal(child, "TERM");
        int code = exit(child);

        assertThat(code).as(childErr()).isEqualTo(143);
        assertThat(childErr()).contains("interrupted by SIGTERM at task ").contains("run the same command again");
        String text = Files.readString(store);
        assertThat(text).as("no torn line: the stop came between rows").endsWith("\n");
        int kept = SweepCommandTest.storedTasks(store).size();
        assertThat(kept).isBetween(2, 7);
        JsonNode summary = Json.mapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("interrupted");
        assertThat(summary.get("tasksDone").asInt()).isEqualTo(kept);
        assertThat(summary.get("tasks").asInt()).isEqualTo(8);

        CliHarness resumed = CliHarness.run(sweep);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains(kept + " of 8 tasks already done, " + (8 - kept) + " to run")
                .doesNotContain("torn");
        assertThat(SweepCommandTest.storedTasks(store)).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void aWriteBeyondTheFileSizeLimitNamesTheFileKeepsWhatWasWrittenAndRecordsTheFailure() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Path run = tmp.resolve("limited");
        // 512 KiB per file: params.npy (664 bytes a step) reaches it after ~790 steps, the rest stay small
        Process child = start(List.of("/bin/bash", "-c", "ulimit -f 512; exec \"$@\"", "bash"), "train", "--steps",
                "5000", "--record-every", "1", "--out", run.toString());
        int code = exit(child);

        assertThat(code).as(childErr()).isEqualTo(1);
        List<String> lines = childErr().strip().lines().toList();
        assertThat(lines).as("one error line, nothing after it").noneMatch(l -> l.contains("Exception"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("netdyn: cannot write " + run.resolve("params.npy") + ": File too large (a "
                + "file-size limit was reached, e.g. ulimit -f)");
        NpyReader.Array params = NpyReader.read(run.resolve("params.npy"));
        assertThat(params.shape()[0]).as("complete rows only").isBetween(100L, 790L);
        assertThat(params.shape()[1]).isEqualTo(83);
        assertThat(NpyReader.read(run.resolve("loss.npy")).shape()[0]).isGreaterThanOrEqualTo(params.shape()[0]);
        JsonNode summary = Json.mapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("failed");
        assertThat(summary.get("error").asText()).contains("params.npy").contains("File too large");
    }

    @Test
    void runningOutOfMemoryEndsInOneLineNamingTheDataAndTheHeapAndRecordsTheFailure() throws Exception {
        Path run = tmp.resolve("oom");
        // 200 000 samples: the evaluator's workspace of a 64-wide hidden layer alone is 8 × 64 × 200 000 doubles
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "netdyn.cli.Main", "train", "--data", "moons:n=200000", "--hidden", "64", "--steps", "2", "--out",
                run.toString()));
        Process child = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("child.out").toFile())
                .redirectError(tmp.resolve("child.err").toFile()).start();
        int code = exit(child);

        assertThat(code).as(childErr()).isEqualTo(1);
        List<String> lines = childErr().strip().lines().filter(l -> !l.startsWith("WARNING: Using incubator")).toList();
        assertThat(lines).as("one line, no stack trace").hasSize(1);
        assertThat(lines.get(0)).isEqualTo("netdyn: out of memory after loading moons:n=200000 (200000 samples × 2 "
                + "features = 3 MB); the JVM's heap is limited to 64 MB: give it more with NETDYN_JAVA_OPTS=-Xmx2g "
                + "(README: \"Large networks\" lists what a run needs)");
        JsonNode summary = Json.mapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("failed");
        assertThat(summary.get("error").asText()).startsWith("out of memory after loading moons:n=200000");
    }

    @Test
    void trainRecordsAboutAThousandStatesByDefaultAndSaysHowOften() throws Exception {
        Path run = tmp.resolve("default");
        JsonNode summary = CliHarness.run("train", "--steps", "5000", "--out", run.toString(), "--json").json();
        assertThat(summary.get("recordEvery").asLong()).isEqualTo(5);
        NpyReader.Array params = NpyReader.read(run.resolve("params.npy"));
        assertThat(params.shape()).containsExactly(1001, 83);
        assertThat(NpyReader.read(run.resolve("loss.npy")).shape()).containsExactly(5001);
        assertThat(Json.mapper().readTree(run.resolve("manifest.json").toFile()).get("recordEvery").asLong())
                .isEqualTo(5);
    }

    @Test
    void theDefaultIntervalKeepsParamsOfALargeNetworkWithin64MiB() {
        TrainOptions o = new TrainOptions();
        o.steps = 201;
        assertThat(o.recordEvery(50_890)).as("MNIST 784-64-10: 202 states would be 82 MB").isEqualTo(2);
        o.steps = 5000;
        // 5001 states would be 2.0 GB: every 31st step gives 163 states (t = 0, 31, …, 4991 and T), 66 MB
        assertThat(o.recordEvery(50_890)).isEqualTo(31);
        assertThat(TrainWriter.recordedStates(5000, 31) * 50_890 * 8).isLessThanOrEqualTo(64L << 20);
        assertThat(o.recordEvery(83)).as("the Iris network: about 1000 states").isEqualTo(5);
        o.steps = 2_000_000;
        assertThat(o.recordEvery(83)).isEqualTo(2000);
        o.steps = 10;
        assertThat(o.recordEvery(83)).isEqualTo(1);
        o.recordEvery = 7L;
        assertThat(o.recordEvery(50_890)).isEqualTo(7);
    }
}
