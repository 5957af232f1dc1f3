package netdyn.sweep;

import java.util.Arrays;

import netdyn.analysis.RegimeClassifier;
import netdyn.analysis.RegimeEvidence;
import netdyn.curvature.LanczosEstimator;
import netdyn.dynamics.GradientDescentMap;
import netdyn.lyapunov.FiniteTimeFit;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumResult;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.lyapunov.TwinOrbitEstimator;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;
import netdyn.series.RosensteinExponent;
import netdyn.series.RosensteinSpec;

/**
 * Runs one task and measures what the sweep asks for. The reference orbit is trained once, with the
 * nMLE replicas stepped beside it (the study's protocol for one init: weights perturbed by U(−ε, ε)
 * at step 0, ℓ1 distance over all parameters, replica mean, best-R² window fit, kept when R² &gt; 0.9
 * and slope &gt; 0.05); one QR pass gives the tangent spectrum and the regime rule's late λ1 (the regime
 * evidence otherwise reads the reference pass's losses and θ_T), and the twin orbit runs its own pass from
 * the same θ_0. Single-threaded: a sweep runs tasks in parallel instead.
 *
 * <p>Row fields: see {@code README.md} ("netdyn sweep", columns). Values that a diverged run cannot
 * have are NaN (null in JSON).
 */
public final class TaskMeasurer {
    /** Sharpness samples along the run (plus the final θ). */
    static final int SHARPNESS_SAMPLES = 20;
    static final int LANCZOS_ITERATIONS = 30;
    static final double TWIN_DISTANCE = 1e-8;

    private TaskMeasurer() {
    }

