package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import netdyn.cli.io.Json;

/**
 * Deterministic regression values beside the scientific bands. A few small runs go through the command line
 * in-process ({@link CliHarness}), and what they print with {@code --json}, and a sweep's {@code results.csv},
 * are compared byte for byte with the files committed under {@code src/test/resources/golden/}. Fields that
 * change from one run to the next are left out of the JSON first: {@value #VOLATILE_TEXT}. Any other change of a
 * number, a key, the key order or the formatting fails here, naming the file and the first line that differs.
 *
 * <p>Every run is made twice, under two JVM default locales ({@link Locale#ROOT}, then de-DE with its decimal
 * comma, set with {@link Locale#setDefault(Locale)} and restored afterwards), against the same file, so a number
 * that goes through a default-locale format shows up as a difference.
 *
 * <p>The files change only on purpose. After an intended change of numbers or result keys, regenerate them with
 * <pre>
 * mvn verify -Dtest=GoldenRunsTest -Dsurefire.failIfNoSpecifiedTests=false -Dnetdyn.golden.update=true
 * </pre>
 * (the Locale.ROOT run of each command writes its files, the de-DE run still compares), look at
 * {@code git diff netdyn-cli/src/test/resources/golden}, and commit the files with the reason for the change.
 */
class GoldenRunsTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    static final String UPDATE_PROPERTY = "netdyn.golden.update";
    static final String VOLATILE_TEXT = "seconds, elapsed, out, directory, version, commandLine, started, finished, "
            + "date";
    static final Set<String> VOLATILE = Set.of(VOLATILE_TEXT.split(", "));

    @TempDir
    Path tmp;

    /**
     * A small deterministic run: its name, the file of its run directory compared beside its JSON (null for
     * none), its arguments. Golden files: NAME.json, and NAME-FILE for the file.
     */
    record Run(String name, String file, String... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Run> RUNS = List.of(
            new Run("train", null, "train", "--lr", "0.5", "--steps", "100", "--record-every", "4"),
            new Run("divergence", null, "divergence", "--lr", "1", "--steps", "60", "--inits", "2", "--replicas", "2",
                    "--eps", "1e-8,1e-4"),
            new Run("lyapunov-henon", null, "lyapunov", "--system", "henon", "--steps", "2000"),
            new Run("lyapunov-gd", null, "lyapunov", "--data", "iris", "--hidden", "3", "--lr", "1", "--steps", "100",
                    "--k", "all"),
            new Run("sweep", "results.csv", "sweep", "--lr", "0.5,2", "--inits", "2", "--replicas", "2", "--steps",
                    "60", "--measure", "loss,accuracy,nmle,twin,spectrum:2,sharpness,series"));

    static Stream<Arguments> runsUnderEachLocale() {
        return RUNS.stream().flatMap(r -> Stream.of(Arguments.of(r, "ROOT", Locale.ROOT),
                Arguments.of(r, "de-DE", Locale.GERMANY)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("runsUnderEachLocale")
    void theRunGivesItsGoldenFiles(Run run, String label, Locale locale) throws IOException {
        Locale saved = Locale.getDefault();
        Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
        Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
        Path out = tmp.resolve(run.name());
        List<String> args = new ArrayList<>(List.of(run.args()));
        args.addAll(List.of("--json", "--out", out.toString()));
        CliHarness r;
        try {
            Locale.setDefault(locale);
            r = CliHarness.run(args.toArray(String[]::new));
        } finally {
            Locale.setDefault(saved);
            Locale.setDefault(Locale.Category.FORMAT, savedFormat);
            Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
        }
        // in update mode the Locale.ROOT run writes, the de-DE run compares with what it wrote
        boolean write = Boolean.getBoolean(UPDATE_PROPERTY) && locale.equals(Locale.ROOT);
        check(run.name() + ".json", stable(r.json()), label, write);
        if (run.file() != null) {
            check(run.name() + "-" + run.file(), Files.readString(out.resolve(run.file()), StandardCharsets.UTF_8),
                    label, write);
        }
    }

    /**
     * The text a command prints (no {@code --json}) does not depend on the JVM's default locale either: under
     * de-DE every number still has a decimal point, so the same run prints the same text as under Locale.ROOT
     * (timings, directory names and the progress lines on stderr aside).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("textRuns")
    void textOutputIsTheSameUnderEveryLocale(String name, String[] args) {
        String root = textUnder(Locale.ROOT, name, "root", args);
        String german = textUnder(Locale.GERMANY, name, "de", args);
        assertThat(root).as("text output of %s", name).containsPattern("\\d\\.\\d");
        assertThat(german).as("%s under de-DE, %s", name, firstDifference(root, german)).isEqualTo(root);
    }

    static Stream<Arguments> textRuns() {
        return Stream.of(
                Arguments.of("train", new String[] {"train", "--lr", "0.5", "--steps", "100"}),
                Arguments.of("divergence", new String[] {"divergence", "--lr", "1", "--steps", "60", "--inits", "2",
                    "--replicas", "2", "--eps", "1e-8"}),
                Arguments.of("lyapunov", new String[] {"lyapunov", "--system", "henon", "--steps", "2000"}),
                Arguments.of("sharpness", new String[] {"sharpness", "--lr", "1", "--steps", "40", "--every", "20"}),
                Arguments.of("regime", new String[] {"regime", "--lr", "5", "--steps", "300"}),
                Arguments.of("sweep", new String[] {"sweep", "--lr", "0.5,2", "--inits", "1", "--steps", "60",
                    "--measure", "loss,series"}));
    }

    private String textUnder(Locale locale, String name, String suffix, String[] args) {
        Locale saved = Locale.getDefault();
        Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
        Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
        Path out = tmp.resolve(name + "-" + suffix);
        List<String> all = new ArrayList<>(List.of(args));
        if (!name.equals("regime")) {
            all.addAll(List.of("--out", out.toString()));
        }
        CliHarness r;
        try {
            Locale.setDefault(locale);
            r = CliHarness.run(all.toArray(String[]::new));
        } finally {
            Locale.setDefault(saved);
            Locale.setDefault(Locale.Category.FORMAT, savedFormat);
            Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
        }
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().replace(out.toString(), "OUT").replaceAll("\\d+([.,])\\d+ s\\)", "0$10 s)")
                .replaceAll(" in \\d+ s", " in 0 s"); // timings: their digits vary, their decimal mark must not
    }

    /** The JSON without its volatile fields, pretty-printed as the command line prints it, with a final newline. */
    static String stable(JsonNode json) {
        JsonNode copy = json.deepCopy();
        dropVolatile(copy);
        return Json.write(copy) + "\n";
    }

    private static void dropVolatile(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
                if (VOLATILE.contains(names.next())) {
                    names.remove();
                }
            }
        }
        node.forEach(GoldenRunsTest::dropVolatile);
    }

    private static void check(String file, String actual, String locale, boolean write) throws IOException {
        Path golden = GOLDEN.resolve(file);
        if (write) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            System.err.println("netdyn tests: wrote " + golden);
            return;
        }
        assertThat(golden).as("%s is missing: generate it with -D%s=true (see GoldenRunsTest)", golden,
                UPDATE_PROPERTY).isRegularFile();
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        assertThat(actual).as("%s under locale %s, %s; if the change is intended, regenerate the golden files "
                + "with -D%s=true (see GoldenRunsTest)", golden, locale, firstDifference(expected, actual),
                UPDATE_PROPERTY).isEqualTo(expected);
    }

    static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String x = i < e.size() ? e.get(i) : "(end of file)";
            String y = i < a.size() ? a.get(i) : "(end of file)";
            if (!x.equals(y)) {
                return "first difference at line " + (i + 1) + ": expected [" + x + "] but got [" + y + "]";
            }
        }
        return "the line ends differ";
    }
}
