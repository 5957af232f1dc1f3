package netdyn.analysis;

import java.util.ArrayList;
import java.util.List;

import netdyn.series.Autocorrelation;
import netdyn.series.AutocorrelationResult;
import netdyn.series.AutocorrelationSpec;
import netdyn.series.KantzExponent;
import netdyn.series.KantzSpec;
import netdyn.series.LaminarPhases;
import netdyn.series.LaminarPhasesResult;
import netdyn.series.LaminarPhasesSpec;
import netdyn.series.LocalExpansionRates;
import netdyn.series.LocalExpansionRatesResult;
import netdyn.series.LocalExpansionRatesSpec;
import netdyn.series.Monotonicity;
import netdyn.series.MonotonicityResult;
import netdyn.series.MonotonicitySpec;
import netdyn.series.Periodogram;
import netdyn.series.PeriodogramResult;
import netdyn.series.PeriodogramSpec;
import netdyn.series.PermutationEntropy;
import netdyn.series.PermutationEntropyResult;
import netdyn.series.PermutationEntropySpec;
import netdyn.series.RosensteinExponent;
import netdyn.series.RosensteinSpec;
import netdyn.series.ScalarExponentResult;
import netdyn.series.ZeroOneTest;
import netdyn.series.ZeroOneTestResult;
import netdyn.series.ZeroOneTestSpec;

/**
 * Every scalar diagnostic of {@code netdyn.series} on one series (SCIENCE.md §2, "Loss time series at
 * large η", and §4, the independent estimates of chaos): autocorrelation with its shuffle null band,
 * periodogram, monotonicity, laminar phases, the 0–1 test, permutation entropy, the maximal Lyapunov
 * exponent by delay embedding (Rosenstein, Kantz or both) and the study's local expansion rates. What
 * {@code netdyn series} computes; it prints and writes nothing.
 *
 * <p>Each estimator sees the same series and its own spec; random draws come from each spec's seed
 * (purposes "acf-shuffle", "zero-one-frequencies", "expansion-references"), so the result depends on the
 * series and the spec only.
 *
 * <p>Cost: the sum of the estimators' ({@link Autocorrelation}: O(S·n·m) with S shuffles and m lags; the
 * embedding exponents and local expansion rates: up to O(n²) neighbour searches; the rest O(n log n) or
 * less).
 *
 * <p>See also {@link RegimeEvidence}, which uses a few of the same estimators to label a training run.
 */
public final class SeriesReport {
    private SeriesReport() {
    }

    /** Which maximal-exponent estimators run; with both, {@link Result#maxLyapunov()} is Rosenstein's. */
    public enum Method { ROSENSTEIN, KANTZ, BOTH }