    public static TaskResult measure(SweepSpec sweep, SweepTask task, TaskProblem problem) {
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
        out.put("task", task.index());
        task.setting().forEach((name, value) -> out.put(name, name.startsWith("lr") ? (Object) Double.valueOf(value)
                : name.equals("seed") ? (Object) Long.valueOf(value) : value));
        out.put("init", task.init());
        Reference ref = reference(sweep, problem, map, x0, layout, Seeds.derive(seed, "sweep-perturbation", id),
                Seeds.derive(seed, "sweep-lanczos", id));
        out.put("status", ref.divergedAt < 0 ? "ok" : "diverged");
        out.put("divergedAtStep", ref.divergedAt);
        out.put("finalLoss", ref.loss[ref.loss.length - 1]);
        out.put("minLoss", min(ref.loss));
        out.put("initialLoss", ref.loss[0]);
        out.put("chanceLoss", problem.spec().loss() == netdyn.nn.LossKind.CE ? Math.log(problem.spec().outputs())
                : Double.NaN);
        if (m.accuracy()) {
            out.put("trainAccuracy", ref.trainAccuracy);
            out.put("testAccuracy", ref.testAccuracy);
            out.put("stepsToTarget", ref.stepsToTarget);
        }
        if (m.nmle()) {
            FiniteTimeFit.Window w = FiniteTimeFit.STUDY.best(ref.distance);
            boolean pass = w.passes(FiniteTimeFit.STUDY_MIN_R2, FiniteTimeFit.STUDY_MIN_SLOPE);
            out.put("nmle", w.slope());
            out.put("nmleR2", w.r2() == Double.NEGATIVE_INFINITY ? Double.NaN : w.r2());
            out.put("nmlePassed", pass ? 1 : 0);
            out.put("distanceFinal", ref.distance[ref.distance.length - 1]);
            out.put("distanceMax", max(ref.distance));
            out.series("distance", ref.distance);
        }
        if (m.twin()) {
            TwinOrbitEstimator.Result twin = TwinOrbitEstimator.run(
                    new GradientDescentMap(problem.spec(), problem.train(), problem.optimizer()), x0, 0,
                    sweep.steps(), TWIN_DISTANCE, Seeds.derive(seed, "sweep-twin", id));
            out.put("lambdaTwin", twin.failure() == null ? twin.exponent() : Double.NaN);
        }
        if (m.sharpness()) {
            double eta = problem.optimizer().learningRate();
            out.put("sharpnessFinal", ref.sharpnessFinal);
            out.put("sharpnessMax", ref.sharpnessMax);
            out.put("eosRatioFinal", ref.sharpnessFinal * eta / 2);
            out.put("eosRatioMax", ref.sharpnessMax * eta / 2);
        }
        if (m.spectrumK() > 0 || m.series()) {
            Tangent tangent = tangent(sweep, problem, x0, Seeds.derive(seed, "sweep-qr", id));
            if (m.spectrumK() > 0) {
                SpectrumResult s = tangent.result; // k = min(K, dimension) exponents when K > 0
                double[] exponents = s.completed() ? s.exponents() : nans(Math.min(m.spectrumK(), dim));
                out.put("lambdaTangent", exponents[0]);
                out.put("spectrumSum", s.completed() ? s.sumOfExponents() : Double.NaN);
                out.put("kaplanYorke", s.completed() && exponents.length == dim ? s.kaplanYorkeDimension()
                        : Double.NaN);
                out.put("spectrum", exponents);
            }
            if (m.series()) {
                RegimeEvidence.Measured e = RegimeEvidence.fromOrbit(problem.spec(), problem.train(),
                        problem.optimizer(), ref.loss, ref.last == null ? null : Arrays.copyOf(ref.last, p),
                        tangent.lambdaLate,
                        ref.divergedAt, Seeds.derive(seed, "sweep-series", id));
                RegimeClassifier.Regime regime = RegimeClassifier.classify(e.evidence());
                RegimeClassifier.Evidence ev = e.evidence();
                out.put("regime", regime.label());
                out.put("regimeReasons", String.join("; ", regime.reasons()));
                out.put("lambdaLate", ev.lambda1());
                out.put("zeroOneK", ev.zeroOneK());
                out.put("laminarFraction", ev.laminarFraction());
                out.put("fractionRising", ev.fractionIncreasing());
                out.put("periodicShare", ev.periodicShare());
                out.put("period", ev.dominantPeriod());
                out.put("lambdaSeries", seriesExponent(ref.loss));
            }
        }
        out.put("lossTail", Arrays.copyOfRange(ref.loss, Math.max(0, ref.loss.length - sweep.tail()),
                ref.loss.length));
        if (sweep.tailWeight() >= 0) {
            out.put("weightTail", ref.weightTail);
        }
        out.series("loss", ref.loss);
        return out;
    }

