package netdyn.analysis;

import java.util.ArrayList;
import java.util.List;

import netdyn.dynamics.OptimizerSpec;
import netdyn.lyapunov.FiniteTimeFit;
import netdyn.lyapunov.ShortPhaseFit;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;

/**
 * The orbital-stability protocol of the reference study (SCIENCE.md §2) as one batched computation:
 * for every ε, all inits × (1 reference + R replicas) advance together as one {@link EnsembleRun}, and
 * the distance of every replica to its reference is taken after every step. The nMLE is the
 * best-R² slope of ln d̄(t) (replica mean first, then the logarithm), kept when R² and slope pass
 * their thresholds; mean ± std over the inits that pass. Each init's part is {@link PerturbedReplicas},
 * the code a sweep task's nMLE runs too.
 *
 * <p>An orbit diverges where the training loop says it does (its loss becomes non-finite): a reference's
 * loss and norm after that step are NaN, and so is a replica's distance once it or its reference has
 * diverged. The run stops early when every orbit has diverged.
 *
 * <p>Results are the same on any number of threads (each trajectory's arithmetic does not depend on
 * the slicing; reductions run in a fixed order).
 */
public final class DivergenceExperiment {

    /** Streams what is too large to keep: every replica's distance curve, and progress. */
    public interface Observer {
        /** distances[r][u], u = 0..followSteps, for replica r of init i at the j-th ε. */
        default void replicaDistances(int epsIndex, int init, double[][] distances) {
        }

        /** Called after each ensemble step: steps done of all (the pre-perturbation run, then each ε in turn). */
        default void progress(long done, long total) {
        }
    }

    private final MlpSpec spec;
    private final Batch train;
    private final OptimizerSpec optimizer;
    private final InitSpec init;

    public DivergenceExperiment(MlpSpec spec, Batch train, OptimizerSpec optimizer, InitSpec init) {
        this.spec = spec;
        this.train = train;
        this.optimizer = optimizer;
        this.init = init;
    }

    public DivergenceResult run(DivergenceSpec d, Observer observer) {
        MlpLayout layout = new MlpLayout(spec);
        int p = layout.parameterCount();
        boolean[] weight = layout.weightMask();
        int perturbed = d.weightsOnly() ? layout.weightCount() : p;
        int n = d.inits();
        int rr = d.replicas();
        long follow = d.followSteps();
        long totalWork = d.totalWork();
        long[] done = {0};

        try (EnsembleRun run = new EnsembleRun(spec, train, optimizer, d.threads())) {
            int dim = run.dimension(); // P, or 2P with momentum (velocity starts at 0)
            // reference runs up to the perturbation
            double[] refStates = new double[n * dim];
            for (int i = 0; i < n; i++) {
                init.initialize(layout, d.seed(), i, refStates, i * dim);
            }
            double[] theta0 = new double[n * p];
            for (int i = 0; i < n; i++) {
                System.arraycopy(refStates, i * dim, theta0, i * p, p);
            }
            // a reference's values after it diverged are not an orbit's: NaN
            double[][] loss = nans(n, (int) d.steps() + 1);
            double[][] weightNorm = nans(n, (int) d.steps() + 1);
            double[] pathLength = new double[p];
            long[] refDiverged = new long[n];
            java.util.Arrays.fill(refDiverged, -1);
            run.run(refStates, refDiverged, 0, d.perturbAt(), false, step -> {
                recordReference(step, p, n, 1, loss, weightNorm, pathLength);
                observer.progress(++done[0], totalWork);
            });

            List<DivergenceResult.PerEpsilon> results = new ArrayList<>();
            double[] finalTheta = new double[n * p];
            java.util.Arrays.fill(finalTheta, Double.NaN); // θ_T of a reference that diverged before T
            int block = rr + 1;
            for (int j = 0; j < d.epsilons().length; j++) {
                double eps = d.epsilons()[j];
                double[] states = new double[n * block * dim];
                long[] divergedAt = new long[n * block];
                for (int i = 0; i < n; i++) {
                    for (int r = 0; r < block; r++) {
                        System.arraycopy(refStates, i * dim, states, (i * block + r) * dim, dim);
                        divergedAt[i * block + r] = refDiverged[i];
                    }
                    // the same unit perturbation at every ε, scaled: curves for different ε differ only
                    // by the dynamics' nonlinearity, so their collapse tests linear response directly
                    PerturbedReplicas.perturb(states, i * block, rr, dim, p, d.weightsOnly() ? weight : null,
                            d.normal(), eps, d.seed(), i);
                }
                double[][][] dist = new double[n][][];
                for (int i = 0; i < n; i++) {
                    dist[i] = nans(rr, (int) follow + 1);
                }
                boolean recordRef = j == 0; // the references are the same for every ε: record them once
                run.run(states, divergedAt, d.perturbAt(), d.steps(), true, step -> {
                    int u = (int) (step.t() - d.perturbAt());
                    for (int i = 0; i < n; i++) {
                        PerturbedReplicas.distances(step, i * block, rr, p, d.norm(), dist[i], u);
                    }
                    if (step.last()) {
                        if (recordRef) {
                            recordFinal(step, p, n, block, (int) d.steps(), finalTheta, loss, weightNorm);
                        }
                        return;
                    }
                    if (recordRef) {
                        recordReference(step, p, n, block, loss, weightNorm, pathLength);
                    }
                    observer.progress(++done[0], totalWork);
                });
                if (j == 0) {
                    for (int i = 0; i < n; i++) {
                        refDiverged[i] = divergedAt[i * block];
                    }
                    if (refDiverged[0] >= 0) {
                        java.util.Arrays.fill(pathLength, Double.NaN);
                    }
                }
                for (int i = 0; i < n; i++) {
                    observer.replicaDistances(j, i, dist[i]);
                }
                results.add(summarise(d, eps, dist, perturbed));
            }
            return new DivergenceResult(results, reference(theta0, finalTheta, loss, weightNorm, pathLength, p,
                    weight, refDiverged), perturbed);
        }
    }

