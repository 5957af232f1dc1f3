package netdyn.sweep;

import java.util.Arrays;
import java.util.function.LongConsumer;

import netdyn.analysis.DivergenceSpec;
import netdyn.analysis.EnsembleRun;
import netdyn.analysis.OrbitObserver;
import netdyn.analysis.PerturbedReplicas;
import netdyn.analysis.RegimeClassifier;
import netdyn.analysis.RegimeEvidence;
import netdyn.analysis.ResultKeys;
import netdyn.analysis.StepReportingMap;
import netdyn.curvature.HessianSpectrum;
import netdyn.curvature.LanczosEstimator;
import netdyn.dynamics.Preconditioning;
import netdyn.dynamics.UpdateRule;
import netdyn.dynamics.GradientDescentMap;
import netdyn.lyapunov.FiniteTimeFit;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.ShortPhaseFit;
import netdyn.lyapunov.SpectrumResult;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.lyapunov.TwinOrbitEstimator;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.rng.Seeds;
import netdyn.series.RosensteinExponent;
import netdyn.series.RosensteinSpec;

/**
 * Runs one task and measures what the sweep asks for. The reference orbit is trained once on the training
 * loop ({@link EnsembleRun}), with the nMLE replicas stepped beside it in the same batched step: the
 * divergence protocol for one init ({@link PerturbedReplicas}, the code of {@code netdyn divergence}:
 * weights perturbed by U(−ε, ε) at step 0 from {@code Seeds.generator(initSeed, "perturbation", init, r)},
 * ℓ1 distance over all parameters, replica mean, best-R² window fit, kept when R² &gt; 0.9 and slope
 * &gt; 0.05), so a row's nmle is the divergence command's for that init; one QR pass gives the tangent
 * spectrum and the regime rule's late λ1 (the regime evidence otherwise reads the reference pass's losses
 * and θ_T), and the twin orbit runs its own pass from the same θ_0. Single-threaded: a sweep runs tasks in
 * parallel instead.
 *
 * <p>Row fields: named by {@link ResultKeys}, listed in {@code README.md} ("Sweeps", columns). Values that a
 * diverged run cannot have are NaN (null in JSON).
 */
public final class TaskMeasurer {
    /** Sharpness samples along the run (plus the final θ). */
    static final int SHARPNESS_SAMPLES = 20;
    static final int LANCZOS_ITERATIONS = 30;
    static final double TWIN_DISTANCE = 1e-8;

    private TaskMeasurer() {
    }

    public static TaskResult measure(SweepSpec sweep, SweepTask task, TaskProblem problem) {
        return measure(sweep, task, problem, n -> { });
    }

    /**
     * The training steps one task takes in all: the reference pass, and one more pass each for the twin orbit
     * and the tangent (QR) pass when measured; the unit of {@link #measure(SweepSpec, SweepTask, TaskProblem,
     * LongConsumer)}'s step reports.
     */
    public static long stepsPerTask(SweepSpec sweep) {
        Measures m = sweep.measures();
        int passes = 1 + (m.twin() ? 1 : 0) + (m.spectrumK() > 0 || m.series() ? 1 : 0);
        return passes * sweep.steps();
    }

