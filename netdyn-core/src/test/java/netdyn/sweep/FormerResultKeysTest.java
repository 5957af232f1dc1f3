package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.BadInputException;
import netdyn.analysis.ResultKeys;

/** A result store written before the result keys were unified reads under the current names, and resumes. */
class FormerResultKeysTest {
    @TempDir
    Path tmp;

    static final Map<String, String> SETTINGS = ResultStoreTest.settings("120");

    /** A row of task {@code task} as a sweep wrote it with the former names. */
    static String formerRow(int task) {
        return "{\"task\":" + task + ",\"lr\":1.0,\"init\":0,\"status\":\"ok\",\"divergedAtStep\":-1,"
                + "\"finalLoss\":0.25,\"lambdaTangent\":0.125,\"spectrumSum\":-1.5,\"kaplanYorke\":3.75,"
                + "\"spectrum\":[0.125,-0.5],\"regime\":\"periodic\",\"regimeReasons\":\"the loss rises on 45% of "
                + "the steps; period 2 carries 80% of the spectral power\",\"lambdaLate\":-2.0E-4,\"zeroOneK\":0.03,"
                + "\"laminarFraction\":0.0,\"fractionRising\":0.45,\"periodicShare\":0.8,\"period\":2.0,"
                + "\"lambdaSeries\":null,\"lossTail\":[0.5,0.25]}";
    }

    /** The same row as a sweep writes it today. */
    static String currentRow(int task) {
        return formerRow(task).replace("\"kaplanYorke\":", "\"kaplanYorkeDimension\":")
                .replace("\"lambdaLate\":", "\"lambda1\":").replace("\"fractionRising\":", "\"fractionIncreasing\":")
                .replace("\"period\":", "\"dominantPeriod\":");
    }

    private Path formerStore(int... tasks) throws IOException {
        Path file = tmp.resolve(ResultStore.FILE);
        try (ResultStore s = ResultStore.open(file, SETTINGS)) {
            assertThat(s.size()).isZero(); // only the header
        }
        StringBuilder b = new StringBuilder();
        for (int t : tasks) {
            b.append(formerRow(t)).append('\n');
        }
        Files.writeString(file, b, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return file;
    }

    @Test
    void theFourFormerNamesMapToTheCurrentOnes() {
        assertThat(ResultKeys.FORMER_NAMES).containsExactly(
                Map.entry("kaplanYorke", ResultKeys.KAPLAN_YORKE_DIMENSION),
                Map.entry("lambdaLate", ResultKeys.LAMBDA1),
                Map.entry("fractionRising", ResultKeys.FRACTION_INCREASING),
                Map.entry("period", ResultKeys.DOMINANT_PERIOD));
        assertThat(ResultKeys.current("period")).isEqualTo("dominantPeriod");
        assertThat(ResultKeys.current("zeroOneK")).isEqualTo("zeroOneK");
    }

    @Test
    void aFormerRowReadsAsTheRowATodaysSweepWrites() {
        Map<String, Object> former = ResultStore.parseRow(formerRow(3));
        Map<String, Object> current = ResultStore.parseRow(currentRow(3));
        assertThat(new ArrayList<>(former.keySet())).isEqualTo(new ArrayList<>(current.keySet()));
        assertThat(former.get(ResultKeys.KAPLAN_YORKE_DIMENSION)).isEqualTo(3.75);
        assertThat(former.get(ResultKeys.LAMBDA1)).isEqualTo(-2.0E-4);
        assertThat(former.get(ResultKeys.FRACTION_INCREASING)).isEqualTo(0.45);
        assertThat(former.get(ResultKeys.DOMINANT_PERIOD)).isEqualTo(2.0);
        assertThat(former.get(ResultKeys.LAMBDA_SERIES)).isNull();
        assertThat(former).doesNotContainKeys("kaplanYorke", "lambdaLate", "fractionRising", "period");
    }

    @Test
    void anOldStoreResumesUnderTheCurrentNamesAndKeepsItsFile() throws IOException {
        Path file = formerStore(0, 2);
        List<String> before = Files.readAllLines(file, StandardCharsets.UTF_8);

        ResultStore.Snapshot snapshot = ResultStore.read(file);
        assertThat(snapshot.lines()).containsExactly(Map.entry(0, currentRow(0)), Map.entry(2, currentRow(2)));

        try (ResultStore s = ResultStore.open(file, SETTINGS)) {
            assertThat(s.isDone(0)).isTrue();
            assertThat(s.isDone(1)).isFalse();
            assertThat(s.lines().get(2)).isEqualTo(currentRow(2));
            assertThat(s.rows().get(0).get(ResultKeys.DOMINANT_PERIOD)).isEqualTo(2.0);
            Map<String, Object> fresh = new LinkedHashMap<>(ResultStore.parseRow(currentRow(1)));
            s.append(fresh); // the task the old run had not finished, written today
        }
        List<String> after = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(after.subList(0, before.size())).isEqualTo(before); // nothing rewritten
        assertThat(after.get(before.size())).isEqualTo(currentRow(1));

        try (ResultStore s = ResultStore.open(file, SETTINGS)) {
            assertThat(s.lines()).containsExactly(Map.entry(0, currentRow(0)), Map.entry(1, currentRow(1)),
                    Map.entry(2, currentRow(2)));
        }
    }

    @Test
    void aRowThatIsCurrentAlreadyIsLeftAsWritten() {
        String line = "{\"task\":0,\"lr\":1.0E-8,\"finalLoss\":1.0E-300,\"dominantPeriod\":2.0}";
        Path file = tmp.resolve(ResultStore.FILE);
        try (ResultStore s = ResultStore.open(file, SETTINGS)) {
            s.append(ResultStore.parseRow(line));
        }
        assertThat(ResultStore.read(file).lines().get(0)).isEqualTo(line);
    }

    @Test
    void aRowWithAFormerAndItsCurrentNameIsDamage() throws IOException {
        Path file = formerStore(0);
        Files.writeString(file, currentRow(1).replace("\"lambda1\":", "\"lambdaLate\":1.0,\"lambda1\":") + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ResultStore.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3").hasMessageContaining("lambdaLate and lambda1")
                .hasMessageContaining("damaged");
    }
}
