package netdyn.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of measured quantities, one name per quantity in every output: single-run JSON
 * ({@code train}, {@code lyapunov}, {@code divergence}, {@code series}, {@code regime}), sweep rows
 * (the result store, {@code results.jsonl}), CSV headers ({@code results.csv}) and report tables. A
 * quantity that two outputs share is written with the same constant by both; the spelling follows
 * SCIENCE.md ({@code kaplanYorkeDimension}, {@code nmle}).
 *
 * <p>Sweep rows written before the names were unified used four other spellings
 * ({@link #FORMER_NAMES}); the result store reads them as the current ones ({@link #current}), so old
 * sweep directories still resume, export and report.
 */
public final class ResultKeys {
    // what every run has
    /** "ok" or "diverged" (a sweep row, train, sharpness, lyapunov: "ok" or "stopped"). */
    public static final String STATUS = "status";
    /** The step whose loss became non-finite; −1 (sweep rows) or null (train) when none did. */
    public static final String DIVERGED_AT_STEP = "divergedAtStep";
    public static final String STEPS = "steps";
    /** Training loss L(θ_T). */
    public static final String FINAL_LOSS = "finalLoss";
    /** Training loss L(θ_0). */
    public static final String INITIAL_LOSS = "initialLoss";
    /** The smallest finite training loss along the run. */
    public static final String MIN_LOSS = "minLoss";
    /** ln(classes) for cross entropy (NaN otherwise): the loss of a network that predicts nothing. */
    public static final String CHANCE_LOSS = "chanceLoss";
    public static final String TRAIN_ACCURACY = "trainAccuracy";
    public static final String TEST_ACCURACY = "testAccuracy";
    /** The first step with test accuracy at or above the target; −1 when never. */
    public static final String STEPS_TO_TARGET = "stepsToTarget";

    // the study's orbital-stability protocol (SCIENCE.md §2)
    /** The finite-time exponent of perturbed replicas per step (divergence: {mean, std, passed, total}). */
    public static final String NMLE = "nmle";
    public static final String NMLE_R2 = "nmleR2";
    /** 1 when the nMLE fit passes the study's filters (R² and slope), else 0. */
    public static final String NMLE_PASSED = "nmlePassed";
    /** The short-phase exponent of the same replica-mean distance ({@code ShortPhaseFit.STANDARD}), per step. */
    public static final String NMLE_SHORT = "nmleShort";
    public static final String NMLE_SHORT_R2 = "nmleShortR2";
    /** 1 when the short-phase fit passes its filters (a decade of growth over at least 4 steps, R², slope). */
    public static final String NMLE_SHORT_PASSED = "nmleShortPassed";
    /** The last step of the short-phase fit's rise: where the distance stops growing exponentially. */
    public static final String NMLE_SHORT_END = "nmleShortEnd";
    /** d̄(t) / (N_w ε) of the divergence command: {initial, final, max}. */
    public static final String NORMALIZED_DISTANCE = "normalizedDistance";
    /** The divergence command's results for every ε, ascending. */
    public static final String PER_EPS = "perEps";
    /** d̄(T) / (N_w ε) of a sweep task. */
    public static final String DISTANCE_FINAL = "distanceFinal";
    public static final String DISTANCE_MAX = "distanceMax";

    // Lyapunov exponents of the training map
    /** The exponents, descending. */
    public static final String EXPONENTS = "exponents";
    /** λ1 of a QR tangent run over the whole run. */
    public static final String LAMBDA_TANGENT = "lambdaTangent";
    /** The maximal exponent of a renormalised twin orbit. */
    public static final String LAMBDA_TWIN = "lambdaTwin";
    /** The sum of the measured exponents. */
    public static final String SPECTRUM_SUM = "spectrumSum";
    /** D_KY = j + (λ_1 + … + λ_j) / |λ_{j+1}| of a full spectrum. */
    public static final String KAPLAN_YORKE_DIMENSION = "kaplanYorkeDimension";
    /** A sweep task's tangent exponents (an array). */
    public static final String SPECTRUM = "spectrum";

    // sharpness
    public static final String SHARPNESS_FINAL = "sharpnessFinal";
    /** λ_max(P⁻¹H) of an adaptive step (sharpness command: an object; sweep rows: its final value). */
    public static final String PRECONDITIONED_SHARPNESS = "preconditionedSharpness";
    /** The largest λ_max(P⁻¹H) along the run from step 1 on (sweep rows). */
    public static final String PRECONDITIONED_SHARPNESS_MAX = "preconditionedSharpnessMax";
    /** The optimizer's stability threshold for the (preconditioned) sharpness ({@code UpdateRule.threshold}). */
    public static final String STABILITY_THRESHOLD = "stabilityThreshold";
    public static final String SHARPNESS_MAX = "sharpnessMax";
    /** λ_max(H(θ_T)) · η / 2: above 1, GD is linearly unstable along the top Hessian direction. */
    public static final String EOS_RATIO_FINAL = "eosRatioFinal";
    public static final String EOS_RATIO_MAX = "eosRatioMax";

    // the regime and its evidence ({@link Regime}, {@link RegimeClassifier.Evidence})
    /** The regime's label ({@link Regime#label()}). */
    public static final String REGIME = "regime";
    public static final String REGIME_REASONS = "regimeReasons";
    /** The top tangent exponent per step over the second half of the run. */
    public static final String LAMBDA1 = "lambda1";
    /** The 0–1 test's K of the loss series' second half. */
    public static final String ZERO_ONE_K = "zeroOneK";
    /** The fraction of the series' second half inside laminar phases. */
    public static final String LAMINAR_FRACTION = "laminarFraction";
    /** The fraction of steps on which the loss rises. */
    public static final String FRACTION_INCREASING = "fractionIncreasing";
    /** The spectral power share of the dominant period. */
    public static final String PERIODIC_SHARE = "periodicShare";
    /** The period (steps) carrying most of the spectral power. */
    public static final String DOMINANT_PERIOD = "dominantPeriod";
    /** Rosenstein's maximal exponent of the loss series' second half. */
    public static final String LAMBDA_SERIES = "lambdaSeries";

    // a sweep task's identity and arrays
    public static final String TASK = "task";
    public static final String INIT = "init";
    /** The last loss values (an array). */
    public static final String LOSS_TAIL = "lossTail";
    /** The last values of one parameter (an array). */
    public static final String WEIGHT_TAIL = "weightTail";
    /** A task's loss at every step (a series file). */
    public static final String LOSS = "loss";
    /** A task's test accuracy at every step (a series file). */
    public static final String TEST_ACCURACY_SERIES = "testAccuracy";
    /** A task's replica-mean distance / (N_w ε) at every step (a series file). */
    public static final String DISTANCE = "distance";

    /** Sweep-row keys before the names were unified, and the current name of each. */
    public static final Map<String, String> FORMER_NAMES = formerNames();

    private ResultKeys() {
    }

    private static Map<String, String> formerNames() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kaplanYorke", KAPLAN_YORKE_DIMENSION);
        m.put("lambdaLate", LAMBDA1);
        m.put("fractionRising", FRACTION_INCREASING);
        m.put("period", DOMINANT_PERIOD);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The current name of a key: itself, or the name that replaced it. */
    public static String current(String key) {
        return FORMER_NAMES.getOrDefault(key, key);
    }

    /**
     * {@code row} with every former key renamed to its current name, in place in the key order (the row a
     * current sweep writes for the same task); {@code row} itself when it has no former key.
     */
    public static <V> Map<String, V> withCurrentNames(Map<String, V> row) {
        boolean former = false;
        for (String k : row.keySet()) {
            if (FORMER_NAMES.containsKey(k)) {
                former = true;
                break;
            }
        }
        if (!former) {
            return row;
        }
        Map<String, V> renamed = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            String name = current(k);
            if (!k.equals(name) && row.containsKey(name)) {
                throw new IllegalArgumentException("a row with both " + k + " and " + name);
            }
            renamed.put(name, v);
        });
        return renamed;
    }
}
