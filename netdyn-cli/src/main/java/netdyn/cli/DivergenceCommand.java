package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.analysis.DivergenceExperiment;
import netdyn.analysis.DivergenceResult;
import netdyn.analysis.DivergenceSpec;
import netdyn.lyapunov.FiniteTimeFit;
import netdyn.nn.Batch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netdyn divergence}: the reference study's orbital-stability protocol and its nMLE. */
@Command(name = "divergence", mixinStandardHelpOptions = true,
        description = "Orbital stability (SCIENCE.md §2): inits × perturbed replicas trained together, distances to "
                + "the reference run, normalised curves, and the finite-time exponent (nMLE) by best-R² window fits.",
        footer = {"", "Examples:", "  ./netdyn divergence --preset study-eos --out out/eos",
                "  ./netdyn divergence --lr 1 --steps 200 --inits 50 --replicas 5 --eps 1e-14:1e-1:14 --json",
                "  ./netdyn divergence --lr 0.01 --steps 5000 --perturb-at 4000 --eps 1e-8",
                "", "Presets (explicit options override them): study-small (η 0.01, 5000 steps, 10 × 20, ε 1e-15..1e-2), "
                + "study-post-learning (the same, perturbed at step 4000), study-eos (η 1, 200 steps, 500 × 5, "
                + "ε 1e-14..1e-1), study-chaotic (η 5, 10000 steps, 20 × 5, ε 1e-8)."})
