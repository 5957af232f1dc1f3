package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.analysis.ApproachFit;
import netdyn.analysis.TrainingObserver;
import netdyn.analysis.TrainingResult;
import netdyn.analysis.TrainingRun;
import netdyn.curvature.HessianSpectrum;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netdyn train}: one gradient-descent run, its whole orbit recorded. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network by gradient descent and record the orbit: loss at every step, "
                + "parameters and accuracy every k steps.",
        footer = {"", "Example:", "  ./netdyn train --data iris --lr 0.01 --steps 5000 --out out/iris-small",
                "", "Files: manifest.json, summary.json, loss.npy (T+1 values), accuracy.npy ([M×5]: step, train loss,"
                + " train accuracy, test loss, test accuracy), params.npy ([M×P] at the same steps)."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Mixin
    OutputOptions output;

    @Option(names = "--steps", defaultValue = "5000", description = "Gradient steps T (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--record-every", defaultValue = "1", paramLabel = "K",
            description = "Record parameters and accuracy every K steps (default: ${DEFAULT-VALUE}).")
    long recordEvery;

    @Override
    public Integer call() throws IOException {
        if (steps < 1) {
            throw new BadInputException("--steps must be >= 1 (got " + steps + ")");
        }
        if (recordEvery < 1) {
            throw new BadInputException("--record-every must be >= 1 (got " + recordEvery + ")");
        }
        NetworkOptions.Setup setup = network.resolve();
        RunDirectory dir = RunDirectory.create(output.outOrDefault("train"), output.force);
        PrintWriter err = command.commandLine().getErr();
        PrintWriter out = command.commandLine().getOut();

        Map<String, Object> manifest = RunDirectory.manifestHeader("train", command);
        manifest.putAll(network.describe(setup));
        manifest.put("steps", steps);
        manifest.put("recordEvery", recordEvery);
        manifest.put("files", Json.ordered(
                "loss.npy", "training loss L(θ_t), t = 0..T (float64, T+1 values; ends at the non-finite value if "
                        + "the run diverged)",
                "accuracy.npy", "[M × 5]: step, train loss, train accuracy, test loss, test accuracy at recorded steps "
                        + "(NaN without a test set)",
                "params.npy", "[M × P]: θ at the same recorded steps (t = 0, k, 2k, ... and T)",
                "approach.npy", "[M × 3]: step, ‖θ(t) − θ(T)‖₁, ‖θ(t) − late-time average‖₁ (with approach.png)",
                "summary.json", "how the run ended; approach fits (exponential against power law); final Hessian"));
        Json.write(dir.file("manifest.json"), manifest);

        int p = setup.theta0().length;
        long started = System.nanoTime();
        TrainingResult result;
        try (NpyWriter loss = NpyWriter.series(dir.file("loss.npy"));
             NpyWriter accuracy = NpyWriter.matrix(dir.file("accuracy.npy"), 5);
             NpyWriter params = NpyWriter.matrix(dir.file("params.npy"), p)) {
            Progress progress = new Progress(err, "train", "loss", steps, output.json);
            double[] row = new double[5];
            TrainingObserver observer = new TrainingObserver() {
                @Override
                public void loss(long t, double value) {
                    try {
                        loss.append(value);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    progress.update(t, value);
                }

                @Override
                public void snapshot(Snapshot s, double[] theta) {
                    row[0] = s.step();
                    row[1] = s.trainLoss();
                    row[2] = s.trainAccuracy();
                    row[3] = s.testLoss();
                    row[4] = s.testAccuracy();
                    try {
                        accuracy.appendRow(row, 0);
                        params.appendRow(theta, 0);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
            Batch train = Batch.of(setup.trainSet());
            Batch test = setup.testSet().size() == 0 ? null : Batch.of(setup.testSet());
            result = new TrainingRun(setup.spec(), train, test, setup.optimizer())
                    .run(setup.theta0(), steps, recordEvery, observer);
            progress.done();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", result.status());
        summary.put("steps", result.steps());
        summary.put("divergedAtStep", result.diverged() ? result.steps() : null);
        summary.put("finalLoss", Json.number(result.finalLoss()));
        summary.put("trainAccuracy", Json.number(result.trainAccuracy()));
        summary.put("testLoss", Json.number(result.testLoss()));
        summary.put("testAccuracy", Json.number(result.testAccuracy()));
        summary.put("parameters", p);
        if (!result.diverged()) {
            summary.putAll(dynamicalStability(dir, setup, result.finalTheta(), p));
        }
        summary.put("seconds", seconds);
        summary.put("out", dir.path().toString());
        Json.write(dir.file("summary.json"), summary);

        if (output.json) {
            out.println(Json.write(summary));
        } else {
            out.printf("%s: %s after %d steps, loss %s, train accuracy %s, test accuracy %s (%.2f s)%n",
                    dir.path(), result.diverged() ? "diverged at step " + result.steps() : "ok", result.steps(),
                    fmt(result.finalLoss()), fmt(result.trainAccuracy()), fmt(result.testAccuracy()), seconds);
        }
        return 0;
    }

    /**
     * The approach to the end state (SCIENCE.md §2, dynamical stability): distance of the recorded θ(t)
     * to θ(T) and to the average of the last 10 % of the recorded states, each fitted by an exponential
     * and a power law over the recorded steps from 10 % of T to 90 % of T (the distance to θ(T) falls to
     * zero at T by construction); and the Hessian spectrum at θ(T) when P ≤ 500, whose near-zero
     * eigenvalues count the flat directions of the minimum.
     */
    private Map<String, Object> dynamicalStability(RunDirectory dir, NetworkOptions.Setup setup, double[] thetaT, int p)
            throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        NpyReader.Array params = NpyReader.read(dir.file("params.npy"));
        NpyReader.Array acc = NpyReader.read(dir.file("accuracy.npy"));
        int rows = (int) params.shape()[0];
        if (rows >= 20) {
            double[] t = new double[rows];
            for (int r = 0; r < rows; r++) {
                t[r] = acc.data()[r * 5];
            }
            int lateFrom = (int) Math.floor(0.9 * rows);
            double[] late = new double[p];
            for (int r = lateFrom; r < rows; r++) {
                for (int q = 0; q < p; q++) {
                    late[q] += params.data()[r * p + q] / (rows - lateFrom);
                }
            }
            double[] toFinal = new double[rows];
            double[] toLate = new double[rows];
            for (int r = 0; r < rows; r++) {
                for (int q = 0; q < p; q++) {
                    double v = params.data()[r * p + q];
                    toFinal[r] += Math.abs(v - thetaT[q]);
                    toLate[r] += Math.abs(v - late[q]);
                }
            }
            double total = t[rows - 1];
            Map<String, Object> approach = new LinkedHashMap<>();
            approach.put("toFinal", fitJson(ApproachFit.of(t, toFinal, 0.1 * total, 0.9 * total)));
            approach.put("toLateAverage", fitJson(ApproachFit.of(t, toLate, 0.1 * total, 0.9 * total)));
            approach.put("norm", "l1");
            out.put("approach", approach);
            try (NpyWriter w = NpyWriter.matrix(dir.file("approach.npy"), 3)) {
                for (int r = 0; r < rows; r++) {
                    w.appendRow(new double[] {t[r], toFinal[r], toLate[r]}, 0);
                }
            }
            // t = 0 cannot go on a log axis, and the distance to θ(T) is 0 at T
            double[] tp = java.util.Arrays.copyOfRange(t, 1, rows - 1);
            double[] dFinal = Plots.positive(java.util.Arrays.copyOfRange(toFinal, 1, rows - 1));
            double[] dLate = Plots.positive(java.util.Arrays.copyOfRange(toLate, 1, rows - 1));
            Plots.lineChart(dir.file("approach.png"), "Approach to the end state (log–log: a power law is a line)",
                    "step", "‖θ(t) − θ*‖₁", List.of(Plots.Line.of("to θ(T)", tp, dFinal),
                            Plots.Line.of("to late-time average", tp, dLate)), true, true);
        }
        if (p <= 500) {
            HessianSpectrum h = HessianSpectrum.of(new MlpEvaluator(setup.spec(), setup.trainSet().size()), thetaT,
                    Batch.of(setup.trainSet()), HessianSpectrum.DEFAULT_TOLERANCE);
            Map<String, Object> hs = new LinkedHashMap<>();
            hs.put("max", h.max());
            hs.put("min", h.eigenvalues()[p - 1]);
            hs.put("nearZero", h.nearZero());
            hs.put("negative", h.negative());
            hs.put("tolerance", h.tolerance());
            out.put("finalHessian", hs);
        }
        return out;
    }

    private static Map<String, Object> fitJson(ApproachFit f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("better", f.points() >= 3 ? f.better() : null);
        m.put("exponentialRate", Json.number(f.rate()));
        m.put("powerLawExponent", Json.number(f.powerExponent()));
        m.put("aicExponential", Json.number(f.aicExponential()));
        m.put("aicPowerLaw", Json.number(f.aicPower()));
        m.put("points", f.points());
        return m;
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format("%.6g", v) : "n/a";
    }
}
