package netdyn.analysis;

import java.util.ArrayList;
import java.util.List;

import netdyn.dynamics.Ensemble;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.lyapunov.FiniteTimeFit;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * The orbital-stability protocol of the reference study (SCIENCE.md §2) as one batched computation:
 * for every ε, all inits × (1 reference + R replicas) advance together as one {@link Ensemble}, and
 * the distance of every replica to its reference is taken after every step. The nMLE is the
 * best-R² slope of ln d̄(t) (replica mean first, then the logarithm), kept when R² and slope pass
 * their thresholds; mean ± std over the inits that pass.
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
        long done = 0;

        try (Ensemble ensemble = new Ensemble(() -> new GradientDescentMap(spec, train, optimizer), d.threads())) {
            int dim = ensemble.dimension(); // P, or 2P with momentum (velocity starts at 0)
            // reference runs up to the perturbation
            double[] refStates = new double[n * dim];
            for (int i = 0; i < n; i++) {
                init.initialize(layout, d.seed(), i, refStates, i * dim);
            }
            double[] theta0 = new double[n * p];
            for (int i = 0; i < n; i++) {
                System.arraycopy(refStates, i * dim, theta0, i * p, p);
            }
            double[][] loss = new double[n][(int) d.steps() + 1];
            double[][] weightNorm = new double[n][(int) d.steps() + 1];
            double[] pathLength = new double[p];
            double[] next = new double[n * dim];
            double[] losses = new double[n];
            for (long t = 0; t < d.perturbAt(); t++) {
                ensemble.step(t, refStates, next, n, losses, null);
                recordReference(refStates, next, dim, p, n, 1, t, losses, loss, weightNorm, pathLength);
                double[] s = refStates;
                refStates = next;
                next = s;
                observer.progress(++done, totalWork);
            }

            List<DivergenceResult.PerEpsilon> results = new ArrayList<>();
            double[] finalTheta = null;
            int block = rr + 1;
            for (int j = 0; j < d.epsilons().length; j++) {
                double eps = d.epsilons()[j];
                double[] states = new double[n * block * dim];
                double[] after = new double[n * block * dim];
                double[] stepLosses = new double[n * block];
                for (int i = 0; i < n; i++) {
                    for (int r = 0; r < block; r++) {
                        System.arraycopy(refStates, i * dim, states, (i * block + r) * dim, dim);
                    }
                    for (int r = 1; r < block; r++) {
                        // the same unit perturbation at every ε, scaled: curves for different ε differ only
                        // by the dynamics' nonlinearity, so their collapse tests linear response directly
                        SplitMix64 rng = Seeds.generator(d.seed(), "perturbation", i, r - 1);
                        int o = (i * block + r) * dim;
                        for (int q = 0; q < p; q++) {
                            if (!d.weightsOnly() || weight[q]) {
                                states[o + q] += eps * (d.normal() ? rng.nextGaussian() : rng.nextUniform(-1, 1));
                            }
                        }
                    }
                }
                double[][][] dist = new double[n][rr][(int) follow + 1];
                boolean recordRef = j == 0; // the references are the same for every ε: record them once
                for (long u = 0; u <= follow; u++) {
                    for (int i = 0; i < n; i++) {
                        int ref = i * block * dim;
                        for (int r = 1; r < block; r++) {
                            dist[i][r - 1][(int) u] = d.norm().distance(states, (i * block + r) * dim, states, ref, p);
                        }
                    }
                    if (u == follow) {
                        break;
                    }
                    long t = d.perturbAt() + u;
                    ensemble.step(t, states, after, n * block, stepLosses, null);
                    if (recordRef) {
                        recordReference(states, after, dim, p, n, block, t, stepLosses, loss, weightNorm, pathLength);
                    }
                    double[] s = states;
                    states = after;
                    after = s;
                    observer.progress(++done, totalWork);
                }
                if (j == 0) {
                    finalTheta = new double[n * p];
                    MlpEvaluator ev = new MlpEvaluator(spec, train.size());
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(states, i * block * dim, finalTheta, i * p, p);
                        loss[i][(int) d.steps()] = ev.loss(states, i * block * dim, train);
                        weightNorm[i][(int) d.steps()] = l1(states, i * block * dim, p);
                    }
                }
                for (int i = 0; i < n; i++) {
                    observer.replicaDistances(j, i, dist[i]);
                }
                results.add(summarise(d, eps, dist, perturbed));
            }
            return new DivergenceResult(results, reference(theta0, finalTheta, loss, weightNorm, pathLength, p,
                    weight), perturbed);
        }
    }

    /** Records loss, ‖θ‖₁ and (init 0) path length of the references (row 0 of each block) at step t. */
    private static void recordReference(double[] states, double[] next, int dim, int p, int n, int block, long t,
                                           double[] stepLosses, double[][] loss, double[][] weightNorm,
                                           double[] pathLength) {
        for (int i = 0; i < n; i++) {
            int o = i * block * dim;
            loss[i][(int) t] = stepLosses[i * block];
            weightNorm[i][(int) t] = l1(states, o, p);
        }
        for (int q = 0; q < p; q++) {
            pathLength[q] += Math.abs(next[q] - states[q]);
        }
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
        double[][] mean = new double[n][len];
        FiniteTimeFit.Window[] fits = new FiniteTimeFit.Window[n];
        double sum = 0;
        double sumSq = 0;
        int passed = 0;
        double init = 0;
        double fin = 0;
        double max = 0;
        double scale = perturbed * eps;
        for (int i = 0; i < n; i++) {
            for (double[] replica : dist[i]) {
                for (int u = 0; u < len; u++) {
                    mean[i][u] += replica[u];
                }
            }
            double m = Double.NEGATIVE_INFINITY;
            for (int u = 0; u < len; u++) {
                mean[i][u] /= dist[i].length;
                m = Math.max(m, mean[i][u]);
            }
            init += mean[i][0] / scale;
            fin += mean[i][len - 1] / scale;
            max += m / scale;
            fits[i] = d.fit().best(mean[i]);
            if (fits[i].passes(d.minR2(), d.minSlope())) {
                passed++;
                sum += fits[i].slope();
                sumSq += fits[i].slope() * fits[i].slope();
            }
        }
        double nmle = passed == 0 ? Double.NaN : sum / passed;
        double std = passed < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - passed * nmle * nmle) / (passed - 1)));
        return new DivergenceResult.PerEpsilon(eps, mean, fits, nmle, std, passed, init / n, fin / n, max / n);
    }

    private DivergenceResult.Reference reference(double[] theta0, double[] thetaT, double[][] loss,
                                                 double[][] weightNorm, double[] pathLength, int p, boolean[] weight) {
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
        return new DivergenceResult.Reference(loss, weightNorm, displacement, change, pathLength, importance);
    }
}
