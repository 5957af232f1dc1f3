package netdyn.analysis;

import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpSpec;

/**
 * One training orbit θ_0, θ_1, …, θ_T of a {@link GradientDescentMap}, streamed to an observer:
 * the loss at every step and snapshots (θ, train/test loss and accuracy) every
 * {@code recordEvery} steps and at the end. A non-finite loss ends the run as a result
 * ("diverged at step t"), not an error.
 *
 * <p>For mini-batch SGD the recorded loss is the full training loss L(θ_t), not the batch loss.
 */
public final class TrainingRun {
    private final MlpSpec spec;
    private final Batch train;
    private final Batch test;
    private final OptimizerSpec optimizer;

    /** @param test may be null or empty */
    public TrainingRun(MlpSpec spec, Batch train, Batch test, OptimizerSpec optimizer) {
        this.spec = spec;
        this.train = train;
        this.test = test == null || test.size() == 0 ? null : test;
        this.optimizer = optimizer;
    }

    /**
     * Runs {@code steps} steps from θ_0 (the state is (θ, 0) with momentum).
     *
     * @param recordEvery snapshot cadence k ≥ 1
     */
    public TrainingResult run(double[] theta0, long steps, long recordEvery, TrainingObserver observer) {
        if (steps < 1) {
            throw new netdyn.BadInputException("--steps must be >= 1 (got " + steps + ")");
        }
        if (recordEvery < 1) {
            throw new netdyn.BadInputException("--record-every must be >= 1 (got " + recordEvery + ")");
        }
        GradientDescentMap map = new GradientDescentMap(spec, train, optimizer);
        int p = map.parameterCount();
        if (theta0.length != p) {
            throw new IllegalArgumentException("θ_0 has " + theta0.length + " values, the network " + p);
        }
        MlpEvaluator testEval = test == null ? null : new MlpEvaluator(spec, test.size());
        double[] x = new double[map.dimension()];
        double[] next = new double[map.dimension()];
        System.arraycopy(theta0, 0, x, 0, p);
        double[] thetaView = new double[p];
        double lastFinite = Double.NaN;
        for (long t = 0; t < steps; t++) {
            map.step(t, x, next);
            double loss = map.trainingLoss(x);
            observer.loss(t, loss);
            if (!Double.isFinite(loss)) {
                return new TrainingResult(true, t, lastFinite, Double.NaN, Double.NaN, Double.NaN, x.clone());
            }
            lastFinite = loss;
            if (t % recordEvery == 0) {
                int correct = map.trainingCorrect();
                snapshot(observer, t, x, thetaView, loss, correct, testEval);
            }
            double[] swap = x;
            x = next;
            next = swap;
        }
        double loss = map.lossOnTrainingSet(x);
        int correct = map.trainingCorrect();
        observer.loss(steps, loss);
        if (!Double.isFinite(loss)) {
            return new TrainingResult(true, steps, lastFinite, Double.NaN, Double.NaN, Double.NaN, x.clone());
        }
        TrainingObserver.Snapshot last = snapshot(observer, steps, x, thetaView, loss, correct, testEval);
        return new TrainingResult(false, steps, loss, last.trainAccuracy(), last.testLoss(), last.testAccuracy(),
                java.util.Arrays.copyOf(x, p));
    }

    private TrainingObserver.Snapshot snapshot(TrainingObserver observer, long t, double[] x, double[] thetaView,
                                               double loss, int correct, MlpEvaluator testEval) {
        double testLoss = Double.NaN;
        double testAccuracy = Double.NaN;
        if (testEval != null) {
            testLoss = testEval.loss(x, 0, test);
            testAccuracy = (double) testEval.correctCount() / test.size();
        }
        TrainingObserver.Snapshot s = new TrainingObserver.Snapshot(t, loss, (double) correct / train.size(), testLoss,
                testAccuracy);
        System.arraycopy(x, 0, thetaView, 0, thetaView.length);
        observer.snapshot(s, thetaView);
        return s;
    }
}
