package netdyn.dynamics;

import java.util.Arrays;

import static netdyn.BadInputException.mention;

import netdyn.BadInputException;

/**
 * The training map's settings: learning rate η; heavy-ball momentum μ (PyTorch's convention,
 * u ← μ u + ∇L, θ ← θ − η u; 0 = plain gradient descent); mini-batch size B (0 = full batch) and
 * the seed from which the mini-batch order is derived; optionally one learning rate per layer.
 *
 * <p>Layer rates η_l (hidden layers first, the output layer last) replace η for every weight and bias
 * of layer l: θ_i ← θ_i − η_{l(i)} g_i. They are absolute rates, not multipliers of η. With layer
 * rates, {@link #learningRate()} is the output layer's rate (the constructor requires it to equal the
 * last layer rate), so callers that describe a run by one η report that one. Used for trainability
 * maps (hidden-layer rate against output-layer rate; Sohl-Dickstein 2024, arXiv:2402.06184).
 *
 * <p>Frozen biases ({@code frozenBiases}: a network "without biases", {@code --bias-init none}) take rate 0:
 * they keep their initial value (0) and their rows of the tangent map are the identity.
 *
 * @param layerRates   null (every layer uses η), or one finite rate &gt; 0 per layer; the record keeps its
 *                     own copy and {@link #layerRates()} returns a copy
 * @param frozenBiases whether every bias has rate 0
 * @param rule         the update rule ({@link UpdateRule}: Nesterov, RMSProp, Adam, …), or null for heavy ball
 *                     with {@code momentum} (plain gradient descent at 0); {@link #update()} is the rule in force
 */