    /**
     * The settings of every estimator. Rosenstein's and Kantz's specs are both given (and validated) whatever
     * {@code method} says; only those {@code method} selects run.
     *
     * @param acf                ACF lags, shuffles, null-band percentiles and seed
     * @param periodogram        peaks, padding, fundamental-period search
     * @param monotonicity       rise tolerance
     * @param laminarPhases      comparison lag, threshold, shortest phase
     * @param zeroOne            frequencies c, cutoff, seed of the 0–1 test
     * @param permutationEntropy order d and delay τ
     * @param method             which exponent(s) of the delay embedding
     * @param rosenstein         embedding, Theiler window, horizon and fit range of Rosenstein's method
     * @param kantz              the same and the neighbourhood of Kantz's method
     * @param expansionRates     the study's local expansion rates
     */
    public record Spec(AutocorrelationSpec acf, PeriodogramSpec periodogram, MonotonicitySpec monotonicity,
                       LaminarPhasesSpec laminarPhases, ZeroOneTestSpec zeroOne,
                       PermutationEntropySpec permutationEntropy, Method method, RosensteinSpec rosenstein,
                       KantzSpec kantz, LocalExpansionRatesSpec expansionRates) {

        public Spec {
            String[] names = {"acf", "periodogram", "monotonicity", "laminarPhases", "zeroOne", "permutationEntropy",
                "method", "rosenstein", "kantz", "expansionRates"};
            Object[] values = {acf, periodogram, monotonicity, laminarPhases, zeroOne, permutationEntropy, method,
                rosenstein, kantz, expansionRates};
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    throw new IllegalArgumentException("SeriesReport.Spec: " + names[i] + " is null");
                }
            }
        }

        /**
         * The settings of {@code netdyn series} without options: the study's ACF band
         * ({@link AutocorrelationSpec#study}) and local expansion rates ({@link LocalExpansionRatesSpec#study}),
         * each other estimator's defaults, both exponents.
         */
        public static Spec defaults(long seed) {
            return new Spec(AutocorrelationSpec.study(seed), PeriodogramSpec.defaults(), MonotonicitySpec.strict(),
                    LaminarPhasesSpec.defaults(), ZeroOneTestSpec.defaults(seed), PermutationEntropySpec.defaults(),
                    Method.BOTH, RosensteinSpec.defaults(), KantzSpec.defaults(), LocalExpansionRatesSpec.study(seed));
        }

        /** The shortest series all selected estimators accept: the largest of their {@code minimumLength()}. */
        public int minimumLength() {
            int n = Math.max(acf.minimumLength(), periodogram.minimumLength());
            n = Math.max(n, monotonicity.minimumLength());
            n = Math.max(n, laminarPhases.minimumLength());
            n = Math.max(n, zeroOne.minimumLength());
            n = Math.max(n, permutationEntropy.minimumLength());
            if (method != Method.KANTZ) {
                n = Math.max(n, rosenstein.minimumLength());
            }
            if (method != Method.ROSENSTEIN) {
                n = Math.max(n, kantz.minimumLength());
            }
            return Math.max(n, expansionRates.minimumLength());
        }
    }

    /**
     * What each estimator found.
     *
     * @param exponents Rosenstein's then Kantz's, as {@link Spec#method()} selects (one or two)
     */
    public record Result(AutocorrelationResult acf, PeriodogramResult periodogram, MonotonicityResult monotonicity,
                         LaminarPhasesResult laminarPhases, ZeroOneTestResult zeroOne,
                         PermutationEntropyResult permutationEntropy, List<ScalarExponentResult> exponents,
                         LocalExpansionRatesResult expansionRates) {

        public Result {
            exponents = List.copyOf(exponents);
        }

        /** The maximal Lyapunov exponent reported: the first of {@link #exponents()} (Rosenstein's with both). */
        public ScalarExponentResult maxLyapunov() {
            return exponents.get(0);
        }
    }

    /**
     * Runs every estimator on {@code series} (not modified).
     *
     * @throws IllegalArgumentException when the series is shorter than {@link Spec#minimumLength()} (the
     *                                  message names both) or holds a non-finite value
     */
    public static Result of(double[] series, Spec spec) {
        if (series == null || series.length < spec.minimumLength()) {
            throw new IllegalArgumentException("SeriesReport: series has " + (series == null ? "no" : series.length)
                    + " values, the spec needs at least " + spec.minimumLength());
        }
        AutocorrelationResult acf = Autocorrelation.of(series, spec.acf());
        PeriodogramResult periodogram = Periodogram.of(series, spec.periodogram());
        MonotonicityResult monotonicity = Monotonicity.of(series, spec.monotonicity());
        LaminarPhasesResult laminar = LaminarPhases.of(series, spec.laminarPhases());
        ZeroOneTestResult zeroOne = ZeroOneTest.of(series, spec.zeroOne());
        PermutationEntropyResult pe = PermutationEntropy.of(series, spec.permutationEntropy());
        List<ScalarExponentResult> exponents = new ArrayList<>(2);
        if (spec.method() != Method.KANTZ) {
            exponents.add(RosensteinExponent.of(series, spec.rosenstein()));
        }
        if (spec.method() != Method.ROSENSTEIN) {
            exponents.add(KantzExponent.of(series, spec.kantz()));
        }
        LocalExpansionRatesResult expansion = LocalExpansionRates.of(series, spec.expansionRates());
        return new Result(acf, periodogram, monotonicity, laminar, zeroOne, pe, exponents, expansion);
    }
}
