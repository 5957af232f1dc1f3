package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.analysis.ApproachFit;
import netdyn.analysis.ResultKeys;
import netdyn.analysis.TrainingObserver;
import netdyn.analysis.TrainingResult;
import netdyn.cli.io.Json;
import netdyn.cli.io.NpyReader;
import netdyn.cli.io.NpyWriter;
import netdyn.cli.io.Plots;
import netdyn.cli.io.Progress;
import netdyn.cli.io.RunDirectory;
import netdyn.curvature.HessianSpectrum;
import netdyn.curvature.LanczosEstimator;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.rng.Seeds;
import netdyn.run.ResolvedRun;
import picocli.CommandLine.Model.CommandSpec;

/** Manifest, streamed orbit, summary (with the approach to the end state), figure and text of {@code netdyn train}. */
final class TrainWriter {
    private TrainWriter() {
    }

    /** manifest.json: the command line, the network and the run length. */
    static void writeManifest(RunDirectory dir, CommandSpec command, Map<String, Object> network, long steps,
                              long recordEvery) throws IOException {
        Map<String, Object> manifest = RunDirectory.manifestHeader("train", command);
        manifest.putAll(network);
        manifest.put("steps", steps);
        manifest.put("recordEvery", recordEvery);
        manifest.put("files", Json.ordered(
                "loss.npy", "training loss L(θ_t), t = 0..T (float64, T+1 values; ends at the non-finite value if "
                        + "the run diverged)",
                "accuracy.npy", "[M × 5]: step, train loss, train accuracy, test loss, test accuracy at recorded steps "
                        + "(NaN without a test set)",
                "params.npy", "[M × P]: θ at the same recorded steps (t = 0, k, 2k, ... and T)",
                "approach.npy", "[M × 3]: step, ‖θ(t) − θ(T)‖₁, ‖θ(t) − late-time average‖₁ (with approach.png)",
                "hessian-final.npy", "the Hessian's eigenvalues at θ(T), descending (P ≤ 2000)",
                "summary.json", "how the run ended; approach fits (exponential against power law); final Hessian"));
        Json.write(dir.file("manifest.json"), manifest);
    }

    /** The orbit as it comes: loss.npy at every step, accuracy.npy and params.npy at the recorded steps. */
    static final class Orbit implements TrainingObserver, AutoCloseable {
        private final NpyWriter loss;
        private final NpyWriter accuracy;
        private final NpyWriter params;
        private final double[] row = new double[5];
        private Progress progress;
        private double lastLoss = Double.NaN;

        Orbit(RunDirectory dir, int p) throws IOException {
            loss = NpyWriter.series(dir.file("loss.npy"));
            NpyWriter a = null;
            try {
                a = NpyWriter.matrix(dir.file("accuracy.npy"), 5);
                params = NpyWriter.matrix(dir.file("params.npy"), p);
            } catch (IOException | RuntimeException e) {
                try (NpyWriter l = loss; NpyWriter acc = a) {
                    throw e;
                }
            }
            accuracy = a;
        }

        /** The progress line the loss goes to (created once the files are open). */
        Progress progress(PrintWriter err, long steps, boolean quiet) {
            progress = new Progress(err, "train", "loss", steps, quiet);
            return progress;
        }

