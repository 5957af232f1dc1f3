package netdyn.analysis;

import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;

/**
 * One training orbit θ_0, θ_1, …, θ_T of a {@link GradientDescentMap}, streamed to an observer:
 * the loss at every step and snapshots (θ, train/test loss and accuracy) every
 * {@code recordEvery} steps and at the end. A non-finite loss ends the run as a result
 * ("diverged at step t"), not an error.
 *
 * <p>The orbit is the one-orbit form of the training loop, {@link EnsembleRun}: {@link #orbit} hands
 * every step to an {@link OrbitObserver} (the sharpness run and the regime evidence observe it so), and
 * {@link #run} is the observer that records a run.
 *
 * <p>For mini-batch SGD the recorded loss is the full training loss L(θ_t), not the batch loss.
 */
public final class TrainingRun {
    private final MlpSpec spec;
    private final Batch train;
    private final Batch test;
    private final OptimizerSpec optimizer;
    private final int threads;

    /** @param test may be null or empty */
    public TrainingRun(MlpSpec spec, Batch train, Batch test, OptimizerSpec optimizer) {
        this(spec, train, test, optimizer, 1);
    }

    /**
     * @param test    may be null or empty
     * @param threads workers that share each step's layer products (the numbers do not depend on it)
     */
    public TrainingRun(MlpSpec spec, Batch train, Batch test, OptimizerSpec optimizer, int threads) {
        this.spec = spec;
        this.train = train;
        this.test = test == null || test.size() == 0 ? null : test;
        this.optimizer = optimizer;
        this.threads = threads;
    }

    /**
     * Runs {@code steps} steps from θ_0 (the state is (θ, 0) with momentum).
     *
     * @param recordEvery snapshot cadence k ≥ 1
     */
    public TrainingResult run(double[] theta0, long steps, long recordEvery, TrainingObserver observer) {
        if (steps < 1) {
            throw netdyn.BadInputException.of(TrainingRun.class, "steps", "must be >= 1 (got " + steps + ")");
        }
        if (recordEvery < 1) {
            throw netdyn.BadInputException.of(TrainingRun.class, "recordEvery",
                    "must be >= 1 (got " + recordEvery + ")");
        }
        Recorder recorder = new Recorder(steps, recordEvery, observer, new MlpLayout(spec).parameterCount());
        orbit(theta0, steps, recorder);
        return recorder.result;
    }

    /**
     * The orbit from θ_0 over {@code steps} steps, every step t = 0 … T visited by {@code observer} (the
     * state is (θ, 0) with momentum). The run ends early, after its visit, at the first step whose loss
     * L(θ_t) is not finite.
     *
     * @return the step at which the orbit diverged, or −1
     */
    public long orbit(double[] theta0, long steps, OrbitObserver observer) {
        try (EnsembleRun run = new EnsembleRun(spec, train, optimizer, threads)) {
            int p = run.parameterCount();
            if (theta0.length != p) {
                throw new IllegalArgumentException("θ_0 has " + theta0.length + " values, the network " + p);
            }
            double[] x = new double[run.dimension()];
            System.arraycopy(theta0, 0, x, 0, p);
            long[] divergedAt = {-1};
            run.run(x, divergedAt, 0, steps, true, observer);
            return divergedAt[0];
        }
    }

    /** The observer behind {@link #run}: losses and snapshots to a {@link TrainingObserver}, and the result. */
    private final class Recorder implements OrbitObserver {
        private final long steps;
        private final long recordEvery;
        private final TrainingObserver observer;
        private final MlpEvaluator testEval;
        private final double[] thetaView;
        private double lastFinite = Double.NaN;
        TrainingResult result;

        Recorder(long steps, long recordEvery, TrainingObserver observer, int parameters) {
            this.steps = steps;
            this.recordEvery = recordEvery;
            this.observer = observer;
            this.testEval = test == null ? null : new MlpEvaluator(spec, test.size(), threads);
            this.thetaView = new double[parameters];
        }

        @Override
        public boolean needsAccuracy(long t) {
            return t % recordEvery == 0;
        }

        @Override
        public void visit(OrbitStep step) {
            long t = step.t();
            double loss = step.loss(0);
            double[] x = step.states();
            observer.loss(t, loss);
            if (!Double.isFinite(loss)) {
                result = new TrainingResult(true, t, lastFinite, Double.NaN, Double.NaN, Double.NaN,
                        java.util.Arrays.copyOf(x, step.dimension()));
                return;
            }
            if (step.last()) {
                TrainingObserver.Snapshot last = snapshot(t, x, loss, step.trainingCorrect(0));
                result = new TrainingResult(false, steps, loss, last.trainAccuracy(), last.testLoss(),
                        last.testAccuracy(), java.util.Arrays.copyOf(x, thetaView.length));
                return;
            }
            lastFinite = loss;
            if (t % recordEvery == 0) {
                snapshot(t, x, loss, step.trainingCorrect(0));
            }
        }

        private TrainingObserver.Snapshot snapshot(long t, double[] x, double loss, int correct) {
            double testLoss = Double.NaN;
            double testAccuracy = Double.NaN;
            if (testEval != null) {
                testLoss = testEval.loss(x, 0, test);
                testAccuracy = (double) testEval.correctCount() / test.size();
            }
            TrainingObserver.Snapshot s = new TrainingObserver.Snapshot(t, loss, (double) correct / train.size(),
                    testLoss, testAccuracy);
            System.arraycopy(x, 0, thetaView, 0, thetaView.length);
            observer.snapshot(s, thetaView);
            return s;
        }
    }
}
