package netdyn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FlatJsonTest {

    @Test
    void aRowRoundTripsWithTypesAndTheSameText() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("task", 12L);
        row.put("lr", "0.5");
        row.put("status", "diverged");
        row.put("divergedAtStep", -1L);
        row.put("finalLoss", 0.123456789012345);
        row.put("integral", 2.0);
        row.put("tiny", 1.0E-300);
        row.put("big", -3.5E200);
        row.put("nan", Double.NaN);
        row.put("inf", Double.POSITIVE_INFINITY);
        row.put("nothing", null);
        row.put("tail", new double[] {1.5, Double.NaN, -0.0, 3});
        row.put("empty", new double[0]);
        row.put("reasons", "say \"hi\"\\ then\nnext\ttab\r λ1 ≈ 0·η — σ 😀 \u0001");
        String text = FlatJson.write(row);
        assertThat(text).doesNotContain("\n").contains("\"nan\":null").contains("\"integral\":2.0")
                .contains("\"task\":12,").contains("[1.5,null,-0.0,3.0]");
        Map<String, Object> back = FlatJson.read(text);
        assertThat(back.keySet()).containsExactlyElementsOf(row.keySet());
        assertThat(back.get("task")).isEqualTo(12L);
        assertThat(back.get("divergedAtStep")).isEqualTo(-1L);
        assertThat(back.get("integral")).isEqualTo(2.0);
        assertThat(back.get("finalLoss")).isEqualTo(0.123456789012345);
        assertThat(back.get("tiny")).isEqualTo(1.0E-300);
        assertThat(back.get("big")).isEqualTo(-3.5E200);
        assertThat(back.get("nan")).isNull();
        assertThat(back.get("inf")).isNull();
        assertThat(back.get("nothing")).isNull();
        assertThat((double[]) back.get("tail")).containsExactly(1.5, Double.NaN, -0.0, 3);
        assertThat(Double.doubleToRawLongBits(((double[]) back.get("tail"))[2]))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat((double[]) back.get("empty")).isEmpty();
        assertThat(back.get("reasons")).isEqualTo(row.get("reasons"));
        assertThat(FlatJson.write(back)).as("merge re-writes parsed rows").isEqualTo(text);
    }

    @Test
    void randomDoublesRoundTripBitForBit() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            double d = switch (trial % 4) {
                case 0 -> rng.nextGaussian();
                case 1 -> Double.longBitsToDouble(rng.nextLong());
                case 2 -> rng.nextInt(1000);
                default -> rng.nextDouble() * Math.pow(10, rng.nextInt(40) - 20);
            };
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("v", d);
            row.put("a", new double[] {d, -d});
            String text = FlatJson.write(row);
            Map<String, Object> back = FlatJson.read(text);
            if (Double.isFinite(d)) {
                assertThat(back.get("v")).as(text).isEqualTo(d);
                assertThat(((double[]) back.get("a"))[1]).isEqualTo(-d);
            } else {
                assertThat(back.get("v")).isNull();
                assertThat(((double[]) back.get("a"))[0]).isNaN();
            }
            assertThat(FlatJson.write(back)).isEqualTo(text);
        }
    }

    @Test
    void headerObjectsOfStringsRoundTrip() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("kind", "k");
        h.put("settings", new LinkedHashMap<>(Map.of("grid lr", "0.1,1.0")));
        String text = FlatJson.write(h);
        assertThat(FlatJson.read(text)).isEqualTo(h);
        assertThat(FlatJson.write(FlatJson.read(text))).isEqualTo(text);
    }

    @Test
    void partialOrMalformedLinesAreRejected() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("task", 1L);
        row.put("x", 2.5);
        row.put("s", "a\u0001b");
        row.put("a", new double[] {1, 2});
        String text = FlatJson.write(row);
        assertThat(text).contains("\\u0001");
        for (int cut = 0; cut < text.length(); cut++) {
            String partial = text.substring(0, cut);
            assertThatThrownBy(() -> FlatJson.read(partial)).as(partial).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : new String[] {"", "[]", "{\"a\":}", "{\"a\":1}x", "{\"a\" 1}", "{\"a\":tru}",
            "{\"a\":[1,}", "{\"a\":[\"x\"]}", "{\"a\":\"\\u0\"}", "{\"a\":\"\\u00zz\"}"}) {
            assertThatThrownBy(() -> FlatJson.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
