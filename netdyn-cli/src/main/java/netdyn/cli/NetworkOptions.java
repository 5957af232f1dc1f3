package netdyn.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.cli.io.NpyReader;
import netdyn.dynamics.UpdateRule;
import netdyn.nn.Activation;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpLayout;
import netdyn.nn.OutputKind;
import netdyn.run.DataSpec;
import netdyn.run.NetworkSpec;
import netdyn.run.ResolvedRun;
import netdyn.run.RunSpec;
import picocli.CommandLine.Option;

/** The options every command shares to say which network is trained on which data, and how. */
public final class NetworkOptions {

    @Option(names = "--data", defaultValue = "iris", paramLabel = "SOURCE",
            description = "Dataset: iris, wine, breast-cancer, digits, mnist (10 000 real digits), fashion-mnist "
                    + "(Debian's dataset-fashion-mnist, official 60 000/10 000 split), csv:PATH, idx:PREFIX, or a "
                    + "synthetic task moons|circles|xor|spirals[:n=200,noise=0.1,seed=0] (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--train", paramLabel = "N",
            description = "The first N samples train, the rest test (default: 80%% of the rows; iris: 120; "
                    + "fashion-mnist: its 60 000 training images).")
    Integer train;

    @Option(names = "--test", paramLabel = "N",
            description = "Test on the first N of the test samples (default: all; a smaller test set makes "
                    + "per-step test accuracy cheaper on large data).")
    Integer test;

