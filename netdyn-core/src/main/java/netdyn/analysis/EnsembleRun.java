package netdyn.analysis;

import netdyn.dynamics.Ensemble;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpSpec;

/**
 * The training loop: R orbits θ_t of one gradient-descent map advanced together (one [R × dimension]
 * array, one batched {@link Ensemble} step) and shown to an {@link OrbitObserver} at every step. It is
 * the only place where netdyn steps a training map and decides that an orbit diverged; a single run
 * ({@link TrainingRun}), the sharpness run, the regime evidence, the divergence protocol and a sweep
 * task are observers of it. (QR spectra and twin orbits are estimators over any map and run their own
 * loops over it.)
 *
 * <p>Per step t: the batched step computes θ_{t+1} and L(θ_t) of every orbit (with mini-batches L is
 * then taken on the whole training set, one more forward pass per orbit, as a run records it); an orbit
 * whose L(θ_t) is not finite diverged at t; the observer visits step t. The last visit (t = T, when the
 * run finishes there) evaluates L(θ_T) by a forward pass. The loop stops after the visit at which the last
 * orbit diverged. Rows do not interact, so every orbit's numbers are the same whatever R and the thread
 * count are: a one-orbit run and row r of an ensemble agree bit for bit.
 *
 * <p>Reusable: it owns its threads and workspace (close it) and runs any number of times, e.g. once up to a
 * perturbation and once per perturbation size after it. Not thread-safe. Allocates nothing per step.
 */
public final class EnsembleRun implements AutoCloseable {
    private final Batch train;
    private final boolean fullBatch;
    private final Ensemble ensemble;
    private final GradientDescentMap map;
    private final MlpEvaluator wholeSet;
    private final int dimension;
    // workspace, grown to the largest ensemble run so far
    private double[] work = new double[0];
    private double[] workLosses = new double[0];
    private int[] workCorrect = new int[0];

    /** @param threads worker threads for the batched step (1 steps on the caller's thread) */
    public EnsembleRun(MlpSpec spec, Batch train, OptimizerSpec optimizer, int threads) {
        this.train = train;
        this.fullBatch = optimizer.fullBatch();
        this.ensemble = new Ensemble(() -> new GradientDescentMap(spec, train, optimizer), threads);
        this.map = ensemble.firstMap();
        this.wholeSet = new MlpEvaluator(spec, train.size(), threads);
        this.dimension = ensemble.dimension();
    }

    /** Values per orbit: P, or 2P with momentum (the velocity starts at 0). */
    public int dimension() {
        return dimension;
    }

    /** P, the network's parameter count. */
    public int parameterCount() {
        return map.parameterCount();
    }

    /**
     * Advances the orbits from step {@code from} to step {@code to}, visiting t = from … to − 1 and, when
     * {@code finish}, t = to as the end of the run. Without {@code finish} the states end at θ_to, ready
     * for another call from there (e.g. after replicas are perturbed).
     *
     * @param states     [R × dimension]: θ_from of every orbit on entry; on return the states at the
     *                   returned step (modified)
     * @param divergedAt [R]: the step at which each orbit diverged, −1 if it has not; read (an orbit that
     *                   diverged before {@code from} has ended) and written. R = its length.
     * @return the step whose states {@code states} holds: {@code to}, or the step at which the last orbit
     *         diverged ({@code from} when all had ended before)
     */
    public long run(double[] states, long[] divergedAt, long from, long to, boolean finish, OrbitObserver observer) {
        int rows = divergedAt.length;
        int n = rows * dimension;
        if (states.length < n) {
            throw new IllegalArgumentException("states has " + states.length + " values, " + rows + " orbits × "
                    + dimension + " need " + n);
        }
        if (to < from) {
            throw new IllegalArgumentException("run from step " + from + " to step " + to);
        }
        int alive = 0;
        for (long d : divergedAt) {
            if (d < 0) {
                alive++;
            }
        }
        if (alive == 0) {
            return from;
        }
        if (work.length < n) {
            work = new double[n];
            workLosses = new double[rows];
            workCorrect = new int[rows];
        }
        double[] losses = workLosses;
        int[] correct = workCorrect;
        OrbitStep step = new OrbitStep(rows, dimension, losses, correct, divergedAt, map);
        double[] x = states;
        double[] next = work;
        long reached = to;
        for (long t = from; t < to || finish; t++) {
            boolean last = t == to;
            boolean counted = last || observer.needsAccuracy(t);
            if (last) {
                wholeSetLosses(x, rows, divergedAt, t, losses, correct, true);
            } else {
                ensemble.step(t, x, next, rows, losses, counted && fullBatch ? correct : null);
                if (!fullBatch) {
                    wholeSetLosses(x, rows, divergedAt, t, losses, correct, counted);
                }
            }
            for (int r = 0; r < rows; r++) {
                if (divergedAt[r] < 0 && !Double.isFinite(losses[r])) {
                    divergedAt[r] = t;
                    alive--;
                }
            }
            step.set(t, last, x, last ? null : next, counted);
            observer.visit(step);
            if (alive == 0 || last) {
                reached = t;
                break;
            }
            double[] s = x;
            x = next;
            next = s;
        }
        if (x != states) {
            System.arraycopy(x, 0, states, 0, n);
        }
        return reached;
    }

    /** L(θ_t) on the whole training set (and the correct count) of every orbit that has not ended. */
    private void wholeSetLosses(double[] x, int rows, long[] divergedAt, long t, double[] losses, int[] correct,
                                boolean count) {
        for (int r = 0; r < rows; r++) {
            if (divergedAt[r] >= 0 && divergedAt[r] < t) {
                losses[r] = Double.NaN;
                continue;
            }
            losses[r] = wholeSet.loss(x, r * dimension, train);
            if (count) {
                correct[r] = wholeSet.correctCount();
            }
        }
    }

    @Override
    public void close() {
        ensemble.close();
    }
}