    /** What the reference pass gives. */
    private static final class Reference {
        double[] loss;
        double[] distance;
        long divergedAt = -1;
        double trainAccuracy = Double.NaN;
        double testAccuracy = Double.NaN;
        long stepsToTarget = -1;
        double sharpnessFinal = Double.NaN;
        double sharpnessMax = Double.NaN;
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
    private static Tangent tangent(SweepSpec sweep, TaskProblem problem, double[] x0, long seed) {
        GradientDescentMap map = new GradientDescentMap(problem.spec(), problem.train(), problem.optimizer());
        int k = Math.min(Math.max(sweep.measures().spectrumK(), 1), map.dimension());
        long steps = sweep.steps();
        long half = steps / 2;
        double[] firstColumn = {Double.NaN, Double.NaN}; // running estimates at T/2 and T
        SpectrumResult s = new QrSpectrumEstimator(map, k).run(x0.clone(),
                new SpectrumSpec(steps, 0, k, 1, false, seed), (step, estimates) -> {
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

    private static Reference reference(SweepSpec sweep, TaskProblem problem, GradientDescentMap map, double[] x0,
                                       MlpLayout layout, long perturbationSeed, long lanczosSeed) {
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
        LanczosEstimator lanczos = m.sharpness() ? new LanczosEstimator(trainEval, LANCZOS_ITERATIONS) : null;
        int sharpnessEvery = Math.max(1, steps / SHARPNESS_SAMPLES);

        int replicas = m.nmle() ? sweep.replicas() : 0;
        double[][] reps = new double[replicas][];
        double[][] repNext = new double[replicas][dim];
        boolean[] weight = layout.weightMask();
        int perturbed = layout.weightCount();
        for (int q = 0; q < replicas; q++) {
            reps[q] = x0.clone();
            SplitMix64 rng = Seeds.generator(perturbationSeed, "replica", q);
            for (int i = 0; i < p; i++) {
                if (weight[i]) {
                    reps[q][i] += sweep.epsilon() * rng.nextUniform(-1, 1);
                }
            }
        }
        if (m.nmle()) {
            r.distance = new double[steps + 1];
            Arrays.fill(r.distance, Double.NaN);
        }
        double scale = perturbed * sweep.epsilon();

        int tracked = sweep.tailWeight();
        int tailStart = Math.max(0, steps + 1 - sweep.tail());
        if (tracked >= 0) {
            requireTailWeight(sweep, layout);
            r.weightTail = new double[steps + 1 - tailStart];
            Arrays.fill(r.weightTail, Double.NaN);
        }

        double[] x = x0.clone();
        double[] next = new double[dim];
        for (int t = 0; t <= steps; t++) {
            if (tracked >= 0 && t >= tailStart && Double.isFinite(x[tracked])) {
                r.weightTail[t - tailStart] = x[tracked];
            }
            if (replicas > 0) {
                double d = 0;
                for (double[] rep : reps) {
                    double s = 0;
                    for (int i = 0; i < p; i++) {
                        s += Math.abs(rep[i] - x[i]);
                    }
                    d += s;
                }
                r.distance[t] = d / replicas / scale;
            }
            if (testEval != null) {
                testEval.loss(x, 0, problem.test());
                double acc = (double) testEval.correctCount() / problem.test().size();
                if (acc >= sweep.target() && r.stepsToTarget < 0) {
                    r.stepsToTarget = t;
                }
                r.testAccuracy = acc;
            }
            if (lanczos != null && (t % sharpnessEvery == 0 || t == steps)) {
                double s = lanczos.topEigenvalues(x, problem.train(), 1, Seeds.derive(lanczosSeed, "step", t))[0];
                r.sharpnessMax = Double.isNaN(r.sharpnessMax) ? s : Math.max(r.sharpnessMax, s);
                r.sharpnessFinal = s;
            }
            if (t == steps) {
                r.loss[t] = trainEval.loss(x, 0, problem.train());
                r.trainAccuracy = (double) trainEval.correctCount() / problem.train().size();
            } else {
                map.step(t, x, next);
                r.loss[t] = map.trainingLoss(x);
            }
            if (!Double.isFinite(r.loss[t])) {
                r.divergedAt = t;
                r.loss[t] = Double.NaN;
                r.trainAccuracy = Double.NaN;
                r.testAccuracy = Double.NaN;
                r.sharpnessFinal = Double.NaN;
                break;
            }
            if (t == steps) {
                r.last = x;
                break;
            }
            for (int q = 0; q < replicas; q++) {
                map.step(t, reps[q], repNext[q]);
                double[] s = reps[q];
                reps[q] = repNext[q];
                repNext[q] = s;
            }
            double[] s = x;
            x = next;
            next = s;
        }
        return r;
    }

    /** Fails naming --tail-weight when the sweep tracks a parameter this network does not have. */
    public static void requireTailWeight(SweepSpec sweep, MlpLayout layout) {
        int p = layout.parameterCount();
        if (sweep.tailWeight() >= p) {
            throw new netdyn.BadInputException("--tail-weight " + sweep.tailWeight() + " is outside θ of the "
                    + layout.spec().shape() + " network (P = " + p + ", indices 0.." + (p - 1) + ")");
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
