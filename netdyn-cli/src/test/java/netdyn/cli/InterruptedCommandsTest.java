package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.Interrupts;
import netdyn.cli.io.Json;
import netdyn.cli.io.NpyReader;
import netdyn.cli.report.ReportPages;

/**
 * Every long command, stopped at its first step (task) boundary by a stop request (what SIGINT and SIGTERM
 * become; the signals themselves are sent to a child JVM in {@link EarlyEndTest}): exit 130 or 143, one line
 * on stderr saying where the files are, summary.json with status interrupted, every NPY file loadable.
 */
class InterruptedCommandsTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("INT", new String[] {"train", "--steps", "1000"}),
                Arguments.of("TERM", new String[] {"divergence", "--lr", "1", "--steps", "50", "--inits", "2",
                    "--replicas", "2", "--eps", "1e-8"}),
                Arguments.of("INT", new String[] {"lyapunov", "--data", "iris", "--lr", "1", "--steps", "100"}),
                Arguments.of("TERM", new String[] {"sharpness", "--lr", "1", "--steps", "100", "--every", "10"}),
                Arguments.of("INT", new String[] {"sweep", "--lr", "0.1,1", "--inits", "2", "--steps", "50",
                    "--measure", "loss"}),
                Arguments.of("TERM", new String[] {"atlas", "--quality", "quick"}));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commands")
    void aStoppedCommandKeepsItsFilesAndSaysWhere(String signal, String[] command) throws IOException {
        Path out = tmp.resolve("run");
        List<String> args = new ArrayList<>(Arrays.asList(command));
        args.addAll(List.of("--out", out.toString()));
        Interrupts.request(signal);
        CliHarness r = CliHarness.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(signal.equals("INT") ? 130 : 143);
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("netdyn: interrupted by SIG" + signal + " at ").contains(out.toString())
                .contains("status interrupted");
        assertThat(r.err()).doesNotContain("Exception");
        boolean resumable = command[0].equals("sweep") || command[0].equals("atlas");
        assertThat(last.contains("run the same command again")).isEqualTo(resumable);
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("interrupted");
        assertThat(summary.get("signal").asText()).isEqualTo("SIG" + signal);
        assertThat(summary.get("stoppedAt").asLong()).isLessThan(summary.get("total").asLong());
        assertThat(Json.mapper().readTree(out.resolve("manifest.json").toFile()).has("commandLine")).isTrue();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path npy : files.filter(p -> p.toString().endsWith(".npy")).toList()) {
                NpyReader.read(npy); // throws when a header and its data disagree
            }
        }
        if (command[0].equals("atlas")) {
            JsonNode part = Json.mapper().readTree(out.resolve(ReportPages.LR).resolve("summary.json").toFile());
            assertThat(part.get("status").asText()).isEqualTo("interrupted");
        }
        if (command[0].equals("lyapunov")) {
            assertThat(summary.get("runningExponents").size()).isEqualTo(83);
            assertThat(NpyReader.read(out.resolve("running.npy")).shape()).containsExactly(1, 84);
        }
        CliHarness report = CliHarness.run("report", out.toString());
        if (resumable) { // stopped before its first task: nothing to draw, said in one line
            report.assertBadInput(out.toString());
        } else {
            assertThat(report.exitCode()).as("a stopped run still has a page: %s", report.err()).isZero();
        }
    }

    /** With --json, the stopped command prints the summary it wrote, as its one JSON object on stdout. */
    @ParameterizedTest(name = "{1} --json")
    @MethodSource("commands")
    void aStoppedCommandPrintsItsSummaryAsJson(String signal, String[] command) throws IOException {
        Path out = tmp.resolve("run");
        List<String> args = new ArrayList<>(Arrays.asList(command));
        args.addAll(List.of("--out", out.toString(), "--json"));
        Interrupts.request(signal);
        CliHarness r = CliHarness.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(signal.equals("INT") ? 130 : 143);
        JsonNode printed = Json.mapper().readTree(r.out());
        assertThat(printed.get("status").asText()).isEqualTo("interrupted");
        assertThat(printed).isEqualTo(Json.mapper().readTree(out.resolve("summary.json").toFile()));
    }
}