    /**
     * As {@link #measure(SweepSpec, SweepTask, TaskProblem)}, telling {@code stepsDone} of every step taken
     * (one call with 1 per step of each pass, {@link #stepsPerTask} in all when no run diverges), for progress
     * inside a task: one task of a large network can take hours.
     */
    public static TaskResult measure(SweepSpec sweep, SweepTask task, TaskProblem problem, LongConsumer stepsDone) {
        Measures m = sweep.measures();
        MlpLayout layout = new MlpLayout(problem.spec());
        int p = layout.parameterCount();
        GradientDescentMap map = new GradientDescentMap(problem.spec(), problem.train(), problem.optimizer());
        int dim = map.dimension();
        double[] x0 = new double[dim];
        problem.init().initialize(layout, problem.initSeed(), task.init(), x0, 0);
        long id = task.index();
        long seed = sweep.seed();

        TaskResult out = new TaskResult();
        out.put(ResultKeys.TASK, task.index());
        sweep.rowValues(task).forEach(out::put);
        out.put(ResultKeys.INIT, task.init());
        Reference ref = reference(sweep, task, problem, x0, layout, Seeds.derive(seed, "sweep-lanczos", id),
                stepsDone);
        out.put(ResultKeys.STATUS, ref.divergedAt < 0 ? "ok" : "diverged");
        out.put(ResultKeys.DIVERGED_AT_STEP, ref.divergedAt);
        out.put(ResultKeys.FINAL_LOSS, ref.loss[ref.loss.length - 1]);
        out.put(ResultKeys.MIN_LOSS, min(ref.loss));
        out.put(ResultKeys.INITIAL_LOSS, ref.loss[0]);
        out.put(ResultKeys.CHANCE_LOSS, problem.spec().loss() == netdyn.nn.LossKind.CE
                ? Math.log(problem.spec().outputs()) : Double.NaN);
        if (m.accuracy()) {
            out.put(ResultKeys.TRAIN_ACCURACY, ref.trainAccuracy);
            out.put(ResultKeys.TEST_ACCURACY, ref.testAccuracy);
            out.put(ResultKeys.STEPS_TO_TARGET, ref.stepsToTarget);
            if (ref.testAccuracySeries != null) {
                out.series(ResultKeys.TEST_ACCURACY_SERIES, ref.testAccuracySeries);
            }
        }
        if (m.nmle()) {
            PerturbedReplicas.Fit fit = PerturbedReplicas.fit(ref.replicaDistances, FiniteTimeFit.STUDY);
            FiniteTimeFit.Window w = fit.window();
            boolean pass = w.passes(FiniteTimeFit.STUDY_MIN_R2, FiniteTimeFit.STUDY_MIN_SLOPE);
            double scale = layout.weightCount() * sweep.epsilon();
            double[] distance = new double[fit.mean().length]; // d̄(t) / (N_w ε), as divergence normalises it
            for (int t = 0; t < distance.length; t++) {
                distance[t] = fit.mean()[t] / scale;
            }
            out.put(ResultKeys.NMLE, w.slope());
            out.put(ResultKeys.NMLE_R2, w.r2() == Double.NEGATIVE_INFINITY ? Double.NaN : w.r2());
            out.put(ResultKeys.NMLE_PASSED, pass ? 1 : 0);
            ShortPhaseFit.Result rise = ShortPhaseFit.STANDARD.fit(fit.mean());
            out.put(ResultKeys.NMLE_SHORT, rise.slope());
            out.put(ResultKeys.NMLE_SHORT_R2, rise.r2());
            out.put(ResultKeys.NMLE_SHORT_PASSED, rise.passes() ? 1 : 0);
            out.put(ResultKeys.NMLE_SHORT_END, rise.end());
            out.put(ResultKeys.DISTANCE_FINAL, distance[distance.length - 1]);
            out.put(ResultKeys.DISTANCE_MAX, max(distance));
            out.series(ResultKeys.DISTANCE, distance);
        }
        if (m.twin()) {
            TwinOrbitEstimator.Result twin = TwinOrbitEstimator.run(new StepReportingMap(
                    new GradientDescentMap(problem.spec(), problem.train(), problem.optimizer()),
                    t -> stepsDone.accept(1)), x0, 0,
                    sweep.steps(), TWIN_DISTANCE, Seeds.derive(seed, "sweep-twin", id));
            out.put(ResultKeys.LAMBDA_TWIN, twin.failure() == null ? twin.exponent() : Double.NaN);
        }
        if (m.sharpness()) {
            double eta = problem.optimizer().learningRate();
            out.put(ResultKeys.SHARPNESS_FINAL, ref.sharpnessFinal);
            out.put(ResultKeys.SHARPNESS_MAX, ref.sharpnessMax);
            out.put(ResultKeys.EOS_RATIO_FINAL, ref.sharpnessFinal * eta / 2);
            out.put(ResultKeys.EOS_RATIO_MAX, ref.sharpnessMax * eta / 2);
            UpdateRule rule = problem.optimizer().update();
            if (rule.kind() != UpdateRule.Kind.GD) {
                out.put(ResultKeys.STABILITY_THRESHOLD, rule.threshold(eta));
            }
            if (!Double.isNaN(ref.preconditionedMax)) {
                out.put(ResultKeys.PRECONDITIONED_SHARPNESS, ref.preconditionedFinal);
                out.put(ResultKeys.PRECONDITIONED_SHARPNESS_MAX, ref.preconditionedMax);
            }
        }
        if (m.spectrumK() > 0 || m.series()) {
            Tangent tangent = tangent(sweep, problem, x0, Seeds.derive(seed, "sweep-qr", id), stepsDone);
            if (m.spectrumK() > 0) {
                SpectrumResult s = tangent.result; // k = min(K, dimension) exponents when K > 0
                double[] exponents = s.completed() ? s.exponents() : nans(Math.min(m.spectrumK(), dim));
                out.put(ResultKeys.LAMBDA_TANGENT, exponents[0]);
                out.put(ResultKeys.SPECTRUM_SUM, s.completed() ? s.sumOfExponents() : Double.NaN);
                out.put(ResultKeys.KAPLAN_YORKE_DIMENSION, s.completed() && exponents.length == dim
                        ? s.kaplanYorkeDimension() : Double.NaN);
                out.put(ResultKeys.SPECTRUM, exponents);
            }
            if (m.series()) {
                RegimeEvidence.Measured e = RegimeEvidence.fromOrbit(problem.spec(), problem.train(),
                        problem.optimizer(), ref.loss, ref.last == null ? null : Arrays.copyOf(ref.last, p),
                        tangent.lambdaLate,
                        ref.divergedAt, Seeds.derive(seed, "sweep-series", id));
                RegimeClassifier.Classification regime = RegimeClassifier.classify(e.evidence());
                RegimeClassifier.Evidence ev = e.evidence();
                out.put(ResultKeys.REGIME, regime.label());
                out.put(ResultKeys.REGIME_REASONS, String.join("; ", regime.reasons()));
                out.put(ResultKeys.LAMBDA1, ev.lambda1());
                out.put(ResultKeys.ZERO_ONE_K, ev.zeroOneK());
                out.put(ResultKeys.LAMINAR_FRACTION, ev.laminarFraction());
                out.put(ResultKeys.FRACTION_INCREASING, ev.fractionIncreasing());
                out.put(ResultKeys.PERIODIC_SHARE, ev.periodicShare());
                out.put(ResultKeys.DOMINANT_PERIOD, ev.dominantPeriod());
                out.put(ResultKeys.LAMBDA_SERIES, seriesExponent(ref.loss));
            }
        }
        out.put(ResultKeys.LOSS_TAIL, Arrays.copyOfRange(ref.loss, Math.max(0, ref.loss.length - sweep.tail()),
                ref.loss.length));
        if (sweep.tailWeight() >= 0) {
            out.put(ResultKeys.WEIGHT_TAIL, ref.weightTail);
        }
        out.series(ResultKeys.LOSS, ref.loss);
        return out;
    }

