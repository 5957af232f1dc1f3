package netdyn.dynamics;

import java.util.Arrays;

import netdyn.curvature.DeterminantOps;
import netdyn.linalg.DenseOps;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.rng.Seeds;

/**
 * Training by gradient descent as a map on parameter space (SCIENCE.md §1):
 * θ(t+1) = θ(t) − η ∇L(θ(t)), with Jacobian I − η H(θ). With another update rule
 * ({@link OptimizerSpec#update()}: heavy ball, Nesterov, RMSProp, Adam) the state is θ with the rule's momentum
 * or moments (2P or 3P; e.g. heavy ball's u' = μ u + ∇L(θ), θ' = θ − η u'), and the tangent map is the
 * rule's exact derivative ({@code OptimizerStep}). With mini-batches of size B the loss at step t
 * is the mean over batch t mod ⌈N/B⌉ of epoch ⌊t / ⌈N/B⌉⌋, the epoch's order a Fisher–Yates
 * permutation from {@code Seeds.generator(batchSeed, "sgd-batches", epoch)}; the last batch of an
 * epoch may be smaller. With layer rates ({@link OptimizerSpec#layerRates()}) η becomes the diagonal
 * D of per-parameter rates, every weight and bias of layer l taking η_l: θ' = θ − D ∇L, Jacobian
 * I − D H (with momentum θ' = θ − D u').
 *
 * <p>{@link #step} also evaluates L and the training accuracy at the current θ, available from
 * {@link #lastLoss()} at no extra cost and {@link #lastCorrect()} on demand. The tangent map uses exact
 * Hessian-vector products, reusing the forward/backward state when x is the θ of the last step (the
 * evaluator knows which θ and batch its state belongs to; the map adds which step t the batch was).
 * Not thread-safe: an ensemble uses one map per thread.
 */
public final class GradientDescentMap implements DiscreteMap {
    private final MlpEvaluator evaluator;
    private final Batch data;
    private final OptimizerSpec optimizer;
    private final OptimizerStep rule;
    private final int parameters;
    private final double[] grad;
    private final double[] hv;
    private double[] hvBlock = new double[0]; // k Hessian-vector products of a tangent block
    // stacked rows of an ensemble step: one evaluator per row (row 0's is the map's own), gradients, losses
    private MlpEvaluator[] stacked = new MlpEvaluator[0];
    private double[] stackedGrads = new double[0];
    private double[] stackedLosses = new double[0];
    // the step and batch of the last gradient pass; the evaluator knows its θ and whether it still holds it
    private long evaluatedStep = -1;
    private Batch evaluatedBatch;
    // mini-batch schedule
    private final Batch batchBuffer;
    private final int[] order;
    private long orderEpoch = -1;
    // H e_j in row j, the Jacobian's LU workspace and its pivot row, and a unit vector: made on first use
    private double[] hessianColumns;
    private double[] jacobian;
    private double[] pivotRow;
    private double[] unit;
    private double lastLoss = Double.NaN;
    // whether grad holds the gradient of the evaluator's pass (not after a stacked ensemble step)
    private boolean gradHeld;
    private MlpEvaluator fullSet; // the whole training set, for mini-batch runs
    private int lastCorrect;

    public GradientDescentMap(MlpSpec spec, Batch data, OptimizerSpec optimizer) {
        this(spec, data, optimizer, 1);
    }

    /**
     * @param threads workers that share each layer product of a step (the same bits for any count; worth
     *                more than 1 for large layers and batches, e.g. 784–64–10 on thousands of samples)
     */
    public GradientDescentMap(MlpSpec spec, Batch data, OptimizerSpec optimizer, int threads) {
        this.data = data;
        this.optimizer = optimizer;
        int capacity = optimizer.fullBatch() ? data.size() : Math.min(optimizer.batchSize(), data.size());
        this.evaluator = new MlpEvaluator(spec, capacity, threads);
        this.parameters = evaluator.layout().parameterCount();
        this.rule = OptimizerStep.of(optimizer, evaluator.layout());
        this.grad = new double[parameters];
        this.hv = new double[parameters];
        if (optimizer.fullBatch()) {
            batchBuffer = null;
            order = null;
        } else {
            batchBuffer = Batch.withCapacity(data.features(), data.classes(), capacity);
            order = new int[data.size()];
        }
    }

