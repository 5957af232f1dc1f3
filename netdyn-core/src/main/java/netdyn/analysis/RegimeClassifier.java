package netdyn.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names the dynamical regime of a training run from the evidence netdyn measures (SCIENCE.md §2, §4),
 * by a fixed, documented rule applied in order; the first that matches wins and the reasons are
 * returned with the label. "Chaotic evidence" means tangent λ1 &gt; 0.01 per step over the second half
 * of the run and 0–1 test K &gt; 0.5 on its loss.
 * <ol>
 *   <li><b>diverged</b>: the loss became non-finite;</li>
 *   <li>the loss ends below half the chance level ln(classes) (the network learned):
 *       <b>edge of stability</b> when the final sharpness λ_max·η/2 &gt; 0.9 (chaotic or not);
 *       <b>chaotic</b> with chaotic evidence; <b>converged</b> when λ1 &lt; −0.001 (every direction
 *       contracts: an isolated minimum); <b>slow convergence</b> otherwise (λ1 ≈ 0: flat directions,
 *       a manifold of minima approached slowly);</li>
 *   <li>not learned: with chaotic evidence, <b>intermittent</b> when laminar (periodic) phases cover
 *       at least 20 % of the second half, <b>chaotic</b> otherwise; <b>periodic</b> when the loss
 *       rises on more than 20 % of the steps and one period (2–50 steps) carries at least half of the
 *       spectral power or K &lt; 0.2; else <b>plateau</b> (stuck, e.g. at chance level).</li>
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

    /** A label and why. */
    public record Regime(String label, List<String> reasons) {
    }

    public static Regime classify(Evidence e) {
        List<String> why = new ArrayList<>();
        if (e.diverged()) {
            why.add("the loss became non-finite");
            return new Regime("diverged", why);
        }
        boolean chaotic = e.lambda1() > 0.01 && e.zeroOneK() > 0.5;
        if (e.finalLoss() < 0.5 * e.chanceLevel()) {
            why.add(String.format(Locale.ROOT, "final loss %.4g < half the chance level ln %d = %.4g", e.finalLoss(), e.classes(),
                    e.chanceLevel()));
            if (e.sharpnessEtaOver2() > 0.9) {
                why.add(String.format(Locale.ROOT, "sharpness·η/2 = %.3f > 0.9", e.sharpnessEtaOver2()));
                if (chaotic) {
                    why.add(String.format(Locale.ROOT, "and chaotic there: λ1 = %.4g per step, K = %.3f", e.lambda1(), e.zeroOneK()));
                }
                return new Regime("edge of stability", why);
            }
            if (chaotic) {
                why.add(String.format(Locale.ROOT, "tangent λ1 = %.4g > 0.01 per step, 0–1 test K = %.3f > 0.5", e.lambda1(),
                        e.zeroOneK()));
                return new Regime("chaotic", why);
            }
            if (e.lambda1() < -0.001) {
                why.add(String.format(Locale.ROOT, "tangent λ1 = %.3g < −0.001: every direction contracts", e.lambda1()));
                return new Regime("converged", why);
            }
            why.add(String.format(Locale.ROOT, "tangent λ1 = %.3g ≈ 0: flat directions, slow approach", e.lambda1()));
            return new Regime("slow convergence", why);
        }
        why.add(String.format(Locale.ROOT, "final loss %.4g ≥ half the chance level (ln %d)/2 = %.4g: not learning",
                e.finalLoss(), e.classes(), 0.5 * e.chanceLevel()));
        if (chaotic) {
            why.add(String.format(Locale.ROOT, "tangent λ1 = %.4g > 0.01 per step", e.lambda1()));
            why.add(String.format(Locale.ROOT, "0–1 test K = %.3f > 0.5", e.zeroOneK()));
            if (e.laminarFraction() >= 0.2) {
                why.add(String.format(Locale.ROOT, "laminar (periodic) phases cover %.0f%% ≥ 20%% of the second half",
                        100 * e.laminarFraction()));
                return new Regime("intermittent", why);
            }
            why.add(String.format(Locale.ROOT, "laminar phases cover only %.0f%%", 100 * e.laminarFraction()));
            return new Regime("chaotic", why);
        }
        if (e.fractionIncreasing() > 0.2 && (e.periodicShare() >= 0.5 || e.zeroOneK() < 0.2)) {
            why.add(String.format(Locale.ROOT, "the loss rises on %.0f%% of the steps", 100 * e.fractionIncreasing()));
            if (e.periodicShare() >= 0.5) {
                why.add(String.format(Locale.ROOT, "period %.0f carries %.0f%% of the spectral power", e.dominantPeriod(),
                        100 * e.periodicShare()));
            } else {
                why.add(String.format(Locale.ROOT, "0–1 test K = %.3f < 0.2 (regular)", e.zeroOneK()));
            }
            return new Regime("periodic", why);
        }
        why.add("no chaos or oscillation: stuck on a plateau");
        return new Regime("plateau", why);
    }
}
