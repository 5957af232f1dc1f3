package netdyn.analysis;

import java.math.BigDecimal;
import java.util.List;

/**
 * The dynamical regimes of a training run that {@link RegimeClassifier} names (SCIENCE.md §2, §4), with the
 * thresholds its rule uses — declared here once: the classifier, its reasons, the atlas page and README
 * read them from here (a test holds README to {@link #terms()} and {@link #description()}).
 *
 * <p>The constants are in the order one usually meets them with growing learning rate η (the atlas's
 * colours and its tie-break between equally frequent regimes follow it).
 */
public enum Regime {
    CONVERGED("converged"),
    SLOW_CONVERGENCE("slow convergence"),
    PLATEAU("plateau"),
    EDGE_OF_STABILITY("edge of stability"),
    PERIODIC("periodic"),
    INTERMITTENT("intermittent"),
    CHAOTIC("chaotic"),
    DIVERGED("diverged");

    /** Chaotic evidence: the top tangent exponent λ1 over the second half exceeds this, per step. */
    public static final double CHAOTIC_LAMBDA1 = 0.01;
    /** Chaotic evidence: and the 0–1 test's K of the loss series' second half exceeds this. */
    public static final double CHAOTIC_K = 0.5;
    /** Learned: the final loss is below this fraction of the chance level ln(classes). */
    public static final double LEARNED_FRACTION_OF_CHANCE = 0.5;
    /** Edge of stability: the final sharpness λ_max · η / 2 exceeds this. */
    public static final double EDGE_SHARPNESS_ETA_OVER_2 = 0.9;
    /** Converged: λ1 is below this, per step (every direction contracts). */
    public static final double CONVERGED_LAMBDA1 = -0.001;
    /** Intermittent: laminar phases cover at least this fraction of the second half. */
    public static final double INTERMITTENT_LAMINAR_FRACTION = 0.2;
    /** Periodic: the loss rises on more than this fraction of the steps. */
    public static final double PERIODIC_FRACTION_INCREASING = 0.2;
    /** Periodic: one period carries at least this share of the spectral power. */
    public static final double PERIODIC_SHARE = 0.5;
    /** Periodic: or the 0–1 test's K is below this (regular). */
    public static final double REGULAR_K = 0.2;
    /** The periods (steps) a dominant period is looked for among. */
    public static final int PERIOD_MIN = 2;
    public static final int PERIOD_MAX = 50;
    /** Laminar phases repeat with a period dividing this (the study's period-2 and period-3 plateaus). */
    public static final int LAMINAR_PERIOD = 6;

    private final String label;

    Regime(String label) {
        this.label = label;
    }

    /** The name in outputs (JSON, sweep rows, the atlas page), e.g. "edge of stability". */
    public String label() {
        return label;
    }

    /** The regime of a label; IllegalArgumentException for any other text. */
    public static Regime ofLabel(String label) {
        for (Regime r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no regime is labelled '" + label + "'");
    }

    /** The two terms the descriptions use, each defined with its thresholds. */
    public static List<String> terms() {
        return List.of("learned: the final loss is below " + fraction(LEARNED_FRACTION_OF_CHANCE)
                        + " the chance level ln(classes)",
                "chaotic evidence: tangent λ1 > " + number(CHAOTIC_LAMBDA1) + " per step over the second half of "
                        + "the run and 0–1 test K > " + number(CHAOTIC_K) + " on its loss");
    }

    /** When a run is in this regime, with the thresholds; every run fits exactly one description. */
    public String description() {
        String calm = "sharpness·η/2 ≤ " + number(EDGE_SHARPNESS_ETA_OVER_2) + ", no chaotic evidence";
        return switch (this) {
            case CONVERGED -> "learned, " + calm + ", λ1 < " + number(CONVERGED_LAMBDA1)
                    + " per step: every direction contracts (an isolated minimum)";
            case SLOW_CONVERGENCE -> "learned, " + calm + ", λ1 ≥ " + number(CONVERGED_LAMBDA1)
                    + " (≈ 0): flat directions, a manifold of minima approached slowly";
            case PLATEAU -> "not learned, no chaotic evidence, not periodic: stuck (e.g. at the chance level)";
            case EDGE_OF_STABILITY -> "learned, final sharpness λ_max·η/2 > " + number(EDGE_SHARPNESS_ETA_OVER_2)
                    + ", chaotic or not";
            case PERIODIC -> "not learned, no chaotic evidence, the loss rises on > " + percent(
                    PERIODIC_FRACTION_INCREASING) + " % of the steps and one period (" + PERIOD_MIN + "–"
                    + PERIOD_MAX + " steps) carries ≥ " + fraction(PERIODIC_SHARE) + " the spectral power (or K < "
                    + number(REGULAR_K) + ")";
            case INTERMITTENT -> "not learned, chaotic evidence, laminar phases (repeating with a period dividing "
                    + LAMINAR_PERIOD + ") cover ≥ " + percent(INTERMITTENT_LAMINAR_FRACTION)
                    + " % of the second half";
            case CHAOTIC -> "chaotic evidence, and either learned with sharpness·η/2 ≤ "
                    + number(EDGE_SHARPNESS_ETA_OVER_2) + " or not learned with laminar phases below "
                    + percent(INTERMITTENT_LAMINAR_FRACTION) + " % of the second half";
            case DIVERGED -> "the loss became non-finite";
        };
    }

    /** A threshold as written in text: shortest decimal, a true minus sign ("0.01", "−0.001"). */
    static String number(double threshold) {
        return BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString().replace('-', '−');
    }

    /** A fraction as a whole percentage ("20"). */
    static String percent(double fraction) {
        return number(Math.round(fraction * 1000) / 10.0);
    }

    /** A fraction of something in words: "half", else "0.4 ×". */
    static String fraction(double f) {
        return f == 0.5 ? "half" : number(f) + " ×";
    }
}
