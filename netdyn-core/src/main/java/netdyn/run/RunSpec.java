package netdyn.run;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.dynamics.OptimizerSpec;
import netdyn.dynamics.UpdateRule;
import netdyn.nn.Activation;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;

/**
 * One training run: data, network, initialisation, optimizer, steps and seed. Immutable, serializable
 * (a sweep task built from it can travel to another machine), validated when built; the withers vary one
 * setting and validate the result, so a sweep axis is a function {@code spec → spec}.
 *
 * <p>The optimizer is gradient descent with rate η ({@code learningRate}) — or the update rule {@code rule}
 * (Nesterov, RMSProp, Adam, …; null for heavy ball with {@code momentum}) — heavy-ball momentum μ and
 * mini-batches of {@code batchSize} samples (0 = full batch) drawn from {@code seed}; a finite
 * {@code hiddenRate} gives the hidden layers that rate and the output layer η (a trainability map's two
 * axes). The seed also draws θ₀: {@code init.initialize(layout, seed, 0, …)}.
 *
 * @param hiddenRate NaN for one rate for every layer
 * @param rule       the update rule ({@link UpdateRule}), or null: heavy ball with {@code momentum} (0: plain GD)
 */
public record RunSpec(DataSpec data, NetworkSpec network, InitSpec init, double learningRate, double hiddenRate,
                      double momentum, int batchSize, long steps, long seed, UpdateRule rule) implements Serializable {

    /** Heavy ball with {@code momentum} (plain gradient descent at 0). */
    public RunSpec(DataSpec data, NetworkSpec network, InitSpec init, double learningRate, double hiddenRate,
                   double momentum, int batchSize, long steps, long seed) {
        this(data, network, init, learningRate, hiddenRate, momentum, batchSize, steps, seed, null);
    }

    /** The reference study on Iris: 4–10–3 sigmoid network, N(0, 1) weights, zero biases, full-batch GD. */
    public static RunSpec study(double learningRate, long steps) {
        return new RunSpec(DataSpec.of("iris"), NetworkSpec.STUDY, InitSpec.STUDY, learningRate, Double.NaN, 0, 0,
                steps, 0);
    }

    public RunSpec {
        if (data == null || network == null || init == null) {
            throw new IllegalArgumentException("data, network and init are required");
        }
        requireRate("learningRate", learningRate);
        if (!Double.isNaN(hiddenRate)) {
            requireRate("hiddenRate", hiddenRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw BadInputException.of("momentum", "must be in [0, 1) (got " + momentum + ")");
        }
        if (batchSize < 0) {
            throw BadInputException.of("batchSize", "must be >= 1, or 0 for full batch (got " + batchSize + ")");
        }
        if (steps < 1) {
            throw BadInputException.of("steps", "must be >= 1 (got " + steps + ")");
        }
        if (rule != null && momentum != 0) {
            throw BadInputException.of("momentum", "applies to heavy ball only: give its β in ",
                    BadInputException.mention("optimizer"), " (" + rule.text() + ") instead of both");
        }
    }

    private static void requireRate(String name, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw BadInputException.of(name, "must be a finite number > 0 (got " + rate + ")");
        }
    }

    public RunSpec withData(DataSpec d) {
        return new RunSpec(d, network, init, learningRate, hiddenRate, momentum, batchSize, steps, seed, rule);
    }

    public RunSpec withNetwork(NetworkSpec n) {
        return new RunSpec(data, n, init, learningRate, hiddenRate, momentum, batchSize, steps, seed, rule);
    }

    public RunSpec withHidden(int... widths) {
        return withNetwork(network.withHidden(widths));
    }

    public RunSpec withActivation(Activation a) {
        return withNetwork(network.withActivation(a));
    }

    public RunSpec withInit(InitSpec i) {
        return new RunSpec(data, network, i, learningRate, hiddenRate, momentum, batchSize, steps, seed, rule);
    }

    /** One rate η for every layer. */
    public RunSpec withLearningRate(double eta) {
        return new RunSpec(data, network, init, eta, Double.NaN, momentum, batchSize, steps, seed, rule);
    }

    /** The hidden layers' rate (the output layer keeps η). */
    public RunSpec withHiddenRate(double rate) {
        return new RunSpec(data, network, init, learningRate, rate, momentum, batchSize, steps, seed, rule);
    }

    /** The output layer's rate η, keeping a hidden-layer rate if one is set. */
    public RunSpec withOutputRate(double rate) {
        return new RunSpec(data, network, init, rate, hiddenRate, momentum, batchSize, steps, seed, rule);
    }

    /** The update rule (Nesterov, RMSProp, Adam, …; heavy ball's momentum is then 0). */
    public RunSpec withOptimizer(UpdateRule r) {
        return new RunSpec(data, network, init, learningRate, hiddenRate, r == null ? momentum : 0, batchSize, steps,
                seed, r);
    }

    public RunSpec withSteps(long t) {
        return new RunSpec(data, network, init, learningRate, hiddenRate, momentum, batchSize, t, seed, rule);
    }

    public RunSpec withSeed(long s) {
        return new RunSpec(data, network, init, learningRate, hiddenRate, momentum, batchSize, steps, s, rule);
    }

    /** The training map's settings for this network (its layer count decides the per-layer rates). */
    public OptimizerSpec optimizer() {
        if (Double.isNaN(hiddenRate) || network.layers() == 1) {
            return new OptimizerSpec(learningRate, momentum, batchSize, seed, null, init.frozenBiases(), rule);
        }
        double[] rates = new double[network.layers()];
        Arrays.fill(rates, hiddenRate);
        rates[rates.length - 1] = learningRate;
        return new OptimizerSpec(learningRate, momentum, batchSize, seed, rates, init.frozenBiases(), rule);
    }

    /** Loads the data and builds the network and θ₀ (with init 0 of {@link #seed}). */
    public ResolvedRun resolve() {
        return resolve(data.load());
    }

    /** As {@link #resolve()}, on data already loaded from {@link #data} (shared by the runs of one source). */
    public ResolvedRun resolve(DataSpec.Data loaded) {
        MlpSpec mlp = network.resolve(loaded.train().featureCount(), loaded.train().classCount());
        MlpLayout layout = new MlpLayout(mlp);
        double[] theta0 = new double[layout.parameterCount()];
        init.initialize(layout, seed, 0, theta0, 0);
        return new ResolvedRun(this, loaded, mlp, optimizer(), theta0);
    }

    /**
     * The settings that decide a run's numbers besides η, the steps and the seed, as canonical text in a fixed
     * order: sweeps store them and compare them on resume, so text equal means runs equal. Names are the
     * command line's (without dashes), so a difference reads as the option to change.
     */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", data.source());
        m.put("train", String.valueOf(data.train()));
        if (data.test() != null) {
            m.put("test", String.valueOf(data.test())); // only when given: older stores stay comparable
        }
        m.put("shuffle", String.valueOf(data.shuffle()));
        m.put("label-column", String.valueOf(data.labelColumn()));
        m.put("standardize", String.valueOf(data.standardize()));
        m.put("hidden", NetworkSpec.hiddenText(network.hidden()));
        m.put("activation", network.activation().id());
        m.put("output", network.output().id());
        m.put("loss", network.loss().id());
        m.put("weight-decay", Double.toString(network.weightDecay()));
        m.put("init", initText(init.weightsText()));
        m.put("bias-init", initText(init.biasesText()));
        m.put("momentum", Double.toString(momentum));
        m.put("batch-size", Integer.toString(batchSize));
        if (rule != null) {
            m.put("optimizer", rule.text()); // only when given: older stores stay comparable
        }
        return m;
    }

    /** "normal:1.0" as "normal:1", the form the options are usually given in. */
    private static String initText(String text) {
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSpec r && data.equals(r.data) && network.equals(r.network) && init.equals(r.init)
                && Double.compare(learningRate, r.learningRate) == 0 && Double.compare(hiddenRate, r.hiddenRate) == 0
                && Double.compare(momentum, r.momentum) == 0 && batchSize == r.batchSize && steps == r.steps
                && seed == r.seed && java.util.Objects.equals(rule, r.rule);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(data, network, init, learningRate, hiddenRate, momentum, batchSize, steps,
                seed, rule);
    }
}
