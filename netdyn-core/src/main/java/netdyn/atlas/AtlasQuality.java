package netdyn.atlas;

import netdyn.BadInputException;

/**
 * How much the atlas computes: learning rates, inits and perturbed replicas per rate, steps per run, the
 * spectrum run's steps, and the trainability map's side and steps. {@link #QUICK} is a smoke test
 * (seconds), {@link #DEFAULT} the atlas of the README (about 1½ minutes on 2 cores), {@link #HIGH} about
 * ten minutes.
 *
 * @param learningRates the number of log-spaced learning rates of the default grid
 *                      ({@link AtlasPlan#DEFAULT_LEARNING_RATES})
 * @param mapSide       the trainability map's cells per side (so is its zoom's)
 */
public enum AtlasQuality {
    QUICK("quick", 12, 2, 2, 600, 300, 12, 200),
    DEFAULT("default", 48, 5, 4, 3000, 1500, 64, 500),
    HIGH("high", 100, 10, 8, 5000, 3000, 128, 1000);

    private final String id;
    private final int learningRates;
    private final int inits;
    private final int replicas;
    private final long steps;
    private final long spectrumSteps;
    private final int mapSide;
    private final long mapSteps;

    AtlasQuality(String id, int learningRates, int inits, int replicas, long steps, long spectrumSteps, int mapSide,
                 long mapSteps) {
        this.id = id;
        this.learningRates = learningRates;
        this.inits = inits;
        this.replicas = replicas;
        this.steps = steps;
        this.spectrumSteps = spectrumSteps;
        this.mapSide = mapSide;
        this.mapSteps = mapSteps;
    }

    /** The level by its name ("quick", "default", "high"; surrounding blanks ignored). */
    public static AtlasQuality parse(String text) {
        String s = text == null ? "" : text.trim();
        for (AtlasQuality q : values()) {
            if (q.id.equals(s)) {
                return q;
            }
        }
        throw BadInputException.of("quality", "must be one of quick, default, high (got '" + s + "')");
    }

    /** The level's name, as settings and pages show it. */
    public String id() {
        return id;
    }

    /** Learning rates of the default grid. */
    public int learningRates() {
        return learningRates;
    }

    /** Initialisations per learning rate. */
    public int inits() {
        return inits;
    }

    /** Perturbed replicas per init (the nMLE). */
    public int replicas() {
        return replicas;
    }

    /** Training steps per run of the learning-rate sweep. */
    public long steps() {
        return steps;
    }

    /** Steps of the full-spectrum run (init 0 per learning rate). */
    public long spectrumSteps() {
        return spectrumSteps;
    }

    /** Cells per side of the trainability map and of its zoom. */
    public int mapSide() {
        return mapSide;
    }

    /** Training steps per cell of the map. */
    public long mapSteps() {
        return mapSteps;
    }
}
