package netdyn.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names the dynamical {@link Regime} of a training run from the evidence netdyn measures (SCIENCE.md §2, §4),
 * by a fixed, documented rule applied in order; the first that matches wins and the reasons are
 * returned with the regime. The thresholds are {@link Regime}'s constants. "Chaotic evidence" means tangent
 * λ1 &gt; {@link Regime#CHAOTIC_LAMBDA1} per step over the second half of the run and 0–1 test
 * K &gt; {@link Regime#CHAOTIC_K} on its loss.
 * <ol>
 *   <li><b>diverged</b>: the loss became non-finite;</li>
 *   <li>the loss ends below {@link Regime#LEARNED_FRACTION_OF_CHANCE} × the chance level ln(classes) (the
 *       network learned): <b>edge of stability</b> when the final sharpness λ_max·η/2 &gt;
 *       {@link Regime#EDGE_SHARPNESS_ETA_OVER_2} (chaotic or not); <b>chaotic</b> with chaotic evidence;
 *       <b>converged</b> when λ1 &lt; {@link Regime#CONVERGED_LAMBDA1} (every direction contracts: an isolated
 *       minimum); <b>slow convergence</b> otherwise (λ1 ≈ 0: flat directions, a manifold of minima approached
 *       slowly);</li>
 *   <li>not learned: with chaotic evidence, <b>intermittent</b> when laminar (periodic) phases cover at least
 *       {@link Regime#INTERMITTENT_LAMINAR_FRACTION} of the second half, <b>chaotic</b> otherwise;
 *       <b>periodic</b> when the loss rises on more than {@link Regime#PERIODIC_FRACTION_INCREASING} of the
 *       steps and one period ({@link Regime#PERIOD_MIN}–{@link Regime#PERIOD_MAX} steps) carries at least
 *       {@link Regime#PERIODIC_SHARE} of the spectral power or K &lt; {@link Regime#REGULAR_K}; else
 *       <b>plateau</b> (stuck, e.g. at chance level).</li>
 * </ol>
 */
public final class RegimeClassifier {
    private RegimeClassifier() {
    }

    /**
     * The measurements the rule reads; NaN where one was not measured (its clause then cannot fire).
     *
     * @param lambda1            top tangent exponent per step over the second half of the run
     * @param zeroOneK           Gottwald–Melbourne K of the second half of the loss series
     * @param laminarFraction    fraction of the second half inside laminar phases
     * @param fractionIncreasing fraction of loss increases in the second half
     * @param periodicShare      spectral power share of the dominant period (2–50 steps), 0 if none
     * @param dominantPeriod     that period in steps, NaN if none
     * @param sharpnessEtaOver2  λ_max(H(θ_T)) · η / 2
     */
    public record Evidence(boolean diverged, double finalLoss, int classes, double lambda1, double zeroOneK,
                           double laminarFraction, double fractionIncreasing, double periodicShare,
                           double dominantPeriod, double sharpnessEtaOver2) {
        public double chanceLevel() {
            return Math.log(classes);
        }
    }

    /** The regime and why. */
    public record Classification(Regime regime, List<String> reasons) {
        /** The regime's label ({@link Regime#label()}). */
        public String label() {
            return regime.label();
        }
    }

    public static Classification classify(Evidence e) {
        List<String> why = new ArrayList<>();
        if (e.diverged()) {
            why.add("the loss became non-finite");
            return new Classification(Regime.DIVERGED, why);
        }
        String lambdaChaos = Regime.number(Regime.CHAOTIC_LAMBDA1);
        String kChaos = Regime.number(Regime.CHAOTIC_K);
        boolean chaotic = e.lambda1() > Regime.CHAOTIC_LAMBDA1 && e.zeroOneK() > Regime.CHAOTIC_K;
        String learned = Regime.fraction(Regime.LEARNED_FRACTION_OF_CHANCE);
        if (e.finalLoss() < Regime.LEARNED_FRACTION_OF_CHANCE * e.chanceLevel()) {
            why.add(String.format(Locale.ROOT, "final loss %.4g < " + learned + " the chance level ln %d = %.4g",
                    e.finalLoss(), e.classes(), e.chanceLevel()));
            if (e.sharpnessEtaOver2() > Regime.EDGE_SHARPNESS_ETA_OVER_2) {
                why.add(String.format(Locale.ROOT, "sharpness·η/2 = %.3f > "
                        + Regime.number(Regime.EDGE_SHARPNESS_ETA_OVER_2), e.sharpnessEtaOver2()));
                if (chaotic) {
                    why.add(String.format(Locale.ROOT, "and chaotic there: λ1 = %.4g per step, K = %.3f", e.lambda1(),
                            e.zeroOneK()));
                }
                return new Classification(Regime.EDGE_OF_STABILITY, why);
            }
            if (chaotic) {
                why.add(String.format(Locale.ROOT, "tangent λ1 = %.4g > " + lambdaChaos + " per step, 0–1 test K = "
                        + "%.3f > " + kChaos, e.lambda1(), e.zeroOneK()));
                return new Classification(Regime.CHAOTIC, why);
            }
            if (e.lambda1() < Regime.CONVERGED_LAMBDA1) {
                why.add(String.format(Locale.ROOT, "tangent λ1 = %.3g < " + Regime.number(Regime.CONVERGED_LAMBDA1)
                        + ": every direction contracts", e.lambda1()));
                return new Classification(Regime.CONVERGED, why);
            }
            why.add(String.format(Locale.ROOT, "tangent λ1 = %.3g ≈ 0: flat directions, slow approach",
                    e.lambda1()));
            return new Classification(Regime.SLOW_CONVERGENCE, why);
        }
        why.add(String.format(Locale.ROOT, "final loss %.4g ≥ " + learned + " the chance level " + learnedLevelText()
                + " = %.4g: not learning", e.finalLoss(), e.classes(),
                Regime.LEARNED_FRACTION_OF_CHANCE * e.chanceLevel()));
        if (chaotic) {
            why.add(String.format(Locale.ROOT, "tangent λ1 = %.4g > " + lambdaChaos + " per step", e.lambda1()));
            why.add(String.format(Locale.ROOT, "0–1 test K = %.3f > " + kChaos, e.zeroOneK()));
            String laminar = Regime.percent(Regime.INTERMITTENT_LAMINAR_FRACTION);
            if (e.laminarFraction() >= Regime.INTERMITTENT_LAMINAR_FRACTION) {
                why.add(String.format(Locale.ROOT, "laminar (periodic) phases cover %.0f%% ≥ " + laminar
                        + "%% of the second half", 100 * e.laminarFraction()));
                return new Classification(Regime.INTERMITTENT, why);
            }
            why.add(String.format(Locale.ROOT, "laminar phases cover only %.0f%%", 100 * e.laminarFraction()));
            return new Classification(Regime.CHAOTIC, why);
        }
        boolean periodicPower = e.periodicShare() >= Regime.PERIODIC_SHARE;
        if (e.fractionIncreasing() > Regime.PERIODIC_FRACTION_INCREASING
                && (periodicPower || e.zeroOneK() < Regime.REGULAR_K)) {
            why.add(String.format(Locale.ROOT, "the loss rises on %.0f%% of the steps", 100 * e.fractionIncreasing()));
            if (periodicPower) {
                why.add(String.format(Locale.ROOT, "period %.0f carries %.0f%% of the spectral power",
                        e.dominantPeriod(), 100 * e.periodicShare()));
            } else {
                why.add(String.format(Locale.ROOT, "0–1 test K = %.3f < " + Regime.number(Regime.REGULAR_K)
                        + " (regular)", e.zeroOneK()));
            }
            return new Classification(Regime.PERIODIC, why);
        }
        why.add("no chaos or oscillation: stuck on a plateau");
        return new Classification(Regime.PLATEAU, why);
    }

    /** The learned level's formula for a format with the class count: "(ln %d)/2" for a half. */
    private static String learnedLevelText() {
        return Regime.LEARNED_FRACTION_OF_CHANCE == 0.5 ? "(ln %d)/2"
                : Regime.number(Regime.LEARNED_FRACTION_OF_CHANCE) + "·ln %d";
    }
}
