package netdyn.atlas;

import java.util.List;

import netdyn.BadInputException;
import netdyn.sweep.Measures;

/**
 * Which study an atlas follows: what its parts measure, over which learning rates, for how long.
 * <ul>
 * <li>{@link #STUDY}: the reproduced study's Iris atlas (Danovski, Soriano &amp; Lacasa 2024): every measure over
 *     log-spaced η, the full spectrum per η, the trainability map and its zoom;</li>
 * <li>{@link #FOLLOWUP}: the follow-up's protocol (Jiménez-González, Soriano &amp; Lacasa, arXiv 2506.08523,
 *     {@code MNIST_tanh.py}): its 16 learning rates, 201 full-batch steps, 5 replicas perturbed on the
 *     weights by U(−1e-8, 1e-8), ℓ1 distance over all parameters; measured: loss, test accuracy at every
 *     step with the steps to a target, the study's and the short-phase exponent for every init, and for init 0
 *     per η the top {@value #FOLLOWUP_SPECTRUM} tangent exponents and the twin-orbit exponent (the onset of
 *     chaos is read from its tangent λ₁); no trainability map (its cells would each train the whole
 *     network).</li>
 * </ul>
 */
public enum AtlasPreset {
    STUDY("study"),
    FOLLOWUP("followup");

    /** The follow-up's learning rates. */
    public static final String FOLLOWUP_LEARNING_RATES = "0.0005,0.001,0.005,0.01,0.05,0.1,0.5,1,2.5,5,7.5,10,12.5,15,"
            + "17.5,20";
    /** A few of them for the quick level: below, at and above the onset on the bundled digits. */
    public static final String FOLLOWUP_QUICK_LEARNING_RATES = "0.5,5,10,20";
    /** Steps of every run: the follow-up's 201 ({@code num_epochs}; 202 states recorded, t = 0 … 201). */
    public static final long FOLLOWUP_STEPS = 201;
    /** The follow-up's perturbed replicas per init. */
    public static final int FOLLOWUP_REPLICAS = 5;
    /** Top tangent exponents of init 0 per η. */
    public static final int FOLLOWUP_SPECTRUM = 3;
    /** What the learning-rate part measures (every init: the ensemble of the reference and its replicas). */
    public static final String FOLLOWUP_MEASURES = "loss,accuracy,nmle";
    /** What the spectrum part measures (init 0 per η; the twin orbit there keeps the preset within 10 minutes). */
    public static final String FOLLOWUP_SPECTRUM_MEASURES = "loss,twin,spectrum:" + FOLLOWUP_SPECTRUM;
    /** The default target test accuracy: the follow-up's "acceptable" accuracy on 1 000 training digits. */
    public static final double FOLLOWUP_TARGET = 0.7;

    private final String id;

    AtlasPreset(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static AtlasPreset parse(String text) {
        String s = text == null ? "" : text.trim();
        for (AtlasPreset p : values()) {
            if (p.id.equals(s)) {
                return p;
            }
        }
        throw BadInputException.of("preset", "must be one of study, followup (got '" + s + "')");
    }

    /** The parts this preset runs, in order (the zoom, when present, after the map). */
    public List<AtlasPart> parts() {
        return this == STUDY ? List.of(AtlasPart.LEARNING_RATES, AtlasPart.SPECTRA, AtlasPart.MAP, AtlasPart.ZOOM)
                : List.of(AtlasPart.LEARNING_RATES, AtlasPart.SPECTRA);
    }

    /** Inits per learning rate at a quality level. */
    public int inits(AtlasQuality quality) {
        if (this == STUDY) {
            return quality.inits();
        }
        return switch (quality) {
            case QUICK -> 1;
            case DEFAULT -> 3;
            case HIGH -> 10;
        };
    }

    /** The default η grid ({@link netdyn.sweep.ValueRange} syntax) at a quality level. */
    public String learningRates(AtlasQuality quality) {
        if (this == STUDY) {
            return AtlasPlan.DEFAULT_LEARNING_RATES + quality.learningRates();
        }
        return quality == AtlasQuality.QUICK ? FOLLOWUP_QUICK_LEARNING_RATES : FOLLOWUP_LEARNING_RATES;
    }

    /** Steps of every run of the learning-rate part. */
    public long steps(AtlasQuality quality) {
        return this == STUDY ? quality.steps() : FOLLOWUP_STEPS;
    }

    /** Perturbed replicas per init. */
    public int replicas(AtlasQuality quality) {
        return this == STUDY ? quality.replicas() : FOLLOWUP_REPLICAS;
    }

    /** Steps of the spectrum part's runs. */
    public long spectrumSteps(AtlasQuality quality) {
        return this == STUDY ? quality.spectrumSteps() : FOLLOWUP_STEPS;
    }

    /** Exponents per run of the spectrum part ({@link Measures#ALL}: all). */
    public int spectrumK() {
        return this == STUDY ? Measures.ALL : FOLLOWUP_SPECTRUM;
    }

    /** What the learning-rate part measures. */
    public Measures measures() {
        return Measures.parse(this == STUDY ? Measures.DEFAULT : FOLLOWUP_MEASURES);
    }

    /** What the spectrum part measures. */
    public Measures spectrumMeasures() {
        return Measures.parse(this == STUDY ? AtlasPlan.SPECTRUM_MEASURES : FOLLOWUP_SPECTRUM_MEASURES);
    }

    /** The default target test accuracy. */
    public double target() {
        return this == STUDY ? AtlasPlan.TARGET_ACCURACY : FOLLOWUP_TARGET;
    }
}