    /**
     * Records loss, ‖θ‖₁ and (init 0) path length of the references (row 0 of each block) at step t, while
     * each has not diverged.
     */
    private static void recordReference(OrbitStep step, int p, int n, int block, double[][] loss,
                                        double[][] weightNorm, double[] pathLength) {
        int t = (int) step.t();
        double[] states = step.states();
        for (int i = 0; i < n; i++) {
            if (!step.ended(i * block)) {
                int o = step.offset(i * block);
                loss[i][t] = step.loss(i * block);
                weightNorm[i][t] = l1(states, o, p);
            }
        }
        if (!step.ended(0)) {
            double[] next = step.next();
            for (int q = 0; q < p; q++) {
                pathLength[q] += Math.abs(next[q] - states[q]);
            }
        }
    }

    /** θ_T, L(θ_T) and ‖θ_T‖₁ of the references that reached T. */
    private static void recordFinal(OrbitStep step, int p, int n, int block, int steps, double[] finalTheta,
                                    double[][] loss, double[][] weightNorm) {
        double[] states = step.states();
        for (int i = 0; i < n; i++) {
            if (!step.ended(i * block)) {
                int o = step.offset(i * block);
                System.arraycopy(states, o, finalTheta, i * p, p);
                loss[i][steps] = step.loss(i * block);
                weightNorm[i][steps] = l1(states, o, p);
            }
        }
    }

    private static double[][] nans(int rows, int columns) {
        double[][] a = new double[rows][columns];
        for (double[] row : a) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return a;
    }

    private static double l1(double[] a, int o, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(a[o + i]);
        }
        return s;
    }

    private static DivergenceResult.PerEpsilon summarise(DivergenceSpec d, double eps, double[][][] dist,
                                                         int perturbed) {
        int n = dist.length;
        int len = dist[0][0].length;
        double[][] mean = new double[n][];
        FiniteTimeFit.Window[] fits = new FiniteTimeFit.Window[n];
        int passed = 0;
        double init = 0;
        double fin = 0;
        double max = 0;
        double scale = perturbed * eps;
        for (int i = 0; i < n; i++) {
            PerturbedReplicas.Fit f = PerturbedReplicas.fit(dist[i], d.fit());
            mean[i] = f.mean();
            init += mean[i][0] / scale;
            fin += mean[i][len - 1] / scale;
            max += f.max() / scale;
            fits[i] = f.window();
            if (fits[i].passes(d.minR2(), d.minSlope())) {
                passed++;
            }
        }
        double[] study = new double[passed];
        int q = 0;
        for (FiniteTimeFit.Window w : fits) {
            if (w.passes(d.minR2(), d.minSlope())) {
                study[q++] = w.slope();
            }
        }
        ShortPhaseFit.Result[] rises = new ShortPhaseFit.Result[n];
        int shortPassed = 0;
        for (int i = 0; i < n; i++) {
            rises[i] = ShortPhaseFit.STANDARD.fit(mean[i]);
            shortPassed += rises[i].passes() ? 1 : 0;
        }
        double[] rise = new double[shortPassed];
        q = 0;
        for (ShortPhaseFit.Result r : rises) {
            if (r.passes()) {
                rise[q++] = r.slope();
            }
        }
        return new DivergenceResult.PerEpsilon(eps, mean, fits, meanOf(study), stdOf(study), passed, init / n,
                fin / n, max / n, rises, meanOf(rise), stdOf(rise), shortPassed);
    }

    /** The mean of the values, NaN without any. */
    private static double meanOf(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }

    /** The sample standard deviation (from the sums of the values and their squares), NaN with fewer than two. */
    private static double stdOf(double[] v) {
        double sum = 0;
        double sumSq = 0;
        for (double x : v) {
            sum += x;
            sumSq += x * x;
        }
        int n = v.length;
        double m = sum / n;
        return n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - n * m * m) / (n - 1)));
    }

    private DivergenceResult.Reference reference(double[] theta0, double[] thetaT, double[][] loss,
                                                 double[][] weightNorm, double[] pathLength, int p, boolean[] weight,
                                                 long[] divergedAt) {
        int n = loss.length;
        double[] displacement = new double[n];
        for (int i = 0; i < n; i++) {
            double num = 0;
            for (int q = 0; q < p; q++) {
                num += Math.abs(thetaT[i * p + q] - theta0[i * p + q]);
            }
            displacement[i] = num / l1(theta0, i * p, p);
        }
        double[] change = new double[p];
        double[] importance = new double[p];
        double[] theta = java.util.Arrays.copyOf(thetaT, p);
        MlpEvaluator ev = new MlpEvaluator(spec, train.size());
        double base = ev.loss(theta, 0, train);
        for (int q = 0; q < p; q++) {
            change[q] = Math.abs(thetaT[q] - theta0[q]) / Math.abs(theta0[q]);
            if (weight[q]) {
                double keep = theta[q];
                theta[q] = 0;
                importance[q] = ev.loss(theta, 0, train) / base;
                theta[q] = keep;
            } else {
                importance[q] = Double.NaN;
            }
        }
        return new DivergenceResult.Reference(loss, weightNorm, displacement, change, pathLength, importance,
                divergedAt);
    }
}
