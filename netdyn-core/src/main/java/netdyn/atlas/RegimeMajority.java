package netdyn.atlas;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netdyn.analysis.Regime;
import netdyn.sweep.ResultRows;

/**
 * The regime of a learning rate: the label most of its runs carry ({@code regime}, the sweep's
 * {@code series} measure; a diverged run counts as "diverged" whatever its row says). Ties go to the regime
 * met later along η ({@link #ORDER}).
 */
public final class RegimeMajority {
    /** The regimes' labels in the order of increasing η one usually meets them ({@link Regime}'s order). */
    public static final List<String> ORDER = Arrays.stream(Regime.values()).map(Regime::label).toList();

    private RegimeMajority() {
    }

    /** How many of {@code rows} are in each regime, in order of first appearance; rows without a regime are left out. */
    public static Map<String, Integer> counts(List<Map<String, Object>> rows) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String regime = ResultRows.diverged(r) ? "diverged" : ResultRows.text(r, "regime");
            if (!regime.isEmpty()) {
                c.merge(regime, 1, Integer::sum);
            }
        }
        return c;
    }

    /** The regime with the most runs (ties: the later in {@link #ORDER}); "" when none of {@link #ORDER} occurs. */
    public static String of(Map<String, Integer> counts) {
        String best = "";
        int n = -1;
        for (String regime : ORDER) {
            int k = counts.getOrDefault(regime, 0);
            if (k > 0 && k >= n) {
                best = regime;
                n = k;
            }
        }
        return best;
    }
}
