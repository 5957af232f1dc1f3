package netdyn.atlas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import netdyn.analysis.Regime;
import netdyn.sweep.ResultRows;

/**
 * The rows of a learning-rate sweep grouped by η ({@code lr}), ascending, with what the atlas decides per
 * η: statistics over the inits, the majority regime, and the onset of chaos.
 */
public final class LearningRateGroups {
    /**
     * A maximal exponent above this (per step) is chaos; below, it is read as zero (the numerical noise of
     * a converging run is about 1e-5).
     */
    public static final double CHAOS_THRESHOLD = Regime.CHAOTIC_LAMBDA1;

    private final double[] eta;
    private final List<List<Map<String, Object>>> rows;

    private LearningRateGroups(double[] eta, List<List<Map<String, Object>>> rows) {
        this.eta = eta;
        this.rows = rows;
    }

    /** {@code rows} grouped by their learning rate, each group in row order. */
    public static LearningRateGroups of(List<Map<String, Object>> rows) {
        TreeMap<Double, List<Map<String, Object>>> by = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            by.computeIfAbsent(ResultRows.number(r, "lr"), k -> new ArrayList<>()).add(r);
        }
        List<List<Map<String, Object>>> groups = new ArrayList<>();
        by.values().forEach(g -> groups.add(List.copyOf(g)));
        return new LearningRateGroups(by.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                List.copyOf(groups));
    }

    /** The learning rates, ascending. */
    public double[] eta() {
        return eta.clone();
    }

    public int size() {
        return eta.length;
    }

    /** The rows of the {@code i}-th learning rate. */
    public List<Map<String, Object>> rows(int i) {
        return rows.get(i);
    }

    /** A statistic (mean, min, max, …) of the finite values of {@code key} at each η; NaN where none is finite. */
    public double[] stat(String key, ToDoubleFunction<double[]> statistic) {
        double[] out = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            out[i] = statistic.applyAsDouble(ResultRows.values(rows.get(i), key));
        }
        return out;
    }

    /** The mean of the finite values of {@code key} at each η. */
    public double[] mean(String key) {
        return stat(key, ResultRows::mean);
    }

    /** The regimes of the runs at the {@code i}-th η ({@link RegimeMajority#counts}). */
    public Map<String, Integer> regimeCounts(int i) {
        return RegimeMajority.counts(rows.get(i));
    }

    /** The majority regime at each η ({@link RegimeMajority#of}; "" where no run has a regime). */
    public String[] majorityRegime() {
        String[] out = new String[eta.length];
        for (int i = 0; i < eta.length; i++) {
            out[i] = RegimeMajority.of(regimeCounts(i));
        }
        return out;
    }

    /**
     * The maximal exponent the onset of chaos is read from: the tangent λ₁ ({@code lambdaTangent}) when the
     * sweep measured it, else the twin-orbit exponent ({@code lambdaTwin}), else the study's {@code nmle}
     * (decided by the first row of the smallest η).
     */
    public String chaosExponent() {
        Map<String, Object> first = rows.isEmpty() ? Map.of() : rows.get(0).get(0);
        return first.containsKey("lambdaTangent") ? "lambdaTangent" : first.containsKey("lambdaTwin") ? "lambdaTwin"
                : "nmle";
    }

    /**
     * The onset of chaos: the first (smallest) η whose mean {@link #chaosExponent} over its inits exceeds
     * {@link #CHAOS_THRESHOLD} per step; NaN when none does.
     */
    public double onsetOfChaos() {
        double[] lambda = mean(chaosExponent());
        for (int i = 0; i < lambda.length; i++) {
            if (lambda[i] > CHAOS_THRESHOLD) {
                return eta[i];
            }
        }
        return Double.NaN;
    }

    /**
     * The onset of chaos of an atlas: from its learning-rate rows when they carry a maximal exponent other
     * than the study's nMLE ({@link #chaosExponent}), else from the spectrum part's rows (the follow-up
     * preset: tangent λ₁ of init 0 per η), else from the nMLE; NaN when none is chaotic.
     *
     * @param spectrumRows the spectrum part's rows, or null
     */
    public static double onsetOfChaos(LearningRateGroups learningRates, List<Map<String, Object>> spectrumRows) {
        if (learningRates.chaosExponent().equals("nmle") && spectrumRows != null && !spectrumRows.isEmpty()) {
            return of(spectrumRows).onsetOfChaos();
        }
        return learningRates.onsetOfChaos();
    }
}