    /** What the reference pass gives. */
    private static final class Reference {
        double[] loss;
        double[][] replicaDistances;
        long divergedAt = -1;
        double trainAccuracy = Double.NaN;
        double testAccuracy = Double.NaN;
        double[] testAccuracySeries;
        long stepsToTarget = -1;
        double sharpnessFinal = Double.NaN;
        double sharpnessMax = Double.NaN;
        double preconditionedFinal = Double.NaN;
        double preconditionedMax = Double.NaN;
        double[] weightTail;
        double[] last;
    }

    /** The tangent pass: the QR spectrum over the whole run, and λ1 over its second half. */
    private record Tangent(SpectrumResult result, double lambdaLate) {
    }

    /**
     * One QR run of max(K, 1) tangent vectors from θ_0 over every step. Its first vector is exactly a k = 1
     * run (Gram–Schmidt leaves the first column alone), so λ1 over the second half — the regime rule's
     * exponent, with the first half aligning the vector — is the difference of its running sums at T and T/2.
     */
    private static Tangent tangent(SweepSpec sweep, TaskProblem problem, double[] x0, long seed,
                                   LongConsumer stepsDone) {
        GradientDescentMap map = new GradientDescentMap(problem.spec(), problem.train(), problem.optimizer());
        int k = Math.min(Math.max(sweep.measures().spectrumK(), 1), map.dimension());
        long steps = sweep.steps();
        long half = steps / 2;
        double[] firstColumn = {Double.NaN, Double.NaN}; // running estimates at T/2 and T
        SpectrumResult s = new QrSpectrumEstimator(map, k).run(x0.clone(),
                new SpectrumSpec(steps, 0, k, 1, false, seed), (step, estimates) -> {
                    stepsDone.accept(1);
                    if (step == half) {
                        firstColumn[0] = estimates[0];
                    }
                    if (step == steps) {
                        firstColumn[1] = estimates[0];
                    }
                });
        double late = s.completed() ? (firstColumn[1] * steps - firstColumn[0] * half) / (steps - half) : Double.NaN;
        return new Tangent(s, late);
    }

