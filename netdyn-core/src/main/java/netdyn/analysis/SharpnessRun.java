package netdyn.analysis;

import java.util.Arrays;

import netdyn.curvature.HessianSpectrum;
import netdyn.curvature.LanczosEstimator;
import netdyn.dynamics.OptimizerSpec;
import netdyn.dynamics.Preconditioning;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;

/**
 * Sharpness along a training orbit: every {@code every} steps the top eigenvalues of the Hessian of
 * the full training loss at θ_t (Lanczos on exact Hessian-vector products), to be read against the
 * 2/η bound above which gradient descent on a quadratic is unstable (Cohen et al., "Gradient
 * descent on neural networks typically occurs at the edge of stability", ICLR 2021); and the full
 * Hessian spectrum at chosen steps. An observer of the training orbit ({@link TrainingRun#orbit}): the run
 * ends where the orbit diverges.
 */
public final class SharpnessRun {

    /** Receives the series as it is computed. */
    public interface Observer {
        /** Top eigenvalues (descending) and the loss at step t. */
        void sharpness(long t, double loss, double[] top);

        /** The full Hessian spectrum at step t. */
        void fullSpectrum(long t, HessianSpectrum spectrum);

        /**
         * Step t's loss, at every step before anything else of step t (progress: one step of a large network
         * may take a second, and the sharpness samples come every few steps only).
         */
        default void step(long t, double loss) {
        }

        /**
         * The top eigenvalues (descending) of the preconditioned Hessian P⁻¹H of the step from t, for optimizers
         * whose step is not plain η·∇L ({@link Preconditioning}); read against {@link Result#threshold}.
         */
        default void preconditionedSharpness(long t, double[] top) {
        }
    }

    /**
     * How the run ended: steps taken, whether the loss became non-finite, the extremes of λ_max, and of the
     * preconditioned λ_max(P⁻¹H) (its largest from step 1 on: at step 0 an adaptive step divides by the first
     * |g| alone) with the optimizer's threshold (NaN when the step is plain gradient descent or
     * heavy ball with one rate: then they are λ_max itself, and the threshold 2/η or 2(1 + β)/η).
     */
    public record Result(long steps, boolean diverged, double maxSharpness, double finalSharpness,
                         double maxPreconditioned, double finalPreconditioned, double threshold) {
    }

    private final MlpSpec spec;
    private final Batch train;
    private final OptimizerSpec optimizer;
    private final int threads;

    public SharpnessRun(MlpSpec spec, Batch train, OptimizerSpec optimizer) {
        this(spec, train, optimizer, 1);
    }

    /** @param threads workers that share each layer product (the numbers do not depend on it) */
    public SharpnessRun(MlpSpec spec, Batch train, OptimizerSpec optimizer, int threads) {
        this.spec = spec;
        this.train = train;
        this.optimizer = optimizer;
        this.threads = threads;
    }

    /**
     * @param fullAt   steps (sorted or not) at which to compute the full spectrum; T means the end
     * @param top      how many top eigenvalues
     * @param lanczos  Krylov dimension
     */
    public Result run(double[] theta0, long steps, long every, int top, int lanczos, long[] fullAt, double tolerance,
                      long seed, Observer observer) {
        if (every < 1) {
            throw netdyn.BadInputException.of(SharpnessRun.class, "every", "must be >= 1 (got " + every + ")");
        }
        MlpEvaluator full = new MlpEvaluator(spec, train.size(), threads);
        LanczosEstimator estimator = new LanczosEstimator(full, lanczos);
        Preconditioning preconditioning = new Preconditioning(optimizer, new MlpLayout(spec));
        boolean preconditioned = !preconditioning.plain();
        long[] fulls = fullAt.clone();
        Arrays.sort(fulls);
        double[] theta = new double[theta0.length];
        var sampler = new OrbitObserver() {
            double max = Double.NEGATIVE_INFINITY;
            double last = Double.NaN;
            double maxP = preconditioned ? Double.NEGATIVE_INFINITY : Double.NaN;
            double lastP = Double.NaN;
            Result result;

            Result result(long at, boolean diverged) {
                return new Result(at, diverged, max, last, maxP, lastP, preconditioning.threshold());
            }

            @Override
            public void visit(OrbitStep step) {
                long t = step.t();
                double loss = step.loss(0);
                observer.step(t, loss);
                if (!Double.isFinite(loss)) {
                    result = result(t, true);
                    return;
                }
                boolean sample = t % every == 0 || step.last();
                boolean fullSpectrum = Arrays.binarySearch(fulls, t) >= 0;
                if (sample || fullSpectrum) {
                    System.arraycopy(step.states(), 0, theta, 0, theta.length);
                }
                if (sample) {
                    double[] eig = estimator.topEigenvalues(theta, train, top, seed);
                    observer.sharpness(t, loss, eig);
                    max = Math.max(max, eig[0]);
                    last = eig[0];
                    if (preconditioned) {
                        double[] pre = preconditioning.topEigenvalues(estimator, t, step.states(), theta, train, top,
                                seed);
                        observer.preconditionedSharpness(t, pre);
                        if (t > 0 || step.last()) {
                            maxP = Math.max(maxP, pre[0]); // at step 0 the moments are the first g² alone
                        }
                        lastP = pre[0];
                    }
                }
                if (fullSpectrum) {
                    observer.fullSpectrum(t, HessianSpectrum.of(full, theta, train, tolerance));
                }
                if (step.last()) {
                    result = result(steps, false);
                }
            }
        };
        new TrainingRun(spec, train, null, optimizer, threads).orbit(theta0, steps, sampler);
        return sampler.result;
    }
}
