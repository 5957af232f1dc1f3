package netdyn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.data.Standardizer;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Activation;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;
import picocli.CommandLine.Option;

/** The options every command shares to say which network is trained on which data, and how. */
public final class NetworkOptions {

    @Option(names = "--data", defaultValue = "iris", paramLabel = "SOURCE",
            description = "Dataset: iris, wine, breast-cancer, digits, csv:PATH, idx:PREFIX, or a synthetic task "
                    + "moons|circles|xor|spirals[:n=200,noise=0.1,seed=0] (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--train", paramLabel = "N",
            description = "The first N samples train, the rest test (default: 80%% of the rows; iris: 120).")
    Integer train;

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

    @Option(names = "--activation", defaultValue = "sigmoid",
            description = "Hidden activation: sigmoid, tanh, relu, linear (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--output", defaultValue = "softmax",
            description = "Output map: softmax, sigmoid-normalized, linear (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--loss", defaultValue = "ce", description = "Loss: ce, mse (default: ${DEFAULT-VALUE}).")
    String loss;

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

    @Option(names = "--batch-size", defaultValue = "0", paramLabel = "B",
            description = "Mini-batch size for SGD; 0 = full batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "0", description = "Master seed: init and mini-batch order "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    /** Everything a run needs, validated. */
    public record Setup(Dataset trainSet, Dataset testSet, MlpSpec spec, InitSpec init, OptimizerSpec optimizer,
                        double[] theta0, long shuffleSeed, boolean shuffled) {
    }

    public Setup resolve() {
        Dataset all = DataSources.load(data, labelColumn, shuffle);
        int n = train == null ? DataSources.defaultTrainSize(all.size()) : train;
        if (n < 1 || n > all.size()) {
            throw new BadInputException("--train must be between 1 and " + all.size() + ", the number of rows of "
                    + data + " (got " + n + ")");
        }
        Dataset.Split split = all.split(n);
        Dataset trainSet = split.train();
        Dataset testSet = split.test();
        if (standardize) {
            Standardizer s = Standardizer.fit(trainSet);
            trainSet = s.apply(trainSet);
            testSet = s.apply(testSet);
        }
        MlpSpec spec = new MlpSpec(all.featureCount(), parseHidden(hidden), all.classCount(),
                Activation.parse(activation), OutputKind.parse(output), LossKind.parse(loss), weightDecay);
        InitSpec initSpec = InitSpec.parse(init, biasInit);
        OptimizerSpec optimizer = new OptimizerSpec(learningRate(), momentum, batchSize, seed);
        MlpLayout layout = new MlpLayout(spec);
        double[] theta0 = new double[layout.parameterCount()];
        if (initFrom != null) {
            NpyReader.Array a = NpyReader.read(initFrom);
            int p = layout.parameterCount();
            int rowLength = a.shape().length == 2 ? (int) a.shape()[1] : a.data().length;
            if (a.shape().length > 2 || rowLength != p || a.data().length == 0) {
                throw new BadInputException("--init-from " + initFrom + " holds " + (a.shape().length == 2
                        ? "rows of " + rowLength : a.data().length) + " values but the " + spec.shape()
                        + " network has " + p + " parameters");
            }
            System.arraycopy(a.data(), a.data().length - p, theta0, 0, p);
            for (double v : theta0) {
                if (!Double.isFinite(v)) {
                    throw new BadInputException("--init-from " + initFrom + " contains a non-finite value");
                }
            }
        } else {
            initSpec.initialize(layout, seed, 0, theta0, 0);
        }
        boolean bundled = netdyn.data.BundledDatasets.byId(data.trim()) != null;
        long shuffleSeed = shuffle != null ? shuffle : netdyn.data.BundledDatasets.SHUFFLE_SEED;
        return new Setup(trainSet, testSet, spec, initSpec, optimizer, theta0, shuffleSeed, shuffle != null || bundled);
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

    /** A copy with one option replaced, by its name without dashes (lr, hidden, activation, init, data, seed). */
    NetworkOptions with(String name, String value) {
        NetworkOptions c = new NetworkOptions();
        c.data = data;
        c.train = train;
        c.shuffle = shuffle;
        c.labelColumn = labelColumn;
        c.standardize = standardize;
        c.hidden = hidden;
        c.activation = activation;
        c.output = output;
        c.loss = loss;
        c.weightDecay = weightDecay;
        c.init = init;
        c.biasInit = biasInit;
        c.initFrom = initFrom;
        c.lr = lr;
        c.momentum = momentum;
        c.batchSize = batchSize;
        c.seed = seed;
        switch (name) {
            case "lr" -> c.lr = value;
            case "hidden" -> c.hidden = value;
            case "activation" -> c.activation = value;
            case "init" -> c.init = value;
            case "data" -> c.data = value;
            case "seed" -> c.seed = Long.parseLong(value);
            default -> throw new IllegalArgumentException(name);
        }
        return c;
    }

    /** The options as text (all but --lr and --seed), for comparing sweep configurations. */
    Map<String, String> settingsText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("train", String.valueOf(train));
        m.put("shuffle", String.valueOf(shuffle));
        m.put("label-column", String.valueOf(labelColumn));
        m.put("standardize", String.valueOf(standardize));
        m.put("hidden", hidden);
        m.put("activation", activation);
        m.put("output", output);
        m.put("loss", loss);
        m.put("weight-decay", Double.toString(weightDecay));
        m.put("init", init);
        m.put("bias-init", biasInit);
        m.put("init-from", String.valueOf(initFrom));
        m.put("momentum", Double.toString(momentum));
        m.put("batch-size", Integer.toString(batchSize));
        return m;
    }

    static int[] parseHidden(String text) {
        String s = text.trim();
        if (s.equals("none") || s.isEmpty()) {
            return new int[0];
        }
        List<Integer> widths = new ArrayList<>();
        for (String part : s.split(",")) {
            int w;
            try {
                w = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new BadInputException("--hidden: '" + part.trim() + "' is not a layer width (use e.g. 10, 32,32 "
                        + "or none)");
            }
            if (w < 1) {
                throw new BadInputException("--hidden: layer widths must be >= 1 (got " + w
                        + "); use --hidden none for a linear model");
            }
            widths.add(w);
        }
        return widths.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The configuration as it goes into manifest.json. */
    public Map<String, Object> describe(Setup s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", data);
        d.put("rows", s.trainSet().size() + s.testSet().size());
        d.put("features", s.spec().inputs());
        d.put("classes", s.trainSet().classNames());
        d.put("train", s.trainSet().size());
        d.put("test", s.testSet().size());
        d.put("shuffleSeed", s.shuffled() ? s.shuffleSeed() : null);
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