    /**
     * The reference orbit from θ_0, observed on the training loop with the nMLE replicas (when measured)
     * stepped beside it in one ensemble: the divergence protocol for this init ({@link PerturbedReplicas},
     * replica r perturbed from {@code Seeds.generator(initSeed, "perturbation", init, r)}), so that the nMLE
     * is {@code netdyn divergence}'s for the same seed, init, η and ε.
     */
    private static Reference reference(SweepSpec sweep, SweepTask task, TaskProblem problem, double[] x0,
                                       MlpLayout layout, long lanczosSeed, LongConsumer stepsDone) {
        Measures m = sweep.measures();
        int steps = (int) sweep.steps();
        int p = layout.parameterCount();
        int dim = x0.length;
        Reference r = new Reference();
        r.loss = new double[steps + 1];
        Arrays.fill(r.loss, Double.NaN);
        MlpEvaluator trainEval = new MlpEvaluator(problem.spec(), problem.train().size());
        boolean hasTest = problem.test() != null && problem.test().size() > 0;
        MlpEvaluator testEval = m.accuracy() && hasTest ? new MlpEvaluator(problem.spec(), problem.test().size())
                : null;
        if (testEval != null) {
            r.testAccuracySeries = new double[steps + 1];
            Arrays.fill(r.testAccuracySeries, Double.NaN);
        }
        LanczosEstimator lanczos = m.sharpness() ? new LanczosEstimator(trainEval, LANCZOS_ITERATIONS) : null;
        int sharpnessEvery = Math.max(1, steps / SHARPNESS_SAMPLES);
        Preconditioning preconditioning = new Preconditioning(problem.optimizer(), layout);
        boolean preconditioned = lanczos != null && !preconditioning.plain();

        int replicas = m.nmle() ? sweep.replicas() : 0;
        double[] states = new double[(1 + replicas) * dim];
        for (int q = 0; q <= replicas; q++) {
            System.arraycopy(x0, 0, states, q * dim, dim);
        }
        if (replicas > 0) {
            PerturbedReplicas.perturb(states, 0, replicas, dim, p, layout.weightMask(), false, sweep.epsilon(),
                    problem.initSeed(), task.init());
            r.replicaDistances = new double[replicas][steps + 1];
            for (double[] d : r.replicaDistances) {
                Arrays.fill(d, Double.NaN);
            }
        }

        int tracked = sweep.tailWeight();
        int tailStart = Math.max(0, steps + 1 - sweep.tail());
        if (tracked >= 0) {
            requireTailWeight(sweep, layout);
            r.weightTail = new double[steps + 1 - tailStart];
            Arrays.fill(r.weightTail, Double.NaN);
        }

        OrbitObserver observer = step -> {
            int t = (int) step.t();
            if (t > 0) {
                stepsDone.accept(1);
            }
            if (replicas > 0) {
                PerturbedReplicas.distances(step, 0, replicas, p, DivergenceSpec.Norm.L1, r.replicaDistances, t);
            }
            if (step.ended(0)) {
                return; // the replicas may still run; the reference's values are NaN from here
            }
            double[] x = step.states();
            if (tracked >= 0 && t >= tailStart && Double.isFinite(x[tracked])) {
                r.weightTail[t - tailStart] = x[tracked];
            }
            if (testEval != null) {
                testEval.loss(x, 0, problem.test());
                double acc = (double) testEval.correctCount() / problem.test().size();
                if (acc >= sweep.target() && r.stepsToTarget < 0) {
                    r.stepsToTarget = t;
                }
                r.testAccuracy = acc;
                r.testAccuracySeries[t] = acc;
            }
            if (lanczos != null && (t % sharpnessEvery == 0 || step.last())) {
                double s = lanczos.topEigenvalues(x, problem.train(), 1, Seeds.derive(lanczosSeed, "step", t))[0];
                r.sharpnessMax = Double.isNaN(r.sharpnessMax) ? s : Math.max(r.sharpnessMax, s);
                r.sharpnessFinal = s;
                if (preconditioned) {
                    double q = preconditioning.topEigenvalues(lanczos, t, x, x, problem.train(), 1,
                            Seeds.derive(lanczosSeed, "step", t))[0];
                    if (t > 0 || step.last()) { // at step 0 the moments are the first g² alone
                        r.preconditionedMax = Double.isNaN(r.preconditionedMax) ? q : Math.max(r.preconditionedMax, q);
                    }
                    r.preconditionedFinal = q;
                }
            }
            r.loss[t] = step.loss(0);
            if (step.last()) {
                r.trainAccuracy = (double) step.trainingCorrect(0) / problem.train().size();
            }
            if (!Double.isFinite(r.loss[t])) {
                r.divergedAt = t;
                r.loss[t] = Double.NaN;
                r.trainAccuracy = Double.NaN;
                r.testAccuracy = Double.NaN;
                if (r.testAccuracySeries != null) {
                    r.testAccuracySeries[t] = Double.NaN;
                }
                r.sharpnessFinal = Double.NaN;
                r.preconditionedFinal = Double.NaN;
            } else if (step.last()) {
                r.last = Arrays.copyOf(x, dim);
            }
        };
        long[] divergedAt = new long[1 + replicas];
        Arrays.fill(divergedAt, -1);
        try (EnsembleRun run = new EnsembleRun(problem.spec(), problem.train(), problem.optimizer(), 1)) {
            run.run(states, divergedAt, 0, steps, true, observer);
        }
        return r;
    }