public record OptimizerSpec(double learningRate, double momentum, int batchSize, long batchSeed,
        double[] layerRates, boolean frozenBiases, UpdateRule rule) {

    /** Biases trained as the weights of their layer. */
    public OptimizerSpec(double learningRate, double momentum, int batchSize, long batchSeed, double[] layerRates) {
        this(learningRate, momentum, batchSize, batchSeed, layerRates, false, null);
    }

    /** Heavy ball with {@code momentum} (plain gradient descent at 0). */
    public OptimizerSpec(double learningRate, double momentum, int batchSize, long batchSeed, double[] layerRates,
                         boolean frozenBiases) {
        this(learningRate, momentum, batchSize, batchSeed, layerRates, frozenBiases, null);
    }

    /** The update rule in force: {@link #rule}, or heavy ball with {@link #momentum}. */
    public UpdateRule update() {
        return rule != null ? rule : UpdateRule.momentum(momentum);
    }

    public OptimizerSpec {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw BadInputException.of(OptimizerSpec.class, "learningRate", "must be a finite number > 0 (got "
                    + learningRate + ")");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw BadInputException.of(OptimizerSpec.class, "momentum", "must be in [0, 1) (got " + momentum + ")");
        }
        if (rule != null && momentum != 0) {
            throw BadInputException.of(OptimizerSpec.class, "momentum", "applies to heavy ball only: give its β in ",
                    mention("optimizer"), " (" + rule.text() + ") instead of both");
        }
        if (batchSize < 0) {
            throw BadInputException.of(OptimizerSpec.class, "batchSize", "must be >= 1, or 0 for full batch (got "
                    + batchSize + ")");
        }
        if (layerRates != null) {
            layerRates = layerRates.clone();
            int last = layerRates.length - 1;
            if (last < 0) {
                throw new IllegalArgumentException("layerRates needs one rate per layer, at least one (got none)");
            }
            for (int l = 0; l <= last; l++) {
                double r = layerRates[l];
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw BadInputException.of(OptimizerSpec.class, l == last ? "outputRate" : "hiddenRate",
                            "must be a finite number > 0 (got " + r + " for layer " + l + " of " + (last + 1) + ")");
                }
            }
            if (Double.compare(layerRates[last], learningRate) != 0) {
                throw BadInputException.of(OptimizerSpec.class, "outputRate", "must equal ", mention("learningRate"),
                        " when layer rates are given (got " + layerRates[last] + " and ", mention("learningRate"), " "
                        + learningRate + ")");
            }
        }
    }

    /** Without layer rates: every parameter uses {@code learningRate}. */
    public OptimizerSpec(double learningRate, double momentum, int batchSize, long batchSeed) {
        this(learningRate, momentum, batchSize, batchSeed, null);
    }

    public static OptimizerSpec gradientDescent(double learningRate) {
        return new OptimizerSpec(learningRate, 0, 0, 0);
    }

    /**
     * Full-batch gradient descent with rate {@code hiddenRate} for the first {@code layers − 1} layers
     * and {@code outputRate} for the last; {@link #learningRate()} reports {@code outputRate}. With one
     * layer, {@code hiddenRate} is validated but unused.
     *
     * @param layers the network's layer count (hidden layers + 1), at least 1
     */
    public static OptimizerSpec perLayer(double hiddenRate, double outputRate, int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("a network has at least one layer (got " + layers + ")");
        }
        if (!(hiddenRate > 0) || Double.isInfinite(hiddenRate)) {
            throw BadInputException.of(OptimizerSpec.class, "hiddenRate", "must be a finite number > 0 (got "
                    + hiddenRate + ")");
        }
        if (!(outputRate > 0) || Double.isInfinite(outputRate)) {
            throw BadInputException.of(OptimizerSpec.class, "outputRate", "must be a finite number > 0 (got "
                    + outputRate + ")");
        }
        double[] rates = new double[layers];
        Arrays.fill(rates, hiddenRate);
        rates[layers - 1] = outputRate;
        return new OptimizerSpec(outputRate, 0, 0, 0, rates);
    }

    /** A copy of the layer rates, or null when every layer uses {@link #learningRate()}. */
    @Override
    public double[] layerRates() {
        return layerRates == null ? null : layerRates.clone();
    }

    public boolean hasLayerRates() {
        return layerRates != null;
    }

    /**
     * The rate of layer l: its layer rate, or {@link #learningRate()} without layer rates (for any
     * l ≥ 0).
     */
    public double rateOfLayer(int l) {
        if (layerRates == null) {
            if (l < 0) {
                throw new IndexOutOfBoundsException("layer " + l);
            }
            return learningRate;
        }
        return layerRates[l];
    }

    public boolean fullBatch() {
        return batchSize == 0;
    }

    /** Whether the state holds more than θ (momentum, second moments). */
    public boolean extendsState() {
        return update().stateBlocks() > 1;
    }

    /** Component-wise, layer rates by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerSpec s
                && Double.compare(learningRate, s.learningRate) == 0
                && Double.compare(momentum, s.momentum) == 0
                && batchSize == s.batchSize
                && batchSeed == s.batchSeed
                && Arrays.equals(layerRates, s.layerRates)
                && frozenBiases == s.frozenBiases
                && java.util.Objects.equals(rule, s.rule);
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(learningRate);
        h = 31 * h + Double.hashCode(momentum);
        h = 31 * h + Integer.hashCode(batchSize);
        h = 31 * h + Long.hashCode(batchSeed);
        h = 31 * h + Boolean.hashCode(frozenBiases);
        h = 31 * h + java.util.Objects.hashCode(rule);
        return 31 * h + Arrays.hashCode(layerRates);
    }

    /** As a record prints itself, the layer rates by content and left out when there are none. */
    @Override
    public String toString() {
        return "OptimizerSpec[learningRate=" + learningRate + ", momentum=" + momentum + ", batchSize=" + batchSize
                + ", batchSeed=" + batchSeed + (layerRates == null ? "" : ", layerRates=" + Arrays.toString(layerRates))
                + (frozenBiases ? ", frozenBiases" : "") + (rule == null ? "" : ", rule=" + rule.text()) + "]";
    }
}