final class DivergenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Mixin
    OutputOptions output;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "study-small, study-post-learning, study-eos or study-chaotic.")
    String preset;

    @Option(names = "--inits", defaultValue = "10", description = "Reference initialisations (default: ${DEFAULT-VALUE}).")
    int inits;

    @Option(names = "--replicas", defaultValue = "20", description = "Perturbed copies per init (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--eps", defaultValue = "1e-8", paramLabel = "E|E1,E2|FROM:TO:N",
            description = "Perturbation size(s): one value, a list, or N log-spaced values (default: ${DEFAULT-VALUE}).")
    String eps;

    @Option(names = "--perturb", defaultValue = "weights", description = "weights or all (default: ${DEFAULT-VALUE}).")
    String perturb;

    @Option(names = "--perturb-dist", defaultValue = "uniform",
            description = "uniform U(−ε, ε) or normal N(0, ε²) (default: ${DEFAULT-VALUE}).")
    String perturbDist;

    @Option(names = "--perturb-at", defaultValue = "0", paramLabel = "S",
            description = "Perturb at step S of each reference run (post-learning perturbation; default: ${DEFAULT-VALUE}).")
    long perturbAt;

    @Option(names = "--norm", defaultValue = "l1", description = "l1, l2 or linf (default: ${DEFAULT-VALUE}).")
    String norm;

    @Option(names = "--steps", defaultValue = "200", description = "Steps in all (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--fit-starts", defaultValue = "0:100:5", paramLabel = "FROM:TO:STEP",
            description = "Window starts of the nMLE fit (default: ${DEFAULT-VALUE}).")
    String fitStarts;

    @Option(names = "--fit-lengths", defaultValue = "30:100:5", paramLabel = "FROM:TO:STEP",
            description = "Window lengths (default: ${DEFAULT-VALUE}).")
    String fitLengths;

    @Option(names = "--fit-horizon", defaultValue = "200", description = "Windows end within this many steps "
            + "after the perturbation (default: ${DEFAULT-VALUE}).")
    int fitHorizon;

    @Option(names = "--min-r2", defaultValue = "0.9", description = "Keep fits with R² above (default: ${DEFAULT-VALUE}).")
    double minR2;

    @Option(names = "--min-slope", defaultValue = "0.05", description = "... and slope above (default: ${DEFAULT-VALUE}).")
    double minSlope;

    @Option(names = "--threads", description = "Worker threads (default: all cores); results do not depend on it.")
    Integer threads;

    @Option(names = "--regimes", description = "Also label each reference run's regime (netdyn regime's rule; "
            + "on for --preset study-chaotic).")
    boolean regimes;

    @Override
    public Integer call() throws IOException {
        applyPreset();
        double[] epsilons = parseEps(eps);
        int[] starts = parseRange("--fit-starts", fitStarts);
        int[] lengths = parseRange("--fit-lengths", fitLengths);
        FiniteTimeFit fit = new FiniteTimeFit(starts[0], starts[1], starts[2], lengths[0], lengths[1], lengths[2],
                fitHorizon);
        boolean weightsOnly = switch (perturb) {
            case "weights" -> true;
            case "all" -> false;
            default -> throw new BadInputException("--perturb: '" + perturb + "' (valid: weights, all)");
        };
        boolean normal = switch (perturbDist) {
            case "uniform" -> false;
            case "normal" -> true;
            default -> throw new BadInputException("--perturb-dist: '" + perturbDist + "' (valid: uniform, normal)");
        };
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        DivergenceSpec spec = new DivergenceSpec(inits, replicas, epsilons, weightsOnly, normal,
                DivergenceSpec.Norm.parse(norm), steps, perturbAt, fit, minR2, minSlope, network.seed, nThreads);
        NetworkOptions.Setup setup = network.resolve();
        if (network.initFrom != null) {
            throw new BadInputException("--init-from does not apply to divergence: its inits are drawn from --seed");
        }
        RunDirectory dir = RunDirectory.create(output.outOrDefault("divergence"), output.force);
        // the manifest first: an interrupted run directory still says what it was
        Map<String, Object> manifest = RunDirectory.manifestHeader("divergence", command);
        manifest.put("preset", preset);
        manifest.putAll(network.describe(setup));
        manifest.put("protocol", Json.ordered("inits", inits, "replicas", replicas, "epsilons", epsilons,
                "perturb", perturb, "perturbDist", perturbDist, "perturbAt", perturbAt, "norm", norm, "steps", steps));
        manifest.put("fit", Json.ordered("starts", fitStarts, "lengths", fitLengths, "horizon", fitHorizon, "minR2", minR2,
                "minSlope", minSlope));
        manifest.put("seedDerivation", "reference init i: Seeds.derive(seed, \"init\", i); replica r of init i: "
                + "ε·u, u from Seeds.derive(seed, \"perturbation\", i, r), the same u at every ε");
        manifest.put("files", DivergenceWriter.FILES);
        Json.write(dir.file("manifest.json"), manifest);
        long work = spec.perturbAt() + spec.followSteps() * epsilons.length;
        Progress progress = new Progress(command.commandLine().getErr(), "divergence", null, work, output.json);
        DivergenceWriter writer = new DivergenceWriter(dir, spec);
        DivergenceResult result = new DivergenceExperiment(setup.spec(), Batch.of(setup.trainSet()),
                setup.optimizer(), setup.init()).run(spec, new DivergenceExperiment.Observer() {
                    @Override
                    public void replicaDistances(int epsIndex, int init, double[][] distances) {
                        writer.replicaDistances(epsIndex, init, distances);
                    }

                    @Override
                    public void progress(long done, long total) {
                        progress.update(done, Double.NaN);
                    }
                });
        progress.done();
        writer.close();

        Map<String, Object> summary = DivergenceWriter.summary(result, spec, setup.optimizer().learningRate());
        if (regimes || "study-chaotic".equals(preset)) {
            summary.put("regimes", regimes(setup, result));
        }
        summary.put("study", StudyPresets.findings(preset));
        summary.put("out", dir.path().toString());
        Json.write(dir.file("summary.json"), summary);
        DivergenceWriter.writeResults(dir, result, spec);

        PrintWriter out = command.commandLine().getOut();
        if (output.json) {
            out.println(Json.write(summary));
        } else {
            DivergenceWriter.printTable(out, result, spec, dir);
            if (summary.containsKey("regimes")) {
                out.println("regimes of the reference runs: " + ((Map<?, ?>) summary.get("regimes")).get("counts"));
            }
            if (preset != null) {
                out.println("study (" + preset + "): " + StudyPresets.findings(preset));
            }
        }
        return 0;
    }

    /** Each reference run's regime label, and how many inits got each label. */
    private Map<String, Object> regimes(NetworkOptions.Setup setup, DivergenceResult result) {
        netdyn.nn.MlpLayout layout = new netdyn.nn.MlpLayout(setup.spec());
        Batch train = Batch.of(setup.trainSet());
        Map<String, Integer> counts = new java.util.TreeMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < inits; i++) {
            double[] theta0 = new double[layout.parameterCount()];
            setup.init().initialize(layout, network.seed, i, theta0, 0);
            double[] loss = result.reference().loss()[i];
            double[] thetaT = finalTheta(setup, theta0);
            String label = netdyn.analysis.RegimeClassifier.classify(netdyn.analysis.RegimeEvidence.measure(
                    setup.spec(), train, setup.optimizer(), theta0, loss, thetaT, network.seed).evidence()).label();
            labels.add(label);
            counts.merge(label, 1, Integer::sum);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("counts", counts);
        m.put("perInit", labels);
        return m;
    }

    /** θ(T) of a reference run, recomputed (the protocol keeps only its loss and norms). */
    private double[] finalTheta(NetworkOptions.Setup setup, double[] theta0) {
        netdyn.dynamics.GradientDescentMap map = new netdyn.dynamics.GradientDescentMap(setup.spec(),
                Batch.of(setup.trainSet()), setup.optimizer());
        double[] x = new double[map.dimension()];
        double[] next = new double[map.dimension()];
        System.arraycopy(theta0, 0, x, 0, theta0.length);
        for (long t = 0; t < steps; t++) {
            map.step(t, x, next);
            double[] s = x;
            x = next;
            next = s;
        }
        return java.util.Arrays.copyOf(x, theta0.length);
    }

    private void applyPreset() {
        if (preset == null) {
            return;
        }
        Map<String, String> values = StudyPresets.values(preset);
        var parse = command.commandLine().getParseResult();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (parse.hasMatchedOption(e.getKey())) {
                continue; // the user's own value wins
            }
            String v = e.getValue();
            switch (e.getKey()) {
                case "--lr" -> network.lr = Double.parseDouble(v);
                case "--steps" -> steps = Long.parseLong(v);
                case "--inits" -> inits = Integer.parseInt(v);
                case "--replicas" -> replicas = Integer.parseInt(v);
                case "--eps" -> eps = v;
                case "--perturb-at" -> perturbAt = Long.parseLong(v);
                default -> throw new IllegalStateException(e.getKey());
            }
        }
    }

    static double[] parseEps(String text) {
        String s = text.trim();
        try {
            if (s.contains(":")) {
                String[] parts = s.split(":");
                if (parts.length != 3) {
                    throw new BadInputException("--eps: a range is FROM:TO:N, e.g. 1e-15:1e-2:14 (got " + text + ")");
                }
                double from = Double.parseDouble(parts[0]);
                double to = Double.parseDouble(parts[1]);
                int n = Integer.parseInt(parts[2]);
                if (!(from > 0) || !(to > 0) || n < 1 || (n > 1 && to <= from)) {
                    throw new BadInputException("--eps: a log-spaced range needs 0 < FROM < TO and N >= 1 (got " + text
                            + ")");
                }
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = n == 1 ? from : Math.exp(Math.log(from) + i * (Math.log(to) - Math.log(from)) / (n - 1));
                }
                return out;
            }
            String[] parts = s.split(",");
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Double.parseDouble(parts[i].trim());
            }
            return out;
        } catch (NumberFormatException e) {
            throw new BadInputException("--eps: '" + text + "' is not a number, a list or FROM:TO:N");
        }
    }

    static int[] parseRange(String option, String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 3) {
            throw new BadInputException(option + ": expected FROM:TO:STEP (got " + text + ")");
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": expected whole numbers FROM:TO:STEP (got " + text + ")");
        }
    }
}
