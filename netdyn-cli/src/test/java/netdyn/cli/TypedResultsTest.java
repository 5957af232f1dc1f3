package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.analysis.Regime;
import netdyn.analysis.ResultKeys;
import netdyn.cli.io.Json;
import netdyn.sweep.Axis;
import netdyn.sweep.ResultStore;

/**
 * One name per quantity across single-run JSON, sweep rows and CSV headers; old stores under the current
 * names; divergence's top-level values; the enum options; and README read from the code's names and
 * thresholds.
 */
class TypedResultsTest {
    @TempDir
    Path tmp;

    static final String[] ALL_MEASURES = {"sweep", "--lr", "1", "--inits", "1", "--steps", "120", "--replicas", "2",
        "--measure", "loss,accuracy,nmle,twin,spectrum:all,sharpness,series", "--tail-weight", "0", "--threads", "1"};

    static String[] with(String[] base, String... extra) {
        List<String> a = new ArrayList<>(Arrays.asList(base));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    static Set<String> fields(JsonNode node) {
        Set<String> s = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(s::add);
        return s;
    }

    static Set<String> rowKeys(Path sweep) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : Files.readAllLines(sweep.resolve("results.jsonl"), StandardCharsets.UTF_8)) {
            keys.addAll(ResultStore.parseRow(line).keySet());
        }
        return keys;
    }

    static Set<String> csvHeader(Path sweep) throws IOException {
        String header = Files.readAllLines(sweep.resolve("results.csv"), StandardCharsets.UTF_8).get(0);
        return new LinkedHashSet<>(Arrays.asList(header.split(",")));
    }

    @Test
    void aQuantityHasOneNameInSingleRunJsonSweepRowsAndCsvHeaders() throws IOException {
        JsonNode lyapunov = CliHarness.run("lyapunov", "--data", "iris", "--lr", "1", "--steps", "120", "--k", "all",
                "--json").json();
        JsonNode regime = CliHarness.run("regime", "--lr", "1", "--steps", "120", "--json").json();
        JsonNode sharpness = CliHarness.run("sharpness", "--lr", "1", "--steps", "120", "--every", "60",
                "--out", tmp.resolve("sharpness").toString(), "--json").json();
        Path sweep = tmp.resolve("sweep");
        CliHarness.run(with(ALL_MEASURES, "--out", sweep.toString(), "--json")).json();

        Set<String> single = new LinkedHashSet<>();
        single.addAll(fields(lyapunov));
        single.addAll(fields(lyapunov.get("sumRule")));
        single.addAll(fields(regime));
        single.addAll(fields(sharpness));
        single.addAll(fields(regime.get("evidence")));
        Set<String> rows = rowKeys(sweep);
        Set<String> csv = csvHeader(sweep);

        Set<String> shared = new TreeSet<>(single);
        shared.retainAll(rows);
        assertThat(shared).containsExactlyInAnyOrder(ResultKeys.STATUS, ResultKeys.FINAL_LOSS,
                ResultKeys.KAPLAN_YORKE_DIMENSION, ResultKeys.REGIME, ResultKeys.LAMBDA1, ResultKeys.ZERO_ONE_K,
                ResultKeys.LAMINAR_FRACTION, ResultKeys.FRACTION_INCREASING, ResultKeys.PERIODIC_SHARE,
                ResultKeys.DOMINANT_PERIOD, ResultKeys.LAMBDA_TANGENT, ResultKeys.SPECTRUM_SUM,
                ResultKeys.SHARPNESS_MAX, ResultKeys.SHARPNESS_FINAL, ResultKeys.EOS_RATIO_MAX,
                ResultKeys.EOS_RATIO_FINAL);
        // the single-run spellings these replaced
        assertThat(single).doesNotContain("maxExponent", "sumOfExponents", "maxSharpness", "finalSharpness",
                "maxSharpnessTimesEtaOverTwo", "sharpnessEtaOver2");
        assertThat(csv).containsAll(shared); // every shared quantity is a scalar column too
        for (Set<String> keys : List.of(single, rows, csv)) {
            assertThat(keys).doesNotContainAnyElementsOf(ResultKeys.FORMER_NAMES.keySet());
        }
        JsonNode row = Json.mapper().readTree(Files.readAllLines(sweep.resolve("results.jsonl")).get(0));
        assertThat(row.get(ResultKeys.KAPLAN_YORKE_DIMENSION).isNumber()).isTrue();
        assertThat(lyapunov.get(ResultKeys.KAPLAN_YORKE_DIMENSION).isNumber()).isTrue();
    }

    /** A sweep's store rewritten with the former names and cut short, as an old version left it. */
    @Test
    void aStoreWithTheFormerNamesResumesAndExportsAsToday() throws IOException {
        String[] sweep = {"sweep", "--lr", "0.5,2", "--inits", "2", "--steps", "120", "--measure",
            "loss,spectrum:all,series", "--threads", "1"};
        Path today = tmp.resolve("today");
        CliHarness.run(with(sweep, "--out", today.toString(), "--json")).json();

        Path old = tmp.resolve("old");
        copyTree(today, old);
        List<String> lines = Files.readAllLines(old.resolve(ResultStore.FILE), StandardCharsets.UTF_8);
        StringBuilder store = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, 3)) { // two of four tasks done
            String former = line;
            for (Map.Entry<String, String> e : ResultKeys.FORMER_NAMES.entrySet()) {
                former = former.replace("\"" + e.getValue() + "\":", "\"" + e.getKey() + "\":");
            }
            assertThat(former).contains("\"kaplanYorke\":", "\"lambdaLate\":", "\"fractionRising\":", "\"period\":");
            store.append(former).append('\n');
        }
        Files.writeString(old.resolve(ResultStore.FILE), store, StandardCharsets.UTF_8);
        for (String f : List.of("results.csv", "results.jsonl", "summary.json", "loss_tail.npy", "spectrum.npy")) {
            Files.delete(old.resolve(f));
        }

        CliHarness resumed = CliHarness.run(with(sweep, "--out", old.toString(), "--json"));
        assertThat(resumed.json().get("ran").asInt()).isEqualTo(2);
        SweepCommandTest.assertSameFiles(today, old, List.of("results.csv", "results.jsonl", "loss_tail.npy",
                "spectrum.npy"));
        assertThat(Files.readString(old.resolve(ResultStore.FILE))).contains("\"kaplanYorke\":"); // kept as written
        assertThat(CliHarness.run("report", old.toString()).exitCode()).isZero();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().startsWith(".")) { // not the directory lock
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void divergenceJsonGivesTheSmallestEpsilonAtTheTopAndEveryEpsilonInPerEps() throws IOException {
        JsonNode s = CliHarness.run("divergence", "--lr", "1", "--steps", "60", "--inits", "3", "--replicas", "2",
                "--eps", "1e-4,1e-9", "--out", tmp.resolve("div").toString(), "--json").json();
        JsonNode perEps = s.get(ResultKeys.PER_EPS);
        assertThat(perEps).hasSize(2);
        assertThat(perEps.get(0).get("eps").asDouble()).isEqualTo(1e-9);
        assertThat(perEps.get(1).get("eps").asDouble()).isEqualTo(1e-4);
        assertThat(s.get(ResultKeys.NMLE)).isEqualTo(perEps.get(0).get(ResultKeys.NMLE));
        assertThat(s.get(ResultKeys.NORMALIZED_DISTANCE)).isEqualTo(perEps.get(0).get(ResultKeys.NORMALIZED_DISTANCE));
        assertThat(fields(s.get(ResultKeys.NMLE))).containsExactly("mean", "std", "passed", "total");
        assertThat(fields(s.get(ResultKeys.NORMALIZED_DISTANCE))).containsExactly("initial", "final", "max");
        assertThat(s.get(ResultKeys.NORMALIZED_DISTANCE)).isNotEqualTo(perEps.get(1).get(
                ResultKeys.NORMALIZED_DISTANCE));
        JsonNode summary = Json.mapper().readTree(tmp.resolve("div").resolve("summary.json").toFile());
        assertThat(summary.get(ResultKeys.NORMALIZED_DISTANCE)).isEqualTo(s.get(ResultKeys.NORMALIZED_DISTANCE));
    }

    @Test
    void anUnknownEnumValueIsOneLineNamingTheOptionAndTheAllowedValues() {
        String[][] bad = {{"--activation", "swish", "sigmoid, tanh, relu, linear"},
            {"--output", "softplus", "softmax, sigmoid-normalized, linear"}, {"--loss", "hinge", "ce, mse"}};
        for (String command : new String[] {"train", "regime", "divergence", "lyapunov", "sharpness", "sweep",
            "atlas"}) {
            for (String[] b : bad) {
                CliHarness r = command.equals("regime") ? CliHarness.run(command, b[0], b[1])
                        : CliHarness.run(command, b[0], b[1], "--out", tmp.resolve("never").toString());
                r.assertBadInput("'" + b[0] + "'", "'" + b[1] + "'", "(valid: " + b[2] + ")");
                assertThat(tmp.resolve("never")).doesNotExist();
            }
        }
    }

    @Test
    void theHelpListsTheEnumValuesAndDefaults() {
        String help = CliHarness.run("train", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("Hidden activation: sigmoid, tanh, relu, linear (default: sigmoid).")
                .contains("Output map: softmax, sigmoid-normalized, linear (default: softmax).")
                .contains("Loss: ce, mse (default: ce).");
    }

    @Test
    void theInitAxisHasItsOwnColumnBesideTheInitIndex() throws IOException {
        Path out = tmp.resolve("sigma");
        CliHarness.run("sweep", "--lr", "0.5", "--vary-init-sigma", "0.5,1", "--inits", "2", "--steps", "10",
                "--measure", "loss", "--out", out.toString(), "--json").json();
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        List<String> cells = new ArrayList<>();
        for (String line : lines) {
            Map<String, Object> row = ResultStore.parseRow(line);
            cells.add(row.get(Axis.Setting.INIT.rowKey()) + " #" + row.get(ResultKeys.INIT));
        }
        assertThat(cells).containsExactly("normal:0.5 #0", "normal:0.5 #1", "normal:1.0 #0", "normal:1.0 #1");
    }

    /** README whitespace-normalised: its lists wrap where the code's strings do not. */
    static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    @Test
    void readmeStatesTheRegimesAndThresholdsOfTheCode() throws IOException {
        String readme = readme();
        for (String term : Regime.terms()) {
            assertThat(readme).contains("- " + term);
        }
        for (Regime r : Regime.values()) {
            assertThat(readme).contains("- **" + r.label() + "**: " + r.description());
        }
        String onset = BigDecimal.valueOf(Regime.CHAOTIC_LAMBDA1).toPlainString();
        assertThat(readme).contains("whose mean λ₁ exceeds " + onset + " per step");
    }

    @Test
    void readmeListsEverySweepColumn() throws IOException {
        String readme = readme();
        int from = readme.indexOf("- **Columns**");
        assertThat(from).isPositive();
        String columns = readme.substring(from, readme.indexOf("- **", from + 1));
        Path sweep = tmp.resolve("sweep");
        CliHarness.run(with(ALL_MEASURES, "--out", sweep.toString(), "--json")).json();
        Set<String> keys = new LinkedHashSet<>(rowKeys(sweep));
        for (Axis.Setting s : Axis.Setting.values()) {
            keys.add(s.rowKey());
        }
        for (String k : keys) {
            assertThat(columns).as(k).contains("`" + k + "`");
        }
        for (String former : ResultKeys.FORMER_NAMES.keySet()) {
            assertThat(columns).contains("`" + former + "`"); // named once, as what old stores hold
        }
    }
}
