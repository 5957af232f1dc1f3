package netdyn.atlas;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netdyn.run.RunSpec;
import netdyn.sweep.Axis;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.Measures;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.ValueRange;

/**
 * What the atlas runs: its four parts ({@link AtlasPart}) as sweeps of one base run, sized by a quality
 * level. The base gives data, network, init, optimizer settings and seed; the plan sets the steps and the
 * learning rates of each part.
 * <ol>
 * <li>{@link #learningRateSweep}: every measure ({@link Measures#DEFAULT}) at each learning rate η of the
 *     grid, {@code quality.inits()} inits × {@code quality.replicas()} replicas perturbed by
 *     {@value #EPSILON}, {@code quality.steps()} steps, the last 64 losses and θ[{@value #TAIL_WEIGHT}]
 *     kept (the bifurcation diagrams);</li>
 * <li>{@link #spectrumSweep}: the full tangent spectrum of init 0 at each η over
 *     {@code quality.spectrumSteps()} steps;</li>
 * <li>{@link #mapSweep}: one init per cell of a {@code quality.mapSide()}² grid of (hidden-layer,
 *     output-layer) rates, both {@value #MAP_RATES}{@code mapSide}, loss only, {@code quality.mapSteps()}
 *     steps;</li>
 * <li>{@link #zoomSweep}: the same inside the map's boundary window, at the same resolution.</li>
 * </ol>
 * Seeds are the sweeps' ({@link SweepSpec}): every part starts its inits from the base's seed.
 *
 * @param base          the run every task varies (its steps and learning rates are replaced)
 * @param quality       how much is computed
 * @param learningRates the η grid in {@link ValueRange} syntax, or null for the default:
 *                      {@value #DEFAULT_LEARNING_RATES}{@code quality.learningRates()}
 */
public record AtlasPlan(RunSpec base, AtlasQuality quality, String learningRates) implements Serializable {
    /** The default η grid without its count: log-spaced from 0.001 to 20. */
    public static final String DEFAULT_LEARNING_RATES = "0.001:20:log:";
    /** Both axes of the trainability map without their count: log-spaced from 0.05 to 50. */
    public static final String MAP_RATES = "0.05:50:log:";
    /** The replicas' perturbation size. */
    public static final double EPSILON = 1e-8;
    /** The weight whose last values the learning-rate sweep keeps: W1[0][0], input 0 (sepal length on Iris) to hidden unit 0. */
    public static final int TAIL_WEIGHT = 0;
    /** Losses kept per run of the learning-rate and spectrum sweeps (the bifurcation diagram). */
    public static final int TAIL = 64;
    /** Losses kept per cell of the maps. */
    public static final int MAP_TAIL = 8;
    /** The test accuracy whose first crossing is recorded. */
    public static final double TARGET_ACCURACY = 0.9;
    /** What the spectrum part measures. */
    public static final String SPECTRUM_MEASURES = "loss,spectrum:all";
    /** What the maps measure. */
    public static final String MAP_MEASURES = "loss";

    public AtlasPlan {
        if (base == null || quality == null) {
            throw new IllegalArgumentException("base and quality are required");
        }
        // every η must make a valid run: fail now, before anything runs
        String grid = learningRates != null ? learningRates : DEFAULT_LEARNING_RATES + quality.learningRates();
        etaSweep(base, quality, grid, false);
    }

    /** The atlas of {@code base} at this quality, over the default learning rates. */
    public static AtlasPlan of(RunSpec base, AtlasQuality quality) {
        return new AtlasPlan(base, quality, null);
    }

    /** The same atlas over these learning rates ({@link ValueRange} syntax: a list or a range). */
    public AtlasPlan withLearningRates(String grid) {
        return new AtlasPlan(base, quality, grid);
    }

    /** Whether the η grid is the default one. */
    public boolean defaultLearningRates() {
        return learningRates == null;
    }

    /** The η grid as text: as given, or the default with the quality's count. */
    public String learningRateGrid() {
        return learningRates != null ? learningRates : DEFAULT_LEARNING_RATES + quality.learningRates();
    }

    /** The η grid's values, ascending. */
    public double[] etas() {
        return ValueRange.parse("learningRates", learningRateGrid());
    }

    /** The sweep of a part; the zoom's needs its window: {@link #zoomSweep}. */
    public SweepSpec sweep(AtlasPart part) {
        return switch (part) {
            case LEARNING_RATES -> learningRateSweep();
            case SPECTRA -> spectrumSweep();
            case MAP -> mapSweep();
            case ZOOM -> throw new IllegalArgumentException("the zoom's window comes from the map's results: "
                    + "zoomSweep(window)");
        };
    }

    /** Part 1: every measure at each η. */
    public SweepSpec learningRateSweep() {
        return etaSweep(base, quality, learningRateGrid(), false);
    }

    /** Part 2: the full spectrum of init 0 at each η. */
    public SweepSpec spectrumSweep() {
        return etaSweep(base, quality, learningRateGrid(), true);
    }

    /** Part 3: the trainability map. */
    public SweepSpec mapSweep() {
        String grid = MAP_RATES + quality.mapSide();
        return map(grid, grid);
    }

    /** Part 4: the map resampled inside {@code window}, log-spaced, at the map's resolution. */
    public SweepSpec zoomSweep(BoundaryWindow window) {
        int n = quality.mapSide();
        return map(window.hiddenFrom() + ":" + window.hiddenTo() + ":log:" + n,
                window.outputFrom() + ":" + window.outputTo() + ":log:" + n);
    }

    /** Part 1 (every measure, several inits) or part 2 ({@code spectra}: the full spectrum of init 0) over the η grid. */
    private static SweepSpec etaSweep(RunSpec base, AtlasQuality quality, String grid, boolean spectra) {
        Axis eta = Axis.numeric(Setting.LEARNING_RATE, ValueRange.parse("learningRates", grid));
        if (spectra) {
            return new SweepSpec(base.withSteps(quality.spectrumSteps()), List.of(eta), 1, 1, EPSILON,
                    Measures.parse(SPECTRUM_MEASURES), TAIL, TARGET_ACCURACY, TAIL_WEIGHT);
        }
        return new SweepSpec(base.withSteps(quality.steps()), List.of(eta), quality.inits(), quality.replicas(),
                EPSILON, Measures.parse(Measures.DEFAULT), TAIL, TARGET_ACCURACY, TAIL_WEIGHT);
    }

    private SweepSpec map(String hidden, String output) {
        return new SweepSpec(base.withSteps(quality.mapSteps()), List.of(
                Axis.numeric(Setting.HIDDEN_RATE, ValueRange.parse("hiddenRate", hidden)),
                Axis.numeric(Setting.OUTPUT_RATE, ValueRange.parse("outputRate", output))), 1, 1, EPSILON,
                Measures.parse(MAP_MEASURES), MAP_TAIL, TARGET_ACCURACY);
    }

    /**
     * Every setting that decides the atlas's results, as canonical text: the base run's settings, the η grid
     * as given, the quality and the seed. An atlas directory may only be continued under equal settings.
     */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>(base.settings());
        s.put("lr", learningRateGrid());
        s.put("quality", quality.id());
        s.put("seed", Long.toString(base.seed()));
        return s;
    }
}