    public MlpEvaluator evaluator() {
        return evaluator;
    }

    /** Workers that share each layer product of the following steps; the results do not depend on it. */
    public void setThreads(int threads) {
        evaluator.setThreads(threads);
        if (fullSet != null) {
            fullSet.setThreads(threads);
        }
    }

    public OptimizerSpec optimizer() {
        return optimizer;
    }

    /** P, the number of network parameters (the dimension is 2P with momentum). */
    public int parameterCount() {
        return parameters;
    }

    @Override
    public int dimension() {
        return rule.dimension();
    }

    /** The loss at the x of the last {@link #step} (of its mini-batch, for SGD). */
    public double lastLoss() {
        return lastLoss;
    }

    /**
     * Correctly classified samples of the last step's batch at its x, counted on demand from the
     * evaluator's state (valid until the next step or tangent at another point).
     */
    public int lastCorrect() {
        if (lastCorrect < 0) {
            lastCorrect = evaluator.correctCount();
        }
        return lastCorrect;
    }

    /**
     * L(θ) over the whole training set at the x of the last {@link #step}: that step's own loss with full
     * batches, one extra forward pass with mini-batches (whose step loss is the batch's). What a run records.
     */
    public double trainingLoss(double[] x) {
        return optimizer.fullBatch() ? lastLoss : wholeSet().loss(x, 0, data);
    }

    /** L(θ) over the whole training set at any x, without a step (e.g. θ_T at the end of a run). */
    public double lossOnTrainingSet(double[] x) {
        // with full batches this replaces the step's gradient pass by a forward pass, which the evaluator
        // records: the next tangent evaluates again
        return wholeSet().loss(x, 0, data);
    }

    /** Correctly classified training samples at the x of the last {@link #trainingLoss} or {@link #lossOnTrainingSet}. */
    public int trainingCorrect() {
        return wholeSet().correctCount();
    }

    private MlpEvaluator wholeSet() {
        if (optimizer.fullBatch()) {
            return evaluator;
        }
        if (fullSet == null) {
            fullSet = new MlpEvaluator(evaluator.spec(), data.size(), evaluator.threads());
        }
        return fullSet;
    }

    /** The batch the loss at step t is taken over (the full training set unless mini-batching). */
    public Batch batchAt(long t) {
        if (optimizer.fullBatch()) {
            return data;
        }
        int n = data.size();
        int b = batchBuffer.capacity();
        int perEpoch = (n + b - 1) / b;
        long epoch = t / perEpoch;
        int index = (int) (t % perEpoch);
        if (epoch != orderEpoch) {
            Arrays.setAll(order, i -> i);
            Seeds.generator(optimizer.batchSeed(), "sgd-batches", epoch).shuffle(order);
            orderEpoch = epoch;
        }
        int start = index * b;
        batchBuffer.gather(data, order, start, Math.min(b, n - start));
        return batchBuffer;
    }

    @Override
    public void step(long t, double[] x, double[] out) {
        step(t, x, 0, out, 0);
    }

    /** The step on row-offset views: x[xo..xo+dim) → out[oo..oo+dim). Used by ensembles. */
    public void step(long t, double[] x, int xo, double[] out, int oo) {
        evaluate(t, x, xo);
        rule.update(t, x, xo, grad, out, oo);
    }