    /** Fails naming {@code tailWeight} when the sweep tracks a parameter this network does not have. */
    public static void requireTailWeight(SweepSpec sweep, MlpLayout layout) {
        int p = layout.parameterCount();
        if (sweep.tailWeight() >= p) {
            throw netdyn.BadInputException.of(SweepSpec.class, "tailWeight", sweep.tailWeight() + " is outside θ of "
                    + "the " + layout.spec().shape() + " network (P = " + p + ", indices 0.." + (p - 1) + ")");
        }
    }

    /**
     * Fails naming {@code measures} when the sweep asks for more tangent exponents than
     * {@link HessianSpectrum#MAX_PARAMETERS} of a network above that size ({@code spectrum:all} of a
     * 784–64–10 network: 50 890 tangent vectors of 50 890 values each).
     */
    public static void requireSpectrumWithinLimit(SweepSpec sweep, MlpLayout layout) {
        int k = sweep.measures().spectrumK();
        int p = layout.parameterCount();
        if (k > HessianSpectrum.MAX_PARAMETERS && p > HessianSpectrum.MAX_PARAMETERS) {
            int top = 10;
            throw netdyn.BadInputException.of(Measures.class, "measures", ": spectrum:"
                    + (k == Measures.ALL ? "all asks for all " + p : k + " asks for " + k) + " exponents of the "
                    + layout.spec().shape() + " network; " + HessianSpectrum.limitText(p) + "; use spectrum:" + top
                    + " for the top " + top);
        }
    }

    /** Rosenstein's maximal exponent of the loss series' second half; NaN when too short or diverged. */
    static double seriesExponent(double[] loss) {
        double[] second = Arrays.copyOfRange(loss, loss.length / 2, loss.length);
        RosensteinSpec spec = RosensteinSpec.defaults();
        if (second.length < spec.minimumLength() || !allFinite(second)) {
            return Double.NaN;
        }
        try {
            return RosensteinExponent.of(second, spec).exponent();
        } catch (RuntimeException e) {
            return Double.NaN; // a series without neighbours (e.g. constant) has no scalar exponent
        }
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double min(double[] a) {
        double m = Double.NaN;
        for (double v : a) {
            if (Double.isFinite(v) && !(v >= m)) {
                m = v;
            }
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NaN;
        for (double v : a) {
            if (Double.isFinite(v) && !(v <= m)) {
                m = v;
            }
        }
        return m;
    }
}
