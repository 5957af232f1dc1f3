package netdyn.atlas;

/**
 * The four parts of the atlas, in the order they run, each a sweep in its own sub-directory of the atlas
 * directory.
 */
public enum AtlasPart {
    /** Every measure at each learning rate, several inits with perturbed replicas each. */
    LEARNING_RATES("lr"),
    /** The full Lyapunov spectrum of init 0 at each learning rate. */
    SPECTRA("spectrum"),
    /** Trainability over (hidden-layer, output-layer) learning rates. */
    MAP("trainability"),
    /** The map resampled inside its automatic boundary window ({@link TrainabilityMap#boundaryWindow}). */
    ZOOM("trainability-zoom");

    private final String directory;

    AtlasPart(String directory) {
        this.directory = directory;
    }

    /** The part's sub-directory of the atlas directory. */
    public String directory() {
        return directory;
    }
}