    /**
     * Steps rows from..to−1 of an [R × dimension] state array: next[r] = F_t(states[r]), losses[r] =
     * L(states[r]) and, when {@code correct} is not null, correct[r] its correctly classified samples. Each
     * row gets the bits of {@link #step}; for a network with a wide first layer the rows' first-layer
     * products run as one stacked product over the batch ({@link MlpEvaluator#lossAndGradients}), which
     * reads the batch once for all of them. Leaves {@link #lastLoss()} at the last row's.
     */
    public void stepRows(long t, double[] states, int from, int to, double[] next, double[] losses, int[] correct) {
        int count = to - from;
        int dim = dimension();
        if (count < 2 || !evaluator.stacksFirstLayer()) {
            for (int r = from; r < to; r++) {
                step(t, states, r * dim, next, r * dim);
                losses[r] = lastLoss;
                if (correct != null) {
                    correct[r] = lastCorrect();
                }
            }
            return;
        }
        if (stacked.length < count) {
            int old = stacked.length;
            stacked = Arrays.copyOf(stacked, count);
            for (int r = old; r < count; r++) {
                stacked[r] = r == 0 ? evaluator : new MlpEvaluator(evaluator.spec(), evaluator.capacity(), 1);
            }
            stackedGrads = new double[count * parameters];
            stackedLosses = new double[count];
        }
        int[] offs = new int[count];
        int[] goffs = new int[count];
        for (int r = 0; r < count; r++) {
            offs[r] = (from + r) * dim;
            goffs[r] = r * parameters;
        }
        Batch b = batchAt(t);
        evaluator.lossAndGradients(stacked, count, states, offs, b, stackedGrads, goffs, stackedLosses);
        for (int r = 0; r < count; r++) {
            losses[from + r] = stackedLosses[r];
            if (correct != null) {
                correct[from + r] = stacked[r].correctCount();
            }
            System.arraycopy(stackedGrads, r * parameters, grad, 0, parameters);
            rule.update(t, states, offs[r], grad, next, offs[r]);
        }
        gradHeld = false; // grad holds the last row's gradient, the evaluator row from's pass
        // the map's own evaluator holds row `from`'s pass; the tangent checks θ before reusing it
        lastLoss = stackedLosses[count - 1];
        lastCorrect = -1;
        evaluatedStep = t;
        evaluatedBatch = b;
    }

    @Override
    public void clampToDomain(double[] x) {
        rule.clampToDomain(x);
    }

    @Override
    public String domainViolation(double[] x) {
        return rule.domainViolation(x);
    }

    @Override
    public void tangent(long t, double[] x, double[] v, double[] out) {
        tangentBlock(t, x, v, 1, out);
    }

    /**
     * k tangent vectors at one θ: the forward and backward passes are shared, each vector costs one
     * R-forward and one R-backward pass, and a wide first layer's products over the batch are stacked
     * over the vectors ({@link MlpEvaluator#hessianVectorProducts}). Allocates only on the first call
     * with a larger k.
     */
    @Override
    public void tangentBlock(long t, double[] x, double[] vs, int k, double[] out) {
        ensureEvaluated(t, x);
        if (rule.rule().adaptive() && !gradHeld) {
            evaluate(t, x, 0); // the elementwise derivatives need g at this θ
        }
        int n = dimension();
        if (k == 1) {
            evaluator.hessianVectorProduct(x, 0, evaluatedBatch, vs, 0, hv, 0);
            tangentUpdate(t, x, vs, 0, hv, out, 0);
            return;
        }
        // all k products at once (a wide network's first layer reads the batch once for several of them)
        if (hvBlock.length < k * parameters) {
            hvBlock = new double[k * parameters];
        }
        evaluator.hessianVectorProducts(x, 0, evaluatedBatch, vs, 0, n, k, hvBlock, 0, parameters);
        for (int r = 0; r < k; r++) {
            System.arraycopy(hvBlock, r * parameters, hv, 0, parameters);
            tangentUpdate(t, x, vs, r * n, hv, out, r * n);
        }
    }

    /** One tangent vector's image from its H δθ (and, for adaptive rules, the gradient at x). */
    private void tangentUpdate(long t, double[] x, double[] dx, int dxo, double[] hv, double[] out, int oo) {
        rule.tangent(t, x, grad, dx, dxo, hv, out, oo);
    }

    /** Largest P for which {@link #logAbsDetJacobian} assembles the Hessian and factorises I − ηH. */
    public static final int LOG_DET_MAX_PARAMETERS = 300;

    /**
     * ln|det(I − ηH(θ))| for the sum rule, by LU factorisation with partial pivoting of I − ηH
     * ({@link DeterminantOps#logAbsDet}; equal to Σ_i ln|1 − η h_i| over the eigenvalues h_i of H, to rounding).
     * With layer rates D = diag(η_i) it is ln|det(I − DH)|, factorised as it stands (non-symmetric). NaN with
     * momentum or when P &gt; {@value #LOG_DET_MAX_PARAMETERS}. Cost: P Hessian-vector products (reusing the
     * gradient pass of step t at x when the evaluator holds it) + ⅔ P³ flops.
     */
    @Override
    public double logAbsDetJacobian(long t, double[] x) {
        if (!hasLogDet()) {
            return Double.NaN;
        }
        assembleHessian(t, x);
        return logAbsDetOfJacobian();
    }