        /**
         * Step t's loss. Step t is a boundary where a signal stops the run (before anything of step t is
         * written): loss.npy then holds steps 0..t−1, and params.npy and accuracy.npy the recorded steps
         * among them, every series ending at the same step.
         */
        @Override
        public void loss(long t, double value) {
            progress.update(t, value);
            try {
                loss.append(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lastLoss = value;
        }

        /** The last loss written (NaN before the first). */
        double lastLoss() {
            return lastLoss;
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
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try (NpyWriter l = loss; NpyWriter a = accuracy; NpyWriter p = params) {
                // closed in reverse order: params, accuracy, loss
            }
        }
    }

    /** The summary (stdout with --json), also written to summary.json; reads back params.npy for the approach. */
    static Map<String, Object> summary(RunDirectory dir, ResolvedRun setup, TrainingResult result,
                                       long recordEvery, double seconds) throws IOException {
        int p = setup.theta0().length;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put(ResultKeys.STATUS, result.status());
        summary.put(ResultKeys.STEPS, result.steps());
        summary.put(ResultKeys.DIVERGED_AT_STEP, result.diverged() ? result.steps() : null);
        summary.put(ResultKeys.FINAL_LOSS, Json.number(result.finalLoss()));
        summary.put(ResultKeys.TRAIN_ACCURACY, Json.number(result.trainAccuracy()));
        summary.put("testLoss", Json.number(result.testLoss()));
        summary.put(ResultKeys.TEST_ACCURACY, Json.number(result.testAccuracy()));
        summary.put("parameters", p);
        summary.put("recordEvery", recordEvery);
        if (!result.diverged()) {
            summary.putAll(dynamicalStability(dir, setup, result.finalTheta(), p));
        }
        summary.put("seconds", seconds);
        summary.put("out", dir.path().toString());
        Json.write(dir.file("summary.json"), summary);
        return summary;
    }

    /** The text report on stdout (without --json). */
    static void printText(PrintWriter out, RunDirectory dir, TrainingResult result, double seconds,
                          Map<String, Object> summary) {
        out.printf(Locale.ROOT, "%s: %s after %d steps, loss %s, train accuracy %s, test accuracy %s (%.2f s)%n",
                dir.path(), result.diverged() ? "diverged at step " + result.steps() : "ok", result.steps(),
                fmt(result.finalLoss()), fmt(result.trainAccuracy()), fmt(result.testAccuracy()), seconds);
        long every = (long) summary.get("recordEvery");
        int p = (int) summary.get("parameters");
        long rows = recordedStates(result.steps(), every);
        out.printf(Locale.ROOT, "  params.npy: θ every %d step%s (%d states × %d parameters, %.1f MB)%s%n", every,
                every == 1 ? "" : "s", rows, p, rows * p * 8 / 1e6,
                every > 1 ? "; --record-every sets it" : "");
        if (summary.get("finalHessian") instanceof Map<?, ?> h && h.get("skipped") != null) {
            out.printf(Locale.ROOT, "  final Hessian spectrum skipped: %s%s%n", h.get("skipped"),
                    h.get("top") == null ? "" : " " + h.get("top"));
        }
    }

    /** States params.npy holds after {@code steps} steps recorded every {@code every}: t = 0, k, 2k, … and T. */
    static long recordedStates(long steps, long every) {
        return steps / every + 1 + (steps % every == 0 ? 0 : 1);
    }

    /**
     * The approach to the end state (SCIENCE.md §2, dynamical stability): distance of the recorded θ(t)
     * to θ(T) and to the average of the last 10 % of the recorded states, each fitted by an exponential
     * and a power law over the recorded steps from 10 % of T to 90 % of T (the distance to θ(T) falls to
     * zero at T by construction); and the Hessian spectrum at θ(T) ({@link #finalHessian}), whose near-zero
     * eigenvalues count the flat directions of the minimum.
     */
    private static Map<String, Object> dynamicalStability(RunDirectory dir, ResolvedRun setup,
                                                          double[] thetaT, int p) throws IOException {
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
            NpyWriter.writeColumns(dir.file("approach.npy"), t, toFinal, toLate);
            // t = 0 cannot go on a log axis, and the distance to θ(T) is 0 at T
            double[] tp = Arrays.copyOfRange(t, 1, rows - 1);
            double[] dFinal = Plots.positive(Arrays.copyOfRange(toFinal, 1, rows - 1));
            double[] dLate = Plots.positive(Arrays.copyOfRange(toLate, 1, rows - 1));
            Plots.lineChart(dir.file("approach.png"), "Approach to the end state (log–log: a power law is a line)",
                    "step", "‖θ(t) − θ*‖₁", List.of(Plots.Line.of("to θ(T)", tp, dFinal),
                            Plots.Line.of("to late-time average", tp, dLate)), true, true);
        }
        out.put("finalHessian", finalHessian(setup, thetaT, p, dir));
        return out;
    }

    /** The final Hessian's eigenvalues, descending (a network within the full-Hessian limit). */
    static final String FINAL_HESSIAN = "hessian-final.npy";
    /** Lanczos iterations of the fallback for a network above the full-Hessian limit. */
    static final int FALLBACK_LANCZOS = 20;
    /** Top eigenvalues the fallback reports. */
    static final int FALLBACK_TOP = 3;

    /**
     * The Hessian spectrum at θ(T): in full when P ≤ {@link HessianSpectrum#MAX_PARAMETERS}; above it, said to
     * be skipped (and why), with the top {@value #FALLBACK_TOP} eigenvalues by Lanczos ({@value #FALLBACK_LANCZOS}
     * Hessian-vector products, about the cost of 40–60 training steps) when the run was at least ten times
     * that long, so the extra stays within about a tenth of the run.
     */
    static Map<String, Object> finalHessian(ResolvedRun setup, double[] thetaT, int p, RunDirectory dir)
            throws IOException {
        Map<String, Object> hs = new LinkedHashMap<>();
        Batch train = Batch.of(setup.trainSet());
        MlpEvaluator evaluator = new MlpEvaluator(setup.spec(), setup.trainSet().size());
        if (HessianSpectrum.fits(p)) {
            HessianSpectrum h = HessianSpectrum.of(evaluator, thetaT, train, HessianSpectrum.DEFAULT_TOLERANCE);
            hs.put("max", h.max());
            hs.put("min", h.eigenvalues()[p - 1]);
            hs.put("nearZero", h.nearZero());
            hs.put("negative", h.negative());
            hs.put("tolerance", h.tolerance());
            NpyWriter.write(dir.file(FINAL_HESSIAN), h.eigenvalues());
            hs.put("file", FINAL_HESSIAN);
            return hs;
        }
        long steps = setup.run().steps();
        long minSteps = 10L * 3 * FALLBACK_LANCZOS; // a Hessian-vector product costs about 3 steps
        boolean lanczos = steps >= minSteps;
        hs.put("skipped", HessianSpectrum.skippedText(p) + (lanczos ? "; top eigenvalues by Lanczos instead"
                : "; no Lanczos either (" + steps + " steps < " + minSteps + ": it would cost more than a tenth of the "
                + "run; netdyn sharpness measures it)"));
        if (lanczos) {
            double[] top = new LanczosEstimator(evaluator, FALLBACK_LANCZOS).topEigenvalues(thetaT, train,
                    FALLBACK_TOP, Seeds.derive(setup.run().seed(), "final-hessian"));
            hs.put("max", top[0]);
            hs.put("top", Json.numbers(top));
            hs.put("method", "Lanczos, " + FALLBACK_LANCZOS + " iterations");
        }
        return hs;
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
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "n/a";
    }
}
