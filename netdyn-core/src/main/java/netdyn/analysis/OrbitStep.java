package netdyn.analysis;

import netdyn.dynamics.GradientDescentMap;

/**
 * What an {@link OrbitObserver} sees at step t of R orbits advanced together: θ_t of every orbit (one
 * row of {@link #dimension()} values each, (θ, u) with momentum), L(θ_t) on the whole training set and,
 * before the last step, θ_{t+1}. One object is reused for every visit of a run: read it during the call.
 *
 * <p>Divergence, the one definition: orbit r diverged at step t when L(θ_t) is not finite. That visit
 * still shows it ({@link #diverged} is true, {@link #ended} false: θ_t is the diverging state); from
 * step t + 1 on the orbit has ended: the loop may still carry its row (rows advance together), but its
 * values are no longer an orbit and observers leave them alone. The loop stops after the visit at which
 * the last orbit diverged.
 */
public final class OrbitStep {
    private final int rows;
    private final int dimension;
    private final double[] losses;
    private final int[] correct;
    private final long[] divergedAt;
    private final GradientDescentMap map;
    private long t;
    private boolean last;
    private boolean counted;
    private double[] states;
    private double[] next;

    OrbitStep(int rows, int dimension, double[] losses, int[] correct, long[] divergedAt, GradientDescentMap map) {
        this.rows = rows;
        this.dimension = dimension;
        this.losses = losses;
        this.correct = correct;
        this.divergedAt = divergedAt;
        this.map = map;
    }

    void set(long t, boolean last, double[] states, double[] next, boolean counted) {
        this.t = t;
        this.last = last;
        this.states = states;
        this.next = next;
        this.counted = counted;
    }

    /** The step t. */
    public long t() {
        return t;
    }

    /** Whether this is the end of the run (t = T): no step follows, {@link #next()} is null. */
    public boolean last() {
        return last;
    }

    /** R, the number of orbits. */
    public int rows() {
        return rows;
    }

    /** Values per orbit: P, or 2P with momentum. */
    public int dimension() {
        return dimension;
    }

    /** Where orbit r starts in {@link #states()} and {@link #next()}. */
    public int offset(int orbit) {
        return orbit * dimension;
    }

    /** θ_t of every orbit, [R × dimension] row-major. Do not modify. */
    public double[] states() {
        return states;
    }

    /** θ_{t+1} of every orbit, as the step just computed it; null at the last visit. Do not modify. */
    public double[] next() {
        return next;
    }

    /** L(θ_t) of orbit r on the whole training set (for mini-batch SGD too, not the batch loss). */
    public double loss(int orbit) {
        return losses[orbit];
    }

    /**
     * Correctly classified training samples at θ_t of orbit r: counted at the last visit and where
     * {@link OrbitObserver#needsAccuracy} asked for it.
     */
    public int trainingCorrect(int orbit) {
        if (!counted) {
            throw new IllegalStateException("training accuracy not counted at step " + t
                    + " (OrbitObserver.needsAccuracy(" + t + ") was false)");
        }
        return correct[orbit];
    }

    /** Whether orbit r diverged at or before this step. */
    public boolean diverged(int orbit) {
        return divergedAt[orbit] >= 0;
    }

    /** Whether orbit r diverged before this step: its row is no longer an orbit. */
    public boolean ended(int orbit) {
        return divergedAt[orbit] >= 0 && divergedAt[orbit] < t;
    }

    /** The step at which orbit r diverged, or −1. */
    public long divergedAt(int orbit) {
        return divergedAt[orbit];
    }

    /**
     * A map of the run (same network, data and optimizer), for tangents and Hessian-vector products at
     * θ_t on the visiting thread: {@code map().tangent(t, θ_t, v, out)}. It re-evaluates the gradient
     * unless it already holds θ_t (with one orbit it does: the step just evaluated it).
     */
    public GradientDescentMap map() {
        return map;
    }
}
