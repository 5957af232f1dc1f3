package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.dynamics.DiscreteMap;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.ReferenceSystems;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumResult;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.lyapunov.TwinOrbitEstimator;
import netdyn.nn.Batch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netdyn lyapunov}: the Lyapunov spectrum of a reference system or of training by gradient descent. */
@Command(name = "lyapunov", mixinStandardHelpOptions = true,
        description = "Lyapunov spectrum by QR of exact tangent maps (and the maximal exponent from twin orbits) "
                + "of a reference system (--system) or of gradient descent on a network (network options).",
        footer = {"", "Examples:", "  ./netdyn lyapunov --system henon --steps 100000 --json",
                "  ./netdyn lyapunov --system lorenz:rho=28,dt=0.01 --steps 100000 --transient 2000",
                "  ./netdyn lyapunov --data iris --hidden 10 --lr 1 --steps 2000 --k all --out out/eos",
                "", "Files with --out: exponents.npy (k, descending), running.npy ([M × (1+k)]: step, then the running "
                + "estimate of each exponent after every QR step), running.png, summary.json, manifest.json."})
final class LyapunovCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Mixin
    OutputOptions output;

    @Option(names = "--system", paramLabel = "NAME[:k=v,...]",
            description = "A reference system: logistic, tent, henon, lozi, ikeda, standard, cat, lorenz, rossler, "
                    + "with parameters such as henon:a=1.4,b=0.3. Without it, the map is gradient descent on the "
                    + "network the network options describe.")
    String system;

    @Option(names = "--steps", paramLabel = "T",
            description = "Steps averaged over (default: 100000 for a system, 2000 for gradient descent).")
    Long steps;

    @Option(names = "--k", defaultValue = "all", paramLabel = "K|all",
            description = "Number of exponents; 'all' for the full spectrum (default: ${DEFAULT-VALUE}).")
    String k;

    @Option(names = "--transient", paramLabel = "N",
            description = "Steps discarded first (default: the system's own, 0 for gradient descent, whose "
                    + "transient is the training itself).")
    Long transientSteps;

    @Option(names = "--q", defaultValue = "1", description = "Re-orthonormalise every q steps (default: ${DEFAULT-VALUE}).")
    int q;

    @Option(names = "--twin-distance", defaultValue = "1e-8", paramLabel = "D0",
            description = "Initial and renormalised distance of the twin orbit (default: ${DEFAULT-VALUE}).")
    double twinDistance;

    @Option(names = "--no-twin", description = "Skip the twin-orbit estimate of the maximal exponent.")
    boolean noTwin;

    @Option(names = "--no-sum-rule", description = "Skip the sum-rule check (for gradient descent it "
            + "diagonalises the Hessian at every step; done when P <= 300).")
    boolean noSumRule;

    @Option(names = "--frame-seed", defaultValue = "0", description = "Seed of the random start frame and twin "
            + "direction (default: ${DEFAULT-VALUE}).")
    long frameSeed;

    @Override
    public Integer call() throws IOException {
        String[] networkOptions = {"--data", "--train", "--hidden", "--activation", "--output", "--loss", "--lr",
            "--init", "--init-from", "--momentum", "--batch-size", "--standardize", "--weight-decay"};
        DiscreteMap map;
        double[] x0;
        long defaultTransient;
        String label;
        Map<String, Object> config = new LinkedHashMap<>();
        if (system != null) {
            for (String o : networkOptions) {
                if (command.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new BadInputException("--system and " + o + " exclude each other: --system picks a "
                            + "reference system, the network options a gradient-descent map");
                }
            }
            ReferenceSystems.ReferenceSystem ref = ReferenceSystems.parse(system);
            map = ref.map();
            x0 = ref.initialState();
            defaultTransient = ref.defaultTransient();
            label = ref.name();
            config.put("system", ref.name());
            config.put("parameters", ref.parameters());
            config.put("initialState", x0);
        } else {
            NetworkOptions.Setup setup = network.resolve();
            GradientDescentMap gd = new GradientDescentMap(setup.spec(), Batch.of(setup.trainSet()), setup.optimizer());
            map = gd;
            x0 = new double[gd.dimension()];
            System.arraycopy(setup.theta0(), 0, x0, 0, setup.theta0().length);
            defaultTransient = 0;
            label = "gradient descent, " + setup.spec() + ", η = " + setup.optimizer().learningRate();
            config.putAll(network.describe(setup));
        }
        int dim = map.dimension();
        int kk = parseK(dim);
        if ((long) kk * dim > 50_000_000L) {
            throw new BadInputException("--k " + k + ": " + kk + " tangent vectors of dimension " + dim + " need "
                    + (long) kk * dim * 16 / (1 << 20) + " MiB; choose a smaller --k (the top exponents)");
        }
        long t = steps != null ? steps : system != null ? 100_000 : 2_000;
        long tr = transientSteps != null ? transientSteps : defaultTransient;
        SpectrumSpec spec = new SpectrumSpec(t, tr, kk, q, !noSumRule, frameSeed).forDimension(dim);
        RunDirectory dir = output.out != null ? RunDirectory.create(output.out, output.force) : null;
        if (dir != null) {
            writeManifest(dir, config, spec); // first: an interrupted run directory still says what it was
        }

        PrintWriter err = command.commandLine().getErr();
        Progress progress = new Progress(err, "lyapunov", "λ1 so far", t, output.json);
        List<double[]> running = new ArrayList<>();
        long every = Math.max(1, t / 5000); // keep at most ~5000 rows of running estimates
        SpectrumResult result = new QrSpectrumEstimator(map, kk).run(x0, spec, (step, estimates) -> {
            if (step % every == 0 || step == t) {
                double[] row = new double[kk + 1];
                row[0] = step;
                System.arraycopy(estimates, 0, row, 1, kk);
                running.add(row);
            }
            progress.update(step, estimates[0]);
        });
        progress.done();
        TwinOrbitEstimator.Result twin = noTwin ? null
                : TwinOrbitEstimator.run(map, x0, tr, t, twinDistance, frameSeed);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("system", label);
        summary.put("dimension", dim);
        summary.put("unit", map.timePerStep() == 1 ? "per step" : "per unit time (Δt = " + map.timePerStep() + ")");
        summary.put("status", result.completed() ? "ok" : "stopped");
        summary.put("failure", result.failure());
        summary.put("steps", result.steps());
        summary.put("exponents", numbers(result.exponents()));
        summary.put("maxExponent", Json.number(result.exponents()[0]));
        summary.put("kaplanYorkeDimension", Json.number(result.kaplanYorkeDimension()));
        Map<String, Object> sumRule = new LinkedHashMap<>();
        sumRule.put("sumOfExponents", Json.number(result.sumOfExponents()));
        sumRule.put("meanLogAbsDet", Json.number(result.meanLogDet()));
        sumRule.put("error", Json.number(result.sumRuleError()));
        summary.put("sumRule", sumRule);
        if (twin != null) {
            Map<String, Object> tw = new LinkedHashMap<>();
            tw.put("maxExponent", Json.number(twin.exponent()));
            tw.put("steps", twin.steps());
            tw.put("failure", twin.failure());
            tw.put("distance", twinDistance);
            summary.put("twinOrbit", tw);
        }
        if (dir != null) {
            writeFiles(dir, spec, summary, result, running, label, map.timePerStep());
            summary.put("out", dir.path().toString());
        }
        PrintWriter out = command.commandLine().getOut();
        if (output.json) {
            out.println(Json.write(summary));
        } else {
            out.printf("%s: %s over %d steps%n", label, result.completed() ? "ok" : "stopped: " + result.failure(),
                    result.steps());
            out.printf("  exponents (%s): %s%n", summary.get("unit"), preview(result.exponents()));
            out.printf("  Kaplan–Yorke dimension %.6g; sum %.6g vs ⟨ln|det J|⟩ %s%n", result.kaplanYorkeDimension(),
                    result.sumOfExponents(), Double.isNaN(result.meanLogDet()) ? "n/a"
                            : String.format("%.6g", result.meanLogDet()));
            if (twin != null) {
                out.printf("  twin orbits: maximal exponent %.6g%s%n", twin.exponent(),
                        twin.failure() == null ? "" : " (" + twin.failure() + ")");
            }
            if (dir != null) {
                out.println("  files in " + dir.path());
            }
        }
        return 0;
    }

    private int parseK(int dim) {
        if (k.equals("all")) {
            return dim;
        }
        try {
            int v = Integer.parseInt(k.trim());
            if (v < 1) {
                throw new BadInputException("--k must be >= 1 or 'all' (got " + k + ")");
            }
            if (v > dim) {
                throw new BadInputException("--k " + v + " exceeds the dimension " + dim + " of the system");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException("--k must be a whole number or 'all' (got '" + k + "')");
        }
    }

    private void writeManifest(RunDirectory dir, Map<String, Object> config, SpectrumSpec spec) throws IOException {
        Map<String, Object> manifest = RunDirectory.manifestHeader("lyapunov", command);
        manifest.putAll(config);
        manifest.put("steps", spec.steps());
        manifest.put("transient", spec.transient_());
        manifest.put("k", spec.k());
        manifest.put("qrEvery", spec.qrEvery());
        manifest.put("frameSeed", frameSeed);
        manifest.put("seedDerivation", "start frame: Seeds.derive(frameSeed, \"lyapunov-frame\"); twin direction: "
                + "Seeds.derive(frameSeed, \"twin-direction\")");
        manifest.put("files", Map.of("exponents.npy", "the k exponents, descending",
                "running.npy", "[M × (1+k)]: step, running estimate of each exponent (QR order)",
                "running.png", "running estimates against steps"));
        Json.write(dir.file("manifest.json"), manifest);
    }

    private void writeFiles(RunDirectory dir, SpectrumSpec spec, Map<String, Object> summary,
                            SpectrumResult result, List<double[]> running, String label, double dt) throws IOException {
        Json.write(dir.file("summary.json"), summary);
        try (NpyWriter w = NpyWriter.series(dir.file("exponents.npy"))) {
            for (double e : result.exponents()) {
                w.append(e);
            }
        }
        int k = spec.k();
        try (NpyWriter w = NpyWriter.matrix(dir.file("running.npy"), k + 1)) {
            for (double[] row : running) {
                w.appendRow(row, 0);
            }
        }
        double[] steps = new double[running.size()];
        List<Plots.Line> lines = new ArrayList<>();
        for (int r = 0; r < steps.length; r++) {
            steps[r] = running.get(r)[0];
        }
        for (int i = 0; i < k; i++) {
            double[] y = new double[steps.length];
            for (int r = 0; r < steps.length; r++) {
                y[r] = running.get(r)[i + 1];
            }
            lines.add(Plots.Line.of("λ" + (i + 1), steps, y));
        }
        if (steps.length > 0) {
            lines.add(Plots.Line.horizontal("0", steps[0], steps[steps.length - 1], 0));
        }
        Plots.lineChart(dir.file("running.png"), "Running Lyapunov exponents — " + label, "step",
                dt == 1 ? "exponent per step" : "exponent per unit time", lines, false);
    }

    private static List<Double> numbers(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(Json.number(v));
        }
        return list;
    }

    private static String preview(double[] e) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(e.length, 8);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("%.6g", e[i]));
        }
        if (e.length > shown) {
            sb.append(", … (").append(e.length - shown).append(" more), ").append(String.format("%.6g", e[e.length - 1]));
        }
        return sb.toString();
    }
}
