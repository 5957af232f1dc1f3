package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.BadInputException;

class ResultStoreTest {
    @TempDir
    Path tmp;

    static final Map<String, String> SETTINGS = settings("2000");

    static Map<String, String> settings(String steps) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("data", "iris");
        s.put("grid lr", "0.1,1.0");
        s.put("steps", steps);
        return s;
    }

    static Map<String, Object> row(int task, double loss) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("task", (long) task);
        r.put("lr", "0.1");
        r.put("finalLoss", loss);
        r.put("regimeReasons", "tangent λ1 ≈ 0: flat");
        r.put("lossTail", new double[] {loss, Double.NaN});
        return r;
    }

    private Path storeWithRows(int... tasks) {
        Path file = tmp.resolve(ResultStore.FILE);
        try (ResultStore s = ResultStore.open(file, SETTINGS)) {
            for (int t : tasks) {
                s.append(row(t, t + 0.25));
            }
        }
        return file;
    }

    @Test
    void appendedRowsAreThereAfterReopening() throws IOException {
        Path file = storeWithRows(3, 0, 7);
        assertThat(Files.readAllLines(file)).hasSize(4);
        try (ResultStore s = ResultStore.open(file, SETTINGS)) {
            assertThat(s.discardedTornLine()).isFalse();
            assertThat(s.size()).isEqualTo(3);
            assertThat(s.isDone(0)).isTrue();
            assertThat(s.isDone(1)).isFalse();
            assertThat(s.lines().keySet()).containsExactly(0, 3, 7);
            List<Map<String, Object>> rows = s.rows();
            assertThat(rows.get(1).get("task")).isEqualTo(3L);
            assertThat(rows.get(1).get("finalLoss")).isEqualTo(3.25);
            assertThat(rows.get(2).get("regimeReasons")).isEqualTo("tangent λ1 ≈ 0: flat");
            assertThat(s.settings()).isEqualTo(SETTINGS);
            assertThatThrownBy(() -> s.append(row(3, 9))).isInstanceOf(IllegalStateException.class);
            s.append(row(1, 1.25));
        }
        try (ResultStore s = ResultStore.open(file, SETTINGS)) {
            assertThat(s.lines().keySet()).containsExactly(0, 1, 3, 7);
        }
    }

    @Test
    void aTornLastLineIsCutOffAndReported() throws IOException {
        Path file = storeWithRows(0, 1);
        byte[] complete = Files.readAllBytes(file);
        String torn = FlatJson.write(row(2, 0.5));
        // cut at every kind of place: inside a number, a key, a multi-byte character, an array
        int multiByte = torn.getBytes(StandardCharsets.UTF_8).length;
        byte[] tornBytes = torn.getBytes(StandardCharsets.UTF_8);
        int lambda = new String(tornBytes, StandardCharsets.UTF_8).indexOf('λ');
        int lambdaByte = torn.substring(0, lambda).getBytes(StandardCharsets.UTF_8).length;
        for (int cut : new int[] {1, 10, lambdaByte + 1, multiByte - 3, multiByte}) {
            Files.write(file, complete);
            Files.write(file, Arrays.copyOf(tornBytes, cut), StandardOpenOption.APPEND);
            try (ResultStore s = ResultStore.open(file, SETTINGS)) {
                assertThat(s.discardedTornLine()).as("cut %d", cut).isTrue();
                assertThat(s.lines().keySet()).containsExactly(0, 1);
                assertThat(s.isDone(2)).isFalse();
                s.append(row(2, 0.5));
            }
            byte[] after = Files.readAllBytes(file);
            assertThat(after[after.length - 1]).isEqualTo((byte) '\n');
            assertThat(Files.readAllLines(file)).hasSize(4);
            try (ResultStore s = ResultStore.open(file, SETTINGS)) {
                assertThat(s.discardedTornLine()).isFalse();
                assertThat(s.lines().keySet()).containsExactly(0, 1, 2);
            }
        }
    }

    @Test
    void anotherSettingIsRefusedNamingItAndTheStoreIsUntouched() throws IOException {
        Path file = storeWithRows(0, 1);
        Files.writeString(file, "{\"task\":2,\"lr\":\"0.", StandardOpenOption.APPEND); // and a torn line
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> ResultStore.open(file, settings("300"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("steps is '2000' there but '300' here");
        Map<String, String> more = new LinkedHashMap<>(SETTINGS);
        more.put("momentum", "0.5");
        assertThatThrownBy(() -> ResultStore.open(file, more)).hasMessageContaining("momentum is absent there");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void damagedStoresAreRefused() throws IOException {
        Path file = storeWithRows(0, 1);
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n{\"task\":5,\"x\":}\n" + lines.get(2)
                + "\n{\"task\":6,");
        byte[] damaged = Files.readAllBytes(file);
        assertThatThrownBy(() -> ResultStore.open(file, SETTINGS)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3").hasMessageContaining("damaged");
        assertThat(Files.readAllBytes(file)).as("a refused store is not changed").isEqualTo(damaged);

        Files.writeString(file, lines.get(0) + "\n{\"lr\":\"0.1\"}\n");
        assertThatThrownBy(() -> ResultStore.open(file, SETTINGS)).hasMessageContaining("no task index");

        String other = FlatJson.write(row(1, 99.0));
        Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2) + "\n" + other + "\n");
        assertThatThrownBy(() -> ResultStore.open(file, SETTINGS)).hasMessageContaining("two different rows for task 1");

        Files.writeString(file, lines.get(0) + "\n" + lines.get(2) + "\n" + lines.get(2) + "\n");
        try (ResultStore s = ResultStore.open(file, SETTINGS)) {
            assertThat(s.size()).as("a repeated identical row counts once").isEqualTo(1);
        }

        Files.writeString(file, "{\"kind\":\"something else\"}\n");
        assertThatThrownBy(() -> ResultStore.open(file, SETTINGS)).hasMessageContaining("not a netdyn sweep result store");
    }
}