    @Option(names = "--shuffle", paramLabel = "SEED",
            description = "Shuffle the rows with this seed before splitting (bundled data is always shuffled, "
                    + "with seed 0 unless given; user files keep their order unless given).")
    Long shuffle;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX",
            description = "CSV label column: a header name or 0-based index, negative from the end (default: last).")
    String labelColumn;

    @Option(names = "--standardize", description = "Scale features to zero mean, unit variance (training-set "
            + "statistics). Off by default, as in the reference study.")
    boolean standardize;

    @Option(names = "--hidden", defaultValue = "10", paramLabel = "W[,W...]|none",
            description = "Hidden layer widths; 'none' for a linear model (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--activation", defaultValue = "sigmoid", converter = Choices.ActivationConverter.class,
            completionCandidates = Choices.Activations.class,
            description = "Hidden activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--output", defaultValue = "softmax", converter = Choices.OutputConverter.class,
            completionCandidates = Choices.Outputs.class,
            description = "Output map: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputKind output;

    @Option(names = "--loss", defaultValue = "ce", converter = Choices.LossConverter.class,
            completionCandidates = Choices.Losses.class,
            description = "Loss: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    LossKind loss;

    @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "LAMBDA",
            description = "L2 penalty ½λ‖W‖² on weights (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--init", defaultValue = "normal:1", paramLabel = "SPEC",
            description = "Weight init: normal:SIGMA, uniform:A, glorot, he (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--bias-init", defaultValue = "zero", paramLabel = "SPEC",
            description = "Bias init: zero, normal:SIGMA, uniform:A, const:C (default: ${DEFAULT-VALUE}).")
    String biasInit;

    @Option(names = "--init-from", paramLabel = "FILE.npy",
            description = "Start from this flat parameter vector (float64 NPY of length P; a [T×P] file gives its "
                    + "last row). Order: per layer W as [fan_in][fan_out] row-major, then b.")
    Path initFrom;

    @Option(names = "--lr", defaultValue = "0.01", paramLabel = "ETA",
            description = "Learning rate η (default: ${DEFAULT-VALUE}); netdyn sweep takes a grid here.")
    String lr;

    @Option(names = "--momentum", defaultValue = "0", paramLabel = "MU",
            description = "Heavy-ball momentum μ in [0, 1) (default: ${DEFAULT-VALUE}, plain gradient descent).")
    double momentum;

    @Option(names = "--optimizer", paramLabel = "RULE",
            description = "Update rule, as PyTorch's optimizers with their defaults: gd, momentum[:BETA], "
                    + "nesterov[:BETA], rmsprop[:alpha=0.99,eps=1e-8], adam[:beta1=0.9,beta2=0.999,eps=1e-8] "
                    + "(default: gd, or heavy ball with --momentum). The map then acts on (θ, momentum, second "
                    + "moments), with its exact tangent map.")
    String optimizer;

    @Option(names = "--batch-size", defaultValue = "0", paramLabel = "B",
            description = "Mini-batch size for SGD; 0 = full batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "0", description = "Master seed: init and mini-batch order "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    /** The data options as a core data specification. */
    DataSpec dataSpec() {
        return new DataSpec(data, labelColumn, shuffle, train, test, standardize);
    }

    /** The network options as a core network specification (sized to its data when resolved). */
    NetworkSpec networkSpec() {
        return new NetworkSpec(NetworkSpec.parseHidden(hidden), activation, output, loss, weightDecay);
    }

    /** The run these options describe, η from --lr (one value). */
    RunSpec spec(long steps) {
        return spec(learningRate(), steps);
    }

    /** The run these options describe with learning rate {@code eta} (a sweep's placeholder, or --lr). */
    RunSpec spec(double eta, long steps) {
        return new RunSpec(dataSpec(), networkSpec(), InitSpec.parse(init, biasInit), eta, Double.NaN, momentum,
                batchSize, steps, seed, optimizer == null ? null : UpdateRule.parse(optimizer));
    }

    /** The run resolved: data loaded, network sized, θ₀ drawn, or read from --init-from. */
    ResolvedRun resolve(long steps) {
        RunSpec spec = spec(steps);
        HeapReport.loading(data);
        ResolvedRun run = spec.resolve();
        HeapReport.loaded(data, run.trainSet().size() + (long) run.testSet().size(), run.trainSet().featureCount());
        if (initFrom == null) {
            return run;
        }
        NpyReader.Array a = NpyReader.read(initFrom);
        int p = run.theta0().length;
        int rowLength = a.shape().length == 2 ? (int) a.shape()[1] : a.data().length;
        if (a.shape().length > 2 || rowLength != p || a.data().length == 0) {
            throw new BadInputException("--init-from " + initFrom + " holds " + (a.shape().length == 2
                    ? "rows of " + rowLength : a.data().length) + " values but the " + run.spec().shape()
                    + " network has " + p + " parameters");
        }
        double[] theta0 = java.util.Arrays.copyOfRange(a.data(), a.data().length - p, a.data().length);
        for (double v : theta0) {
            if (!Double.isFinite(v)) {
                throw new BadInputException("--init-from " + initFrom + " contains a non-finite value");
            }
        }
        return run.withTheta0(theta0);
    }

    /** The one learning rate --lr gives (a grid there is for netdyn sweep only). */
    double learningRate() {
        String s = lr.trim();
        if (s.contains(":") || s.contains(",")) {
            throw new BadInputException("--lr: one learning rate expected here (got '" + s + "'); grids of "
                    + "learning rates are for netdyn sweep");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadInputException("--lr: '" + s + "' is not a number");
        }
    }

    /** The configuration as it goes into manifest.json. */
    public Map<String, Object> describe(ResolvedRun s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", data);
        d.put("rows", s.trainSet().size() + s.testSet().size());
        d.put("features", s.spec().inputs());
        d.put("classes", s.trainSet().classNames());
        d.put("train", s.trainSet().size());
        d.put("test", s.testSet().size());
        d.put("shuffleSeed", s.data().shuffled() ? s.data().shuffleSeed() : null);
        d.put("standardize", standardize);
        d.put("labelColumn", labelColumn);
        m.put("data", d);
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("shape", s.spec().shape());
        net.put("hidden", s.spec().hidden());
        net.put("activation", s.spec().activation().id());
        net.put("output", s.spec().output().id());
        net.put("loss", s.spec().loss().id());
        net.put("weightDecay", s.spec().weightDecay());
        net.put("parameters", new MlpLayout(s.spec()).parameterCount());
        net.put("weights", new MlpLayout(s.spec()).weightCount());
        net.put("parameterOrder", "per layer: W [fan_in][fan_out] row-major, then b");
        net.put("init", initFrom != null ? "from " + initFrom : s.init().weightsText());
        net.put("biasInit", initFrom != null ? "from " + initFrom : s.init().biasesText());
        m.put("network", net);
        Map<String, Object> opt = new LinkedHashMap<>();
        opt.put("learningRate", learningRate());
        opt.put("momentum", momentum);
        opt.put("batchSize", batchSize == 0 ? "full" : batchSize);
        m.put("optimizer", opt);
        m.put("seed", seed);
        m.put("seedDerivation", "init: Seeds.derive(seed, \"init\", replica); mini-batches: Seeds.derive(seed, "
                + "\"sgd-batches\", epoch); shuffle: Seeds.derive(shuffleSeed, \"shuffle\")");
        return m;
    }
}
