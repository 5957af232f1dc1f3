package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.Json;
import netdyn.cli.io.NpyReader;
import netdyn.run.RunSpec;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.Axis;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.Measures;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepSpec;

class SweepCommandTest {
    @TempDir
    Path tmp;

    static final String[] SMALL = {"sweep", "--lr", "0.01,0.5,1,3", "--inits", "2", "--steps", "300", "--replicas",
        "2", "--measure", "loss,accuracy,nmle,twin,spectrum:2,sharpness,series"};
    static final String[] TINY = {"sweep", "--lr", "0.1,1", "--inits", "2", "--steps", "20", "--measure", "loss"};
    static final List<String> EXPORTS = List.of("results.csv", "results.jsonl", "loss_tail.npy");

    static String[] args(String[] base, Path out, String... extra) {
        List<String> a = new ArrayList<>(Arrays.asList(base));
        a.addAll(Arrays.asList(extra));
        a.add("--out");
        a.add(out.toString());
        return a.toArray(String[]::new);
    }

    static void assertSameFiles(Path a, Path b, List<String> names) throws IOException {
        for (String f : names) {
            assertThat(b.resolve(f)).as(f).exists();
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    static List<String> taskFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("tasks"))) {
            return s.map(p -> "tasks/" + p.getFileName()).sorted().toList();
        }
    }

    /** Task indices of the complete rows in a store, in file order. */
    static List<Integer> storedTasks(Path store) throws IOException {
        String text = Files.readString(store, StandardCharsets.UTF_8);
        List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
        List<Integer> tasks = new ArrayList<>();
        if (lines.isEmpty()) { // created, header not yet written
            return tasks;
        }
        for (String line : lines.subList(1, lines.size())) {
            tasks.add(((Number) ResultStore.parseRow(line).get("task")).intValue());
        }
        return tasks;
    }

    @Test
    void theSameSweepFromJavaHasTheCommandsRowsAndSettings() throws IOException {
        Path out = tmp.resolve("cli");
        CliHarness.run("sweep", "--lr", "0.5,3", "--vary-hidden", "5;8", "--inits", "2", "--steps", "100",
                "--replicas", "2", "--measure", "loss,accuracy,nmle,twin,spectrum:2,sharpness,series", "--tail-weight",
                "1", "--out", out.toString(), "--json").json();
        SweepSpec spec = new SweepSpec(RunSpec.study(1, 100), List.of(Axis.listed(Setting.HIDDEN, "5;8"),
                Axis.numeric(Setting.LEARNING_RATE, new double[] {0.5, 3})), 2, 2, 1e-8,
                Measures.parse("loss,accuracy,nmle,twin,spectrum:2,sharpness,series"), 64, 0.9, 1);
        SweepResult java = LocalSweep.run(spec, tmp.resolve("java"));
        ResultStore.Snapshot command = ResultStore.read(out.resolve(ResultStore.FILE));
        assertThat(java.lines()).isEqualTo(command.lines());
        assertThat(ResultStore.read(tmp.resolve("java").resolve(ResultStore.FILE)).settings())
                .isEqualTo(command.settings());
    }

    @Test
    void oneThreadTwoThreadsAndMergedShardsGiveIdenticalFiles() throws IOException {
        JsonNode one = CliHarness.run(args(SMALL, tmp.resolve("t1"), "--threads", "1", "--json")).json();
        assertThat(one.get("tasks").asInt()).isEqualTo(8);
        assertThat(one.get("done").asInt()).isEqualTo(8);
        assertThat(one.get("ran").asInt()).isEqualTo(8);
        assertThat(one.get("complete").asBoolean()).isTrue();
        CliHarness.run(args(SMALL, tmp.resolve("t2"), "--threads", "2", "--json")).json();
        JsonNode s1 = CliHarness.run(args(SMALL, tmp.resolve("s1"), "--shard", "1/2", "--json")).json();
        assertThat(s1.get("done").asInt()).isEqualTo(4);
        assertThat(s1.get("complete").asBoolean()).isFalse();
        CliHarness.run(args(SMALL, tmp.resolve("s2"), "--shard", "2/2", "--threads", "1", "--json")).json();
        assertThat(storedTasks(tmp.resolve("s2").resolve(ResultStore.FILE))).containsExactlyInAnyOrder(1, 3, 5, 7);
        JsonNode merged = CliHarness.run("sweep", "--merge", tmp.resolve("s1").toString(), tmp.resolve("s2").toString(),
                "--out", tmp.resolve("m").toString(), "--json").json();
        assertThat(merged.get("done").asInt()).isEqualTo(8);
        assertThat(merged.get("complete").asBoolean()).isTrue();

        List<String> files = new ArrayList<>(EXPORTS);
        files.add("spectrum.npy");
        files.addAll(taskFiles(tmp.resolve("t1")));
        assertThat(taskFiles(tmp.resolve("t1"))).hasSize(24).contains("tasks/task-000007-loss.npy",
                "tasks/task-000007-distance.npy", "tasks/task-000007-testAccuracy.npy");
        for (String other : new String[] {"t2", "m"}) {
            assertThat(taskFiles(tmp.resolve(other))).as(other).isEqualTo(taskFiles(tmp.resolve("t1")));
            assertSameFiles(tmp.resolve("t1"), tmp.resolve(other), files);
        }

        List<String> csv = Files.readAllLines(tmp.resolve("t1").resolve("results.csv"));
        assertThat(csv).hasSize(9);
        assertThat(csv.get(0)).startsWith("task,lr,init,status,").contains(",nmle,", ",lambdaTwin,", ",regime,",
                ",sharpnessMax,", ",testAccuracy,");
        for (int i = 0; i < 8; i++) {
            assertThat(csv.get(i + 1)).startsWith(i + "," + new String[] {"0.01", "0.5", "1.0", "3.0"}[i / 2] + ","
                    + (i % 2) + ",");
        }
        NpyReader.Array tail = NpyReader.read(tmp.resolve("t1").resolve("loss_tail.npy"));
        assertThat(tail.shape()).containsExactly(8, 64);
        NpyReader.Array loss = NpyReader.read(tmp.resolve("t1").resolve("tasks/task-000003-loss.npy"));
        assertThat(loss.shape()).containsExactly(301);
        assertThat(Arrays.copyOfRange(tail.data(), 3 * 64, 4 * 64)).containsExactly(
                Arrays.copyOfRange(loss.data(), 301 - 64, 301));
    }

    @Test
    void aSweepKilledWithSigkillResumesWithoutLossOrDuplicates() throws Exception {
        Path dir = tmp.resolve("killed");
        Path store = dir.resolve(ResultStore.FILE);
        String[] sweep = null;
        int before = -1;
        for (int steps = 1500; before < 0; steps *= 2) {
            assertThat(steps).as("the child always finished before it could be killed").isLessThan(50_000);
            sweep = new String[] {"sweep", "--lr", "0.01:2:log:20", "--inits", "2", "--steps", Integer.toString(steps),
                "--replicas", "2", "--measure", "loss,nmle", "--threads", "1"};
            deleteRecursively(dir);
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "netdyn.cli.Main"));
            cmd.addAll(Arrays.asList(args(sweep, dir)));
            Process child = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("child.out").toFile())
                    .redirectError(tmp.resolve("child.err").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            try {
                while (child.isAlive() && System.nanoTime() < deadline
                        && (!Files.exists(store) || storedTasks(store).size() < 3)) {
                    Thread.sleep(5);
                }
                if (child.isAlive()) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
                }
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(store).as(Files.readString(tmp.resolve("child.err"))).exists();
            int done = storedTasks(store).size();
            if (done < 40) {
                before = done;
            }
        }
        assertThat(before).isBetween(3, 39);
        assertThat(dir.resolve("results.csv")).as("the killed run never got to its exports").doesNotExist();
        // a crash in the middle of writing a row leaves a torn last line
        Files.writeString(store, "{\"task\":39,\"lr\":\"2.0\",\"init\":1,\"status\":\"o", StandardOpenOption.APPEND);

        CliHarness resumed = CliHarness.run(args(sweep, dir));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming").contains(before + " of 40 tasks already done, " + (40 - before)
                + " to run").contains("discarded a torn last line");
        Matcher ran = Pattern.compile("40 of 40 tasks done \\((\\d+) run now").matcher(resumed.out());
        assertThat(ran.find()).as(resumed.out()).isTrue();
        assertThat(Integer.parseInt(ran.group(1))).isEqualTo(40 - before);

        List<Integer> tasks = storedTasks(store);
        assertThat(tasks).hasSize(40).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(tasks)).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
        String text = Files.readString(store);
        assertThat(text).endsWith("\n");

        Path reference = tmp.resolve("uninterrupted");
        assertThat(CliHarness.run(args(sweep, reference, "--threads", "2")).exitCode()).isZero();
        List<String> files = new ArrayList<>(EXPORTS);
        files.addAll(taskFiles(reference));
        assertThat(taskFiles(dir)).isEqualTo(taskFiles(reference));
        assertSameFiles(reference, dir, files);
    }

    @Test
    void badInputIsOneLineWithExitTwo() throws IOException {
        Path out = tmp.resolve("bad");
        CliHarness.run(args(TINY, out, "--lr", "")).assertBadInput("--lr", "empty grid");
        CliHarness.run(args(TINY, out, "--lr", "5:1:4")).assertBadInput("--lr", "reversed");
        CliHarness.run(args(TINY, out, "--lr", "0:1:log:4")).assertBadInput("--lr", "> 0");
        CliHarness.run(args(TINY, out, "--lr", "-1,1")).assertBadInput("--lr", "> 0");
        for (String shard : new String[] {"0/2", "3/2", "1/0", "x", "1/2/3", "-1/2"}) {
            CliHarness.run(args(TINY, out, "--shard", shard)).assertBadInput("--shard");
        }
        CliHarness.run(args(TINY, out, "--threads", "0")).assertBadInput("--threads");
        CliHarness.run(args(TINY, out, "--zoom", "1:5,1:5")).assertBadInput("--zoom");
        CliHarness.run(args(TINY, out, "--lr-hidden", "0.1:1:log:3")).assertBadInput("--lr-hidden", "--lr-output");
        CliHarness.run(args(TINY, out, "--lr-output", "0.1:1:log:3")).assertBadInput("--lr-output", "--lr-hidden");
        CliHarness.run(args(TINY, out, "--lr-hidden", "0.1,1", "--lr-output", "0.1,1", "--zoom", "1:5,1:5"))
                .assertBadInput("--zoom", "range");
        CliHarness.run(args(TINY, out, "--init-from", tmp.resolve("theta.npy").toString()))
                .assertBadInput("--init-from");
        CliHarness.run(args(TINY, out, "--measure", "loss,bogus")).assertBadInput("--measure", "bogus");
        CliHarness.run(args(TINY, out, "--engine", "flink")).assertBadInput("--engine must be local or spark");
        CliHarness.run(args(TINY, out, "--engine", "spark", "--shard", "1/2")).assertBadInput("--shard",
                "--engine spark");
        // the command line's tests run without Spark on the class path (./netdyn adds it for --engine spark)
        CliHarness.run(args(TINY, out, "--engine", "spark", "--master", "local[2]"))
                .assertBadInput("--engine spark: not on the class path", "./netdyn adds netdyn-spark");
        assertThat(out).as("no directory for a refused sweep").doesNotExist();

        Path notSweep = Files.createDirectories(tmp.resolve("not-a-sweep"));
        CliHarness.run("sweep", "--merge", notSweep.toString(), "--out", tmp.resolve("m1").toString())
                .assertBadInput("--merge", "not a sweep");
        assertThat(tmp.resolve("m1")).doesNotExist();
    }

    @Test
    void aDirectoryOfAnotherSweepIsRefusedAndLeftUntouched() throws IOException {
        Path a = tmp.resolve("a");
        assertThat(CliHarness.run(args(TINY, a)).exitCode()).isZero();
        Path store = a.resolve(ResultStore.FILE);
        byte[] storeBefore = Files.readAllBytes(store);
        byte[] csvBefore = Files.readAllBytes(a.resolve("results.csv"));
        byte[] manifestBefore = Files.readAllBytes(a.resolve("manifest.json"));
        String[][] others = {{"--steps", "30"}, {"--lr", "0.1,2"}, {"--inits", "3"}, {"--seed", "1"},
            {"--hidden", "5"}, {"--measure", "loss,accuracy"}, {"--activation", "tanh"}};
        String[] named = {"steps", "grid lr", "inits", "seed", "hidden", "measure", "activation"};
        for (int i = 0; i < others.length; i++) {
            CliHarness.run(args(TINY, a, others[i])).assertBadInput(named[i] + " is ", "other settings");
        }
        assertThat(Files.readAllBytes(store)).isEqualTo(storeBefore);
        assertThat(Files.readAllBytes(a.resolve("results.csv"))).isEqualTo(csvBefore);
        assertThat(Files.readAllBytes(a.resolve("manifest.json"))).isEqualTo(manifestBefore);

        Path b = tmp.resolve("b");
        assertThat(CliHarness.run(args(TINY, b, "--steps", "30")).exitCode()).isZero();
        CliHarness.run("sweep", "--merge", a.toString(), b.toString(), "--out", tmp.resolve("m").toString())
                .assertBadInput("--merge", "different sweep", "steps");
        assertThat(Files.readAllBytes(store)).isEqualTo(storeBefore);
    }

    @Test
    void resumingACompleteSweepRunsNothingAndForceStartsOver() throws IOException {
        Path a = tmp.resolve("a");
        assertThat(CliHarness.run(args(TINY, a, "--json")).json().get("ran").asInt()).isEqualTo(4);
        byte[] store = Files.readAllBytes(a.resolve(ResultStore.FILE));
        byte[] csv = Files.readAllBytes(a.resolve("results.csv"));
        byte[] jsonl = Files.readAllBytes(a.resolve("results.jsonl"));
        JsonNode again = CliHarness.run(args(TINY, a, "--json")).json();
        assertThat(again.get("ran").asInt()).isZero();
        assertThat(again.get("done").asInt()).isEqualTo(4);
        assertThat(Files.readAllBytes(a.resolve(ResultStore.FILE))).isEqualTo(store);
        assertThat(Files.readAllBytes(a.resolve("results.csv"))).isEqualTo(csv);
        assertThat(Files.readAllBytes(a.resolve("results.jsonl"))).isEqualTo(jsonl);
        CliHarness text = CliHarness.run(args(TINY, a));
        assertThat(text.err()).contains("resuming").contains("4 of 4 tasks already done, 0 to run");
        assertThat(text.out()).contains("4 of 4 tasks done (0 run now");

        JsonNode forced = CliHarness.run(args(TINY, a, "--steps", "30", "--force", "--json")).json();
        assertThat(forced.get("ran").asInt()).isEqualTo(4);
        assertThat(Files.readAllBytes(a.resolve("results.csv"))).isNotEqualTo(csv);
        assertThat(NpyReader.read(a.resolve("tasks/task-000000-loss.npy")).shape()).containsExactly(31);
    }

    @Test
    void aTrainabilityMapHasBothRatesAsColumnsAndZoomResamplesTheWindow() throws IOException {
        String[] map = {"sweep", "--lr-hidden", "0.5:50:log:4", "--lr-output", "0.5:50:log:4", "--inits", "1",
            "--steps", "100", "--measure", "loss", "--loss", "mse", "--output", "linear"};
        JsonNode s = CliHarness.run(args(map, tmp.resolve("map"), "--json")).json();
        assertThat(s.get("tasks").asInt()).isEqualTo(16);
        List<String> csv = Files.readAllLines(tmp.resolve("map").resolve("results.csv"));
        assertThat(csv).hasSize(17);
        assertThat(csv.get(0)).startsWith("task,lr-hidden,lr-output,init,status,");
        List<String> statuses = csv.subList(1, 17).stream().map(l -> l.split(",")[4]).toList();
        assertThat(statuses).contains("ok", "diverged");
        assertThat(s.get("diverged").asInt()).isEqualTo((int) statuses.stream().filter("diverged"::equals).count());
        assertThat(csv.get(1)).startsWith("0,0.5,0.5,0,");
        assertThat(csv.get(16)).startsWith("15,50.0,50.0,0,");

        Path zoom = tmp.resolve("zoom");
        CliHarness.run(args(map, zoom, "--zoom", "1:5,1:5", "--json")).json();
        List<String> z = Files.readAllLines(zoom.resolve("results.csv"));
        assertThat(z).hasSize(17);
        List<Double> hidden = z.subList(1, 17).stream().map(l -> Double.parseDouble(l.split(",")[1])).distinct()
                .toList();
        List<Double> output = z.subList(1, 17).stream().map(l -> Double.parseDouble(l.split(",")[2])).distinct()
                .sorted().toList();
        assertThat(hidden).hasSize(4).startsWith(1.0).endsWith(5.0).isSorted();
        assertThat(output).hasSize(4).startsWith(1.0).endsWith(5.0);
        assertThat(hidden.get(1) / hidden.get(0)).isCloseTo(hidden.get(3) / hidden.get(2),
                org.assertj.core.api.Assertions.within(1e-12));
        JsonNode manifest = Json.mapper().readTree(zoom.resolve("manifest.json").toFile());
        assertThat(manifest.get("grid").get("lr-hidden").get(3).asText()).isEqualTo("5.0");
    }

    /** Deletes {@code dir} and everything in it (nothing when it does not exist). */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
