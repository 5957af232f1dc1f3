package netdyn.atlas;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netdyn.BadInputException;
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
 * <p>The {@link AtlasPreset#FOLLOWUP} preset runs parts 1 and 2 only, with the follow-up study's grid, steps,
 * replicas and measures ({@link AtlasPreset}), the top {@value AtlasPreset#FOLLOWUP_SPECTRUM} exponents in
 * part 2, {@code inits} inits and the {@code target} accuracy.
 *
 * @param base          the run every task varies (its steps and learning rates are replaced)
 * @param quality       how much is computed
 * @param learningRates the η grid in {@link ValueRange} syntax, or null for the preset's default:
 *                      {@value #DEFAULT_LEARNING_RATES}{@code quality.learningRates()} for the study
 * @param preset        which study the atlas follows
 * @param inits         initialisations per η; 0 for the preset's at this quality
 * @param target        the test accuracy whose first crossing is recorded; NaN for the preset's
 */
public record AtlasPlan(RunSpec base, AtlasQuality quality, String learningRates, AtlasPreset preset, int inits,
                        double target) implements Serializable {
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
        if (base == null || quality == null || preset == null) {
            throw new IllegalArgumentException("base, quality and preset are required");
        }
        if (inits < 0) {
            throw BadInputException.of("inits", "must be >= 1 (got " + inits + ")");
        }
        if (!Double.isNaN(target) && !(target > 0 && target <= 1)) {
            throw BadInputException.of("targetAccuracy", "must be in (0, 1] (got " + target + ")");
        }
        inits = inits == 0 ? preset.inits(quality) : inits;
        target = Double.isNaN(target) ? preset.target() : target;
        // every η must make a valid run: fail now, before anything runs
        etaSweep(false, base, quality, grid(learningRates, quality, preset), preset, inits, target);
    }

    /** The study's atlas as before presets: the preset's inits and target. */
    public AtlasPlan(RunSpec base, AtlasQuality quality, String learningRates) {
        this(base, quality, learningRates, AtlasPreset.STUDY, 0, Double.NaN);
    }

    /** The atlas of {@code base} at this quality, over the default learning rates. */
    public static AtlasPlan of(RunSpec base, AtlasQuality quality) {
        return new AtlasPlan(base, quality, null);
    }

    /** The follow-up study's atlas of {@code base} (data and network as given) at this quality. */
    public static AtlasPlan followup(RunSpec base, AtlasQuality quality) {
        return new AtlasPlan(base, quality, null, AtlasPreset.FOLLOWUP, 0, Double.NaN);
    }

    /** The same atlas over these learning rates ({@link ValueRange} syntax: a list or a range). */
    public AtlasPlan withLearningRates(String grid) {
        return new AtlasPlan(base, quality, grid, preset, inits, target);
    }

    /** The same atlas with {@code n} inits per η. */
    public AtlasPlan withInits(int n) {
        if (n < 1) {
            throw BadInputException.of("inits", "must be >= 1 (got " + n + ")");
        }
        return new AtlasPlan(base, quality, learningRates, preset, n, target);
    }

    /** The same atlas recording the first step at this test accuracy. */
    public AtlasPlan withTarget(double accuracy) {
        if (!(accuracy > 0 && accuracy <= 1)) {
            throw BadInputException.of("targetAccuracy", "must be in (0, 1] (got " + accuracy + ")");
        }
        return new AtlasPlan(base, quality, learningRates, preset, inits, accuracy);
    }

    /** The parts this atlas runs, in order. */
    public java.util.List<AtlasPart> parts() {
        return preset.parts();
    }

    /** Steps of every run of the learning-rate part. */
    public long steps() {
        return preset.steps(quality);
    }

    /** Perturbed replicas per init. */
    public int replicas() {
        return preset.replicas(quality);
    }

    /** Steps of the spectrum part's runs. */
    public long spectrumSteps() {
        return preset.spectrumSteps(quality);
    }

    /** Exponents per run of the spectrum part ({@link Measures#ALL}: all). */
    public int spectrumK() {
        return preset.spectrumK();
    }

    private static String grid(String learningRates, AtlasQuality quality, AtlasPreset preset) {
        return learningRates != null ? learningRates : preset.learningRates(quality);
    }

    /** Whether the η grid is the default one. */
    public boolean defaultLearningRates() {
        return learningRates == null;
    }

    /** The η grid as text: as given, or the default with the quality's count. */
    public String learningRateGrid() {
        return grid(learningRates, quality, preset);
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
        return etaSweep(false, base, quality, learningRateGrid(), preset, inits, target);
    }

    /** Part 2: the full spectrum (the follow-up: the top exponents) of init 0 at each η. */
    public SweepSpec spectrumSweep() {
        return etaSweep(true, base, quality, learningRateGrid(), preset, inits, target);
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

    /**
     * Part 1 (every measure, several inits) or part 2 ({@code spectra}: the spectrum of init 0) over the η
     * grid.
     */
    private static SweepSpec etaSweep(boolean spectra, RunSpec base, AtlasQuality quality, String grid,
                                      AtlasPreset preset, int inits, double target) {
        Axis eta = Axis.numeric(Setting.LEARNING_RATE, ValueRange.parse("learningRates", grid));
        if (spectra) {
            return new SweepSpec(base.withSteps(preset.spectrumSteps(quality)), List.of(eta), 1, 1, EPSILON,
                    preset.spectrumMeasures(), TAIL, target, TAIL_WEIGHT);
        }
        return new SweepSpec(base.withSteps(preset.steps(quality)), List.of(eta), inits, preset.replicas(quality),
                EPSILON, preset.measures(), TAIL, target, TAIL_WEIGHT);
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
        if (preset != AtlasPreset.STUDY || inits != preset.inits(quality) || target != TARGET_ACCURACY) {
            // only when they differ from the study's atlas: its directories from before presets stay resumable
            s.put("preset", preset.id());
            s.put("inits", Integer.toString(inits));
            s.put("target-accuracy", Double.toString(target));
        }
        return s;
    }
}