    /**
     * The tangent block and ln|det(I − ηH)| from one assembled Hessian: the P Hessian-vector products that
     * {@link #logAbsDetJacobian} needs anyway give H, and the k tangent vectors then cost one dense product
     * H·v each (2P² flops) instead of a Hessian-vector product each. {@code out} equals {@link #tangentBlock}'s
     * to rounding (H v is summed from H's columns instead of propagated through the network), and is computed
     * by the same update rule. Without a log-determinant (momentum, P &gt; {@value #LOG_DET_MAX_PARAMETERS})
     * this is tangentBlock followed by NaN.
     */
    @Override
    public double tangentBlockAndLogAbsDet(long t, double[] x, double[] vs, int k, double[] out) {
        if (!hasLogDet()) {
            tangentBlock(t, x, vs, k, out);
            return Double.NaN;
        }
        assembleHessian(t, x);
        int p = parameters;
        for (int r = 0; r < k; r++) {
            // H v = Σ_j v_j (H e_j): the rows of hessianColumns are the H e_j
            Arrays.fill(hv, 0);
            int vo = r * p;
            DenseOps.axpyRows(p, vs, vo, 1, p, hessianColumns, 0, p, hv, 0);
            rule.update(t, vs, vo, hv, out, vo);
        }
        return logAbsDetOfJacobian();
    }

    private boolean hasLogDet() {
        return !optimizer.extendsState() && parameters <= LOG_DET_MAX_PARAMETERS;
    }

    /**
     * H(θ) at (t, x) into {@link #hessianColumns}, row j holding H e_j (the column j of H, which is symmetric up
     * to rounding): P Hessian-vector products after the gradient pass of step t at x (the step's own, when the
     * evaluator still holds it).
     */
    private void assembleHessian(long t, double[] x) {
        int p = parameters;
        if (hessianColumns == null) {
            hessianColumns = new double[p * p];
            jacobian = new double[p * p];
            pivotRow = new double[p];
            unit = new double[p];
        }
        ensureEvaluated(t, x);
        for (int j = 0; j < p; j++) {
            unit[j] = 1;
            evaluator.hessianVectorProduct(x, 0, evaluatedBatch, unit, 0, hessianColumns, j * p);
            unit[j] = 0;
        }
    }

    /**
     * ln|det J| for J = I − DH (D = ηI without layer rates) from {@link #hessianColumns}. The factorised matrix is
     * Jᵀ = I − H D, which has the same determinant and whose row j, δ_ji − η_i (H e_j)_i, is contiguous.
     */
    private double logAbsDetOfJacobian() {
        int p = parameters;
        for (int j = 0; j < p; j++) {
            int o = j * p;
            for (int i = 0; i < p; i++) {
                jacobian[o + i] = -rule.rate(i) * hessianColumns[o + i];
            }
            jacobian[o + j] += 1;
        }
        return DeterminantOps.logAbsDet(jacobian, p, pivotRow);
    }

    /**
     * Makes the evaluator hold the gradient pass at (t, x) unless it already does: the batch of step t
     * (with mini-batches, the buffer as filled for t and not refilled since, which the evaluator checks)
     * and the same θ values.
     */
    private void ensureEvaluated(long t, double[] x) {
        boolean sameStep = evaluatedBatch != null && (optimizer.fullBatch() || evaluatedStep == t);
        if (!sameStep || !evaluator.holdsGradientPass(x, 0, evaluatedBatch)) {
            evaluate(t, x, 0);
        }
    }

    private void evaluate(long t, double[] x, int xo) {
        Batch b = batchAt(t);
        lastLoss = evaluator.lossAndGradient(x, xo, b, grad, 0);
        gradHeld = true;
        lastCorrect = -1;
        evaluatedStep = t;
        evaluatedBatch = b;
    }
}
