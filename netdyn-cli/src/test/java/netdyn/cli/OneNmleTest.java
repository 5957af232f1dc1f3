package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.Json;
import netdyn.cli.io.NpyReader;

/**
 * One nMLE on the command line: for the same seed, η, steps, inits, replicas and ε, {@code netdyn divergence}
 * and {@code netdyn sweep --measure nmle} give the same per-init nMLE (and R²) bit for bit, and the same
 * short-phase exponent: the sweep's per-init values average to the divergence summary's.
 */
class OneNmleTest {
    @TempDir
    Path tmp;

    @Test
    void divergenceAndSweepGiveTheSamePerInitNmle() throws IOException {
        String[] same = {"--lr", "1", "--steps", "150", "--inits", "3", "--replicas", "3", "--eps", "1e-8", "--seed",
            "5"};
        Path div = tmp.resolve("div");
        Path sweep = tmp.resolve("sweep");
        CliHarness.run(concat(concat(new String[] {"divergence"}, same), "--out", div.toString(), "--json")).json();
        CliHarness.run(concat(concat(new String[] {"sweep"}, same), "--measure", "nmle", "--out", sweep.toString(),
                "--json")).json();

        NpyReader.Array fits = NpyReader.read(div.resolve("fits-eps0.npy")); // [inits × 5]: slope, intercept, R², …
        assertThat(fits.shape()).containsExactly(3, 5);
        List<String> rows = Files.readAllLines(sweep.resolve("results.jsonl"));
        assertThat(rows).hasSize(3);
        int passed = 0;
        int shortPassed = 0;
        double shortSum = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode row = Json.mapper().readTree(rows.get(i));
            assertThat(row.get("init").asInt()).isEqualTo(i);
            assertThat(row.get("nmle").asDouble()).as("init %d", i).isEqualTo(fits.data()[i * 5]);
            assertThat(row.get("nmleR2").asDouble()).as("init %d", i).isEqualTo(fits.data()[i * 5 + 2]);
            passed += row.get("nmlePassed").asInt();
            if (row.get("nmleShortPassed").asInt() == 1) {
                shortPassed++;
                shortSum += row.get("nmleShort").asDouble();
            }
        }
        JsonNode summary = Json.mapper().readTree(div.resolve("summary.json").toFile());
        assertThat(passed).isEqualTo(summary.get("nmle").get("passed").asInt());
        JsonNode rise = summary.get("nmleShort");
        assertThat(rise.get("total").asInt()).isEqualTo(3);
        assertThat(rise.get("passed").asInt()).isEqualTo(shortPassed).isPositive(); // η = 1 on Iris: chaotic
        assertThat(rise.get("mean").asDouble()).isEqualTo(shortSum / shortPassed);
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
