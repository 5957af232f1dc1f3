package netdyn.nn;

/**
 * Loss, gradient and exact Hessian-vector products of an MLP on a flat parameter vector θ.
 *
 * <p>The math is SCIENCE.md §6: forward a_l = h_{l−1} W_l + b_l, h_l = f(a_l); backward
 * δ_l = ∂L/∂a_l; the Hessian-vector product by Pearlmutter's R-operator (forward-mode
 * differentiation of backprop, "Fast exact multiplication by the Hessian", Neural Computation 6,
 * 1994, doi:10.1162/neco.1994.6.1.147) at about twice the cost of a gradient, exact to rounding.
 * L = (1/N) Σ_n ℓ(z_n, y_n) + ½ λ Σ W² with ℓ per {@link LossKind} and {@link OutputKind}.
 *
 * <p>Every activation array is feature-major ([units × samples], rows contiguous), so the inner
 * loops are axpy's and dot products over the samples, run as blocked layer products
 * ({@link LayerProducts}: the same bits on any thread count). An evaluator owns its workspace: the
 * passes' at construction, the R-operator's at the first Hessian-vector product (once per stacked
 * direction), nothing per pass; it is not thread-safe (one per thread).
 *
 * <p>{@link #lossAndGradient} leaves the forward and backward state of θ in the workspace;
 * {@link #hessianVectorProduct} reuses it, so any number of H·v at one θ cost one R-forward and
 * one R-backward pass each. The workspace holds exactly the last pass, and the evaluator knows
 * which: its kind ({@link #loss} leaves a forward pass only), the values θ[off..off+P) it was made
 * at (a copy, P doubles per pass), and its batch (identity and {@link Batch#gather} refill count).
 * A Hessian-vector product whose θ or batch is not those of a gradient pass held in the workspace
 * throws {@link IllegalStateException} instead of mixing states; the check compares P doubles,
 * negligible beside the product's O(N·P) work. θ is compared by value, not by array identity: an
 * equal copy of θ is the same point and gives the same product.
 */
public final class MlpEvaluator {
    private final MlpSpec spec;
    private final MlpLayout layout;
    private final int layers;
    private final int capacity;
    private final Activation act;
    private final double wd;
    private final LayerProducts products;

    // per layer, [fanOut × capacity]
    private final double[][] a;   // pre-activations (a_L = z)
    private final double[][] h;   // activations; for the last layer the outputs p
    private final double[][] fp;  // f'(a) (hidden layers)
    private final double[][] g;   // ∂L/∂h (hidden layers), before the f' factor
    private final double[][] d;   // δ = ∂L/∂a
    // the R-operator's, allocated by the first Hessian-vector product (a gradient-only evaluator never needs them)
    private double[][] ra;        // R{a}
    private double[][] rh;        // R{h} (hidden layers)
    private double[][] rd;        // R{δ}
    // per stacked direction d: its R{a}, R{h}, R{δ} (direction 0 is ra, rh, rd)
    private double[][][] dirRa = new double[0][][];
    private double[][][] dirRh = new double[0][][];
    private double[][][] dirRd = new double[0][][];
    // evaluators for the other threads' parts of a block of Hessian-vector products (see hessianVectorProducts)
    private MlpEvaluator[] partners = new MlpEvaluator[0];
    // output head, [classes × capacity] and [capacity]
    private final double[] u;     // unnormalised outputs φ(z)
    private final double[] colSum;
    private final double[] colAux;
    private final double[] colMax;

    // what the workspace holds: the kind of the last pass, its batch and its θ
    private enum Pass { NONE, FORWARD, GRADIENT }

    private final int parameters;
    private final double[] passTheta; // θ[off..off+P) of the last pass
    private Pass pass = Pass.NONE;
    private Batch batch;              // the batch of the last pass
    private long batchVersion;        // its refill count at that pass
    private double[] passArray;       // the θ array and offset of the last pass (for messages only)
    private int passOffset;

    public MlpEvaluator(MlpSpec spec, int capacity) {
        this(spec, capacity, 1);
    }

    /**
     * A partner for concurrent Hessian-vector products on {@code source}'s gradient pass: it reads source's
     * pass arrays and head sums (never writes them) and has its own R-operator workspace, head scratch and
     * one-thread products.
     */
    private MlpEvaluator(MlpEvaluator source) {
        this.spec = source.spec;
        this.products = new LayerProducts(1);
        this.layout = source.layout;
        this.layers = source.layers;
        this.capacity = source.capacity;
        this.act = source.act;
        this.wd = source.wd;
        this.parameters = source.parameters;
        this.passTheta = source.passTheta;
        a = source.a;
        h = source.h;
        fp = source.fp;
        g = source.g;
        d = source.d;
        u = source.u;
        colSum = source.colSum; // the head's per-sample sums of the pass, read by headR
        colAux = source.colAux;
        colMax = new double[capacity]; // headR's scratch
    }

    /**
     * @param threads workers that share each layer product of a pass (the same bits for any count; worth
     *                more than 1 only for large layers and batches, such as 784–64–10 on thousands of samples)
     */
    public MlpEvaluator(MlpSpec spec, int capacity, int threads) {
        this.spec = spec;
        this.products = new LayerProducts(threads);
        this.layout = new MlpLayout(spec);
        this.layers = spec.layerCount();
        this.capacity = capacity;
        this.act = spec.activation();
        this.wd = spec.weightDecay();
        this.parameters = layout.parameterCount();
        this.passTheta = new double[parameters];
        a = new double[layers][];
        h = new double[layers][];
        fp = new double[layers][];
        g = new double[layers][];
        d = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int size = spec.fanOut(l) * capacity;
            a[l] = new double[size];
            h[l] = new double[size];
            d[l] = new double[size];
            if (l < layers - 1) {
                fp[l] = new double[size];
                g[l] = new double[size];
            }
        }
        u = new double[spec.outputs() * capacity];
        colSum = new double[capacity];
        colAux = new double[capacity];
        colMax = new double[capacity];
    }

    public MlpLayout layout() {
        return layout;
    }

    /** Workers that share each layer product of the following passes; the results do not depend on it. */
    public void setThreads(int threads) {
        products.setThreads(threads);
    }

    public int threads() {
        return products.threads();
    }

    public MlpSpec spec() {
        return spec;
    }

    /** The largest batch this evaluator takes. */
    public int capacity() {
        return capacity;
    }

    /**
     * Training loss L(θ) on the batch: one forward pass. Leaves the forward state (no backward state)
     * in the workspace: enough for {@link #correctCount()}, not for {@link #hessianVectorProduct}.
     */
    public double loss(double[] theta, int off, Batch b) {
        forward(theta, off, b);
        double loss = headLoss(false) / b.size() + decay(theta, off);
        pass = Pass.FORWARD;
        return loss;
    }

    /**
     * L(θ) and ∇L(θ) written to {@code grad[goff..goff+P)}: one forward and one backward pass.
     * Leaves the state that {@link #hessianVectorProduct} and {@link #correctCount()} use.
     */
    public double lossAndGradient(double[] theta, int off, Batch b, double[] grad, int goff) {
        forward(theta, off, b);
        double loss = headLoss(true) / b.size() + decay(theta, off);
        backward(theta, off, grad, goff);
        pass = Pass.GRADIENT;
        return loss;
    }

    /**
     * out[ooff..ooff+P) = H(θ) v, the exact Hessian of L on batch b at θ = theta[off..off+P) times
     * v = v[voff..voff+P), from the forward and backward state of the last pass, which must be a
     * {@link #lossAndGradient} at these θ values on this batch (not refilled since). Does not change
     * that state: any number of products may follow one gradient pass.
     * Cost: one R-forward and one R-backward pass (≈ one gradient), plus P comparisons for the check.
     *
     * @throws IllegalStateException if the workspace does not hold a gradient pass at θ on b; the
     *                               message names what it holds instead
     */
    public void hessianVectorProduct(double[] theta, int off, Batch b, double[] v, int voff, double[] out,
                                     int ooff) {
        requireGradientPass(theta, off, b);
        ensureDirections(1);
        rForward(theta, off, v, voff, ra, rh, false);
        headR(ra[layers - 1], rd[layers - 1]);
        rBackward(theta, off, v, voff, out, ooff, ra, rh, rd, false);
    }

    /**
     * out[ooff + d·oStride ..] = H(θ) v_d for the k directions v_d = vs[voff + d·vStride ..], each the
     * same bits as {@link #hessianVectorProduct}: the first layer's products over the batch, the largest
     * of a wide network, run as one stacked product for up to {@value #STACKED_DIRECTIONS} directions at
     * a time, so that the batch is read once for all of them. With several threads the directions are split
     * into one part per thread, each stacked on its own evaluator with one-thread products (no thread waits for
     * another inside a part). Needs the same gradient pass; workspace for the stacked directions is allocated
     * on first use (3 arrays of units × capacity per direction).
     */
    public void hessianVectorProducts(double[] theta, int off, Batch b, double[] vs, int voff, int vStride, int k,
                                      double[] out, int ooff, int oStride) {
        requireGradientPass(theta, off, b);
        if (k == 1 || !stacksFirstLayer()) {
            for (int d = 0; d < k; d++) {
                hessianVectorProduct(theta, off, b, vs, voff + d * vStride, out, ooff + d * oStride);
            }
            return;
        }
        int threads = products.threads();
        int parts = Math.min(threads, k);
        if (parts == 1) {
            stackedProducts(theta, off, vs, voff, vStride, 0, k, out, ooff, oStride);
            return;
        }
        // the directions in one part per thread, each part stacked on its own evaluator with one-thread products:
        // no thread waits for another inside a part (a part's numbers are those of its directions alone)
        if (partners.length < parts - 1) {
            MlpEvaluator[] more = java.util.Arrays.copyOf(partners, parts - 1);
            for (int q = partners.length; q < parts - 1; q++) {
                more[q] = new MlpEvaluator(this);
            }
            partners = more;
        }
        b.inputStrips(); // built here, read by all parts
        products.setThreads(1);
        try {
            LayerProducts.forEach(parts, q -> {
                MlpEvaluator e = q == 0 ? this : partners[q - 1];
                e.batch = batch;
                e.stackedProducts(theta, off, vs, voff, vStride, k * q / parts, k * (q + 1) / parts, out, ooff,
                        oStride);
            });
        } finally {
            products.setThreads(threads);
        }
    }

    /**
     * H v_d for directions [from, to) of {@link #hessianVectorProducts}, the first layer's products stacked, on
     * this evaluator's workspace and threads.
     */
    private void stackedProducts(double[] theta, int off, double[] vs, int voff, int vStride, int from, int to,
                                 double[] out, int ooff, int oStride) {
        Batch b = batch;
        int k = to - from;
        voff += from * vStride;
        ooff += from * oStride;
        int n = b.size();
        int fin = spec.fanIn(0);
        int fo = spec.fanOut(0);
        int w0 = layout.weightOffset(0);
        int b0 = layout.biasOffset(0);
        // as few stacks as the cap allows, of equal size (10 directions: 5 + 5, not 8 + 2, whose small stack
        // would pack its columns on every worker; the stacking changes no number)
        int stacks = (k + STACKED_DIRECTIONS - 1) / STACKED_DIRECTIONS;
        for (int stack = 0, d0 = 0, count = 0; d0 < k; stack++, d0 += count) {
            count = (k - d0 + stacks - stack - 1) / (stacks - stack);
            ensureDirections(count);
            double[][] c = new double[count][];
            int[] co = new int[count];
            double[][] y = new double[count][];
            int[] zero = new int[count];
            double[][] outs = new double[count][];
            int[] oo = new int[count];
            for (int d = 0; d < count; d++) {
                int vd = voff + (d0 + d) * vStride;
                double[] ra0 = dirRa[d][0];
                fillRows(fo, n, vs, vd + b0, ra0);
                c[d] = vs;
                co[d] = vd + w0;
                y[d] = ra0;
                outs[d] = out;
                oo[d] = ooff + (d0 + d) * oStride + w0;
            }
            // R{a_1} = R{b_1} + V_1 x for all directions: one pass over the batch
            products.combineRowGroups(count, fo, n, fin, c, co, 1, fo, b.x(), 0, n, y, zero, n, b.inputStrips());
            for (int d = 0; d < count; d++) {
                int vd = voff + (d0 + d) * vStride;
                rForward(theta, off, vs, vd, dirRa[d], dirRh[d], true);
                headR(dirRa[d][layers - 1], dirRd[d][layers - 1]);
                rBackward(theta, off, vs, vd, out, ooff + (d0 + d) * oStride, dirRa[d], dirRh[d], dirRd[d], true);
                y[d] = dirRd[d][0];
            }
            // the first layer's weight block Σ_s x_i R{δ_1}_j for all directions: one pass over the batch
            products.dotGroups(fin, count, fo, n, b.x(), 0, n, y, zero, n, outs, oo, fo, 1, false);
            for (int d = 0; d < count; d++) {
                addDecay(0, vs, voff + (d0 + d) * vStride, out, ooff + (d0 + d) * oStride);
            }
        }
    }

    /**
     * {@link #lossAndGradient} of R networks of this spec on one batch, network r at
     * thetas[offs[r] ..] evaluated by {@code evaluators[r]} (this one's threads share the stacked
     * products), its gradient to grads[goffs[r] ..] and its loss to losses[r]: each the same bits as
     * its own {@link #lossAndGradient}, and each evaluator left holding its network's gradient pass.
     * The first layer's products over the batch run as one stacked product X·[W_1 … W_R] (and its
     * transpose), so a wide input layer reads the batch once for all R networks.
     */
    public void lossAndGradients(MlpEvaluator[] evaluators, int count, double[] thetas, int[] offs, Batch b,
                                 double[] grads, int[] goffs, double[] losses) {
        for (int r = 0; r < count; r++) {
            if (!evaluators[r].spec.equals(spec) || evaluators[r].capacity < b.size()) {
                throw new IllegalArgumentException("stacked evaluation needs evaluators of one network and capacity");
            }
        }
        int n = b.size();
        int fin = spec.fanIn(0);
        int fo = spec.fanOut(0);
        int w0 = layout.weightOffset(0);
        int b0 = layout.biasOffset(0);
        double[][] c = new double[count][];
        int[] co = new int[count];
        double[][] y = new double[count][];
        int[] zero = new int[count];
        double[][] outs = new double[count][];
        int[] oo = new int[count];
        for (int r = 0; r < count; r++) {
            double[] a0 = evaluators[r].a[0];
            fillRows(fo, n, thetas, offs[r] + b0, a0);
            c[r] = thetas;
            co[r] = offs[r] + w0;
            y[r] = a0;
            outs[r] = grads;
            oo[r] = goffs[r] + w0;
        }
        // a_1 = b_1 + W_1 x for all networks: one pass over the batch
        products.combineRowGroups(count, fo, n, fin, c, co, 1, fo, b.x(), 0, n, y, zero, n, b.inputStrips());
        for (int r = 0; r < count; r++) {
            MlpEvaluator e = evaluators[r];
            e.forward(thetas, offs[r], b, true);
            losses[r] = e.headLoss(true) / n + e.decay(thetas, offs[r]);
            e.backward(thetas, offs[r], grads, goffs[r], true);
            y[r] = e.d[0];
        }
        // the first layer's weight gradients Σ_s x_i δ_j for all networks: one pass over the batch
        products.dotGroups(fin, count, fo, n, b.x(), 0, n, y, zero, n, outs, oo, fo, 1, false);
        for (int r = 0; r < count; r++) {
            evaluators[r].addDecay(0, thetas, offs[r], grads, goffs[r]);
            evaluators[r].pass = Pass.GRADIENT;
        }
    }

    /** Whether stacking several networks or directions over the batch is worth it for this network. */
    public boolean stacksFirstLayer() {
        return spec.fanIn(0) * spec.fanOut(0) >= STACK_MIN_WEIGHTS;
    }

    /** Samples per chunk of a one-thread backward layer step (20 strips; 64 rows of it are 240 KB). */
    private static final int BACKWARD_CHUNK = 480;

    /** Directions whose first-layer products are stacked into one pass over the batch. */
    public static final int STACKED_DIRECTIONS = 8;
    /** Below this many first-layer weights the directions go one by one (nothing to share worth the copy). */
    private static final int STACK_MIN_WEIGHTS = 4096;

    /** Workspace for {@code count} stacked directions; direction 0 is the single product's. */
    private void ensureDirections(int count) {
        if (dirRa.length >= count) {
            return;
        }
        int old = dirRa.length;
        dirRa = java.util.Arrays.copyOf(dirRa, count);
        dirRh = java.util.Arrays.copyOf(dirRh, count);
        dirRd = java.util.Arrays.copyOf(dirRd, count);
        for (int d = old; d < count; d++) {
            dirRa[d] = new double[layers][];
            dirRh[d] = new double[layers][];
            dirRd[d] = new double[layers][];
            for (int l = 0; l < layers; l++) {
                int size = spec.fanOut(l) * capacity;
                dirRa[d][l] = new double[size];
                dirRd[d][l] = new double[size];
                if (l < layers - 1) {
                    dirRh[d][l] = new double[size];
                }
            }
        }
        ra = dirRa[0];
        rh = dirRh[0];
        rd = dirRd[0];
    }

    /**
     * {@link #hessianVectorProduct(double[], int, Batch, double[], int, double[], int)} on the batch of
     * the workspace's gradient pass: checks θ, the kind of pass and that the batch was not refilled
     * since, but cannot tell whether that batch is the one the caller means. Prefer the form with
     * the batch.
     */
    public void hessianVectorProduct(double[] theta, int off, double[] v, int voff, double[] out, int ooff) {
        hessianVectorProduct(theta, off, batch, v, voff, out, ooff);
    }

    /**
     * Whether the workspace holds a gradient pass at θ = theta[off..off+P) on b (b not refilled since),
     * that is, whether {@link #hessianVectorProduct} at (θ, b) is legal now. Cost: P comparisons.
     */
    public boolean holdsGradientPass(double[] theta, int off, Batch b) {
        return pass == Pass.GRADIENT && b == batch && b.version() == batchVersion
                && java.util.Arrays.equals(theta, off, off + parameters, passTheta, 0, parameters);
    }

    private void requireGradientPass(double[] theta, int off, Batch b) {
        if (!holdsGradientPass(theta, off, b)) {
            throw new IllegalStateException("hessianVectorProduct needs a gradient pass (lossAndGradient) at this θ"
                    + " and batch first; the workspace holds " + describePass(theta, off, b));
        }
    }

    /** What the workspace holds, relative to (θ, b): for messages. */
    private String describePass(double[] theta, int off, Batch b) {
        if (pass == Pass.NONE) {
            return "no pass";
        }
        String kind = pass == Pass.GRADIENT ? "a gradient pass" : "a forward pass (loss, no gradient)";
        String at;
        int first = java.util.Arrays.mismatch(theta, off, off + parameters, passTheta, 0, parameters);
        if (first < 0) {
            at = "at this θ";
        } else if (theta == passArray && off == passOffset) {
            at = "at this θ array before it was modified in place (first change at index " + first + ")";
        } else {
            at = "at another θ (first difference at index " + first + ")";
        }
        String on;
        if (b != batch) {
            on = "on another batch";
        } else if (b.version() != batchVersion) {
            on = "on this batch buffer before it was refilled (Batch.gather)";
        } else {
            on = "on this batch";
        }
        return kind + " " + at + " " + on;
    }

    /**
     * Number of samples of the last pass's batch whose largest output is their label, at the θ of
     * that pass (forward or gradient).
     *
     * @throws IllegalStateException if there was no pass yet, or its batch buffer was refilled since
     */
    public int correctCount() {
        if (pass == Pass.NONE) {
            throw new IllegalStateException("correctCount needs a forward pass (loss or lossAndGradient) first");
        }
        if (batch.version() != batchVersion) {
            throw new IllegalStateException("correctCount: the batch buffer of the last pass was refilled since"
                    + " (Batch.gather); evaluate the new batch first");
        }
        int n = batch.size();
        int k = spec.outputs();
        double[] z = a[layers - 1];
        int[] labels = batch.labels();
        int correct = 0;
        for (int s = 0; s < n; s++) {
            int best = 0;
            double max = z[s];
            for (int c = 1; c < k; c++) {
                if (z[c * n + s] > max) {
                    max = z[c * n + s];
                    best = c;
                }
            }
            if (best == labels[s]) {
                correct++;
            }
        }
        return correct;
    }

    // ---------------------------------------------------------------- forward and backward

    private void forward(double[] theta, int off, Batch b) {
        forward(theta, off, b, false);
    }

    /** The forward pass; with {@code layer0Done} the first layer's a is already there (a stacked product). */
    private void forward(double[] theta, int off, Batch b, boolean layer0Done) {
        int n = b.size();
        if (n > capacity) {
            throw new IllegalArgumentException("batch of " + n + " samples exceeds the evaluator's capacity " + capacity);
        }
        if (b.features() != spec.inputs() || b.classes() != spec.outputs()) {
            throw new IllegalArgumentException("batch has " + b.features() + " features and " + b.classes()
                    + " classes; the network expects " + spec.inputs() + " and " + spec.outputs());
        }
        // the workspace is overwritten from here on: it holds the new pass only once it is complete
        pass = Pass.NONE;
        batch = b;
        batchVersion = b.version();
        passArray = theta;
        passOffset = off;
        System.arraycopy(theta, off, passTheta, 0, parameters);
        double[] in = b.x();
        for (int l = 0; l < layers; l++) {
            int fin = spec.fanIn(l);
            int fo = spec.fanOut(l);
            int w0 = off + layout.weightOffset(l);
            int b0 = off + layout.biasOffset(l);
            double[] al = a[l];
            if (l > 0 || !layer0Done) {
                fillRows(fo, n, theta, b0, al);
                products.combineRows(fo, n, fin, theta, w0, 1, fo, in, 0, n, al, 0, n,
                        l == 0 && products.blocks(fo, n, fin) ? b.inputStrips() : null);
            }
            if (l < layers - 1) {
                double[] hl = h[l];
                double[] fpl = fp[l];
                products.split(fo * n, (from, to) -> act.forward(al, hl, fpl, from, to));
                in = h[l];
            }
        }
    }

    private void backward(double[] theta, int off, double[] grad, int goff) {
        backward(theta, off, grad, goff, false);
    }

    /** The backward pass; with {@code layer0Later} the first layer's weight block is left to a stacked product. */
    private void backward(double[] theta, int off, double[] grad, int goff, boolean layer0Later) {
        int n = batch.size();
        for (int l = layers - 1; l >= 0; l--) {
            int fin = spec.fanIn(l);
            int fo = spec.fanOut(l);
            int w0 = layout.weightOffset(l);
            int b0 = layout.biasOffset(l);
            double[] in = l == 0 ? batch.x() : h[l - 1];
            double[] dl = d[l];
            if (l > 0 || !layer0Later) {
                products.dots(fin, fo, n, in, 0, n, dl, 0, n, grad, goff + w0, fo, 1, false);
                addDecay(l, theta, off, grad, goff);
            }
            rowSums(fo, n, dl, grad, goff + b0);
            if (l > 0) {
                double[] gl = g[l - 1];
                double[] dPrev = d[l - 1];
                double[] fpl = fp[l - 1];
                inBackwardChunks(n, (first, len) -> {
                    zeroColumns(fin, n, first, len, gl);
                    products.combineRows(fin, len, fo, theta, off + w0, fo, 1, dl, first, n, gl, first, n);
                    products.split(fin, len, (j0, j1) -> {
                        for (int j = j0; j < j1; j++) {
                            for (int i = j * n + first; i < j * n + first + len; i++) {
                                dPrev[i] = gl[i] * fpl[i];
                            }
                        }
                    });
                });
            }
        }
    }

    /**
     * R{a}, R{h} of every layer for direction v into (ra, rh); with {@code layer0Done} the first layer's
     * R{a} is already there (a stacked product over several directions wrote it).
     */
    private void rForward(double[] theta, int off, double[] v, int voff, double[][] ra, double[][] rh,
                          boolean layer0Done) {
        int n = batch.size();
        double[] in = batch.x();
        for (int l = 0; l < layers; l++) {
            int fin = spec.fanIn(l);
            int fo = spec.fanOut(l);
            int w0 = layout.weightOffset(l);
            int b0 = layout.biasOffset(l);
            double[] ral = ra[l];
            if (l > 0 || !layer0Done) {
                fillRows(fo, n, v, voff + b0, ral);
                // per element: R{b}, then the V terms, then the W terms, as one row at a time did
                products.combineRows(fo, n, fin, v, voff + w0, 1, fo, in, 0, n, ral, 0, n,
                        l == 0 && products.blocks(fo, n, fin) ? batch.inputStrips() : null);
            }
            if (l > 0) {
                products.combineRows(fo, n, fin, theta, off + w0, 1, fo, rh[l - 1], 0, n, ral, 0, n);
            }
            if (l < layers - 1) {
                double[] rhl = rh[l];
                double[] fpl = fp[l];
                multiply(fo * n, fpl, ral, rhl);
                in = h[l];
            }
        }
    }

    /**
     * H·v into out from R{δ} of the output layer in rd, with (ra, rh) of {@link #rForward}; with
     * {@code layer0Later} the first layer's weight block is left to a stacked product over several
     * directions (its R{δ} in rd[0] is ready for it).
     */
    private void rBackward(double[] theta, int off, double[] v, int voff, double[] out, int ooff, double[][] ra,
                           double[][] rh, double[][] rd, boolean layer0Later) {
        int n = batch.size();
        for (int l = layers - 1; l >= 0; l--) {
            int fin = spec.fanIn(l);
            int fo = spec.fanOut(l);
            int w0 = layout.weightOffset(l);
            int b0 = layout.biasOffset(l);
            double[] in = l == 0 ? batch.x() : h[l - 1];
            double[] dl = d[l];
            double[] rdl = rd[l];
            if (l > 0 || !layer0Later) {
                products.dots(fin, fo, n, in, 0, n, rdl, 0, n, out, ooff + w0, fo, 1, false);
                if (l > 0) {
                    products.dots(fin, fo, n, rh[l - 1], 0, n, dl, 0, n, out, ooff + w0, fo, 1, true);
                }
                addDecay(l, v, voff, out, ooff);
            }
            rowSums(fo, n, rdl, out, ooff + b0);
            if (l > 0) {
                double[] rdPrev = rd[l - 1];
                double[] fpl = fp[l - 1];
                double[] gl = g[l - 1];
                double[] hl = h[l - 1];
                double[] ral = ra[l - 1];
                // per element: the W terms, then the V terms, as one row at a time did
                inBackwardChunks(n, (first, len) -> {
                    zeroColumns(fin, n, first, len, rdPrev);
                    products.combineRows(fin, len, fo, theta, off + w0, fo, 1, rdl, first, n, rdPrev, first, n);
                    products.combineRows(fin, len, fo, v, voff + w0, fo, 1, dl, first, n, rdPrev, first, n);
                    products.split(fin, len, (j0, j1) -> {
                        for (int j = j0; j < j1; j++) {
                            act.secondOrder(rdPrev, fpl, gl, hl, ral, j * n + first, j * n + first + len);
                        }
                    });
                });
            }
        }
    }

    /** Row j of rows (n values from j·n) set to values[vo + j] for j &lt; count (a layer's biases), over the threads. */
    private void fillRows(int count, int n, double[] values, int vo, double[] rows) {
        products.split(count, n, (from, to) -> {
            for (int j = from; j < to; j++) {
                java.util.Arrays.fill(rows, j * n, j * n + n, values[vo + j]);
            }
        });
    }

    /**
     * Runs a hidden layer's backward step over samples [first, first + len) for consecutive chunks covering
     * the batch: {@link #BACKWARD_CHUNK} samples on one thread for a batch of several chunks, so that each chunk
     * of its rows goes from zeros through the combination to the elementwise terms while it is in level 2 (not
     * three or four passes over 64 × N doubles, 5 MB at 10 000 samples, from memory); the whole batch at once
     * with several threads per product (the pool once per pass) or a small batch. Each element's operations are
     * the same, in the same order, either way.
     */
    private void inBackwardChunks(int n, Chunk step) {
        int chunk = products.threads() == 1 && n >= 2 * BACKWARD_CHUNK ? BACKWARD_CHUNK : n;
        for (int first = 0; first < n; first += chunk) {
            step.run(first, Math.min(chunk, n - first));
        }
    }

    /** A backward layer step over samples [first, first + len). */
    private interface Chunk {
        void run(int first, int len);
    }

    /** Samples [s0, s0 + len) of rows [0, count) of rows (n values each) set to 0, rows over the threads. */
    private void zeroColumns(int count, int n, int s0, int len, double[] rows) {
        products.split(count, len, (from, to) -> {
            for (int j = from; j < to; j++) {
                java.util.Arrays.fill(rows, j * n + s0, j * n + s0 + len, 0);
            }
        });
    }

    /** out[i] = a[i] · b[i] for i &lt; count, over the evaluator's threads. */
    private void multiply(int count, double[] a, double[] b, double[] out) {
        products.split(count, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = a[i] * b[i];
            }
        });
    }

    /** out[oo + j] = Σ_s rows[j·n + s] (a layer's bias gradient) for j &lt; count, rows over the evaluator's threads. */
    private void rowSums(int count, int n, double[] rows, double[] out, int oo) {
        products.split(count, n, (from, to) -> {
            for (int j = from; j < to; j++) {
                out[oo + j] = VecOps.sum(n, rows, j * n);
            }
        });
    }

    /** out_W += λ v_W over layer l's weights (also for λ = 0: the sum's bits, e.g. of a −0, stay as they were). */
    private void addDecay(int l, double[] v, int voff, double[] out, int ooff) {
        int w0 = layout.weightOffset(l);
        int count = spec.fanIn(l) * spec.fanOut(l);
        for (int i = 0; i < count; i++) {
            out[ooff + w0 + i] = out[ooff + w0 + i] + wd * v[voff + w0 + i];
        }
    }

    private double decay(double[] theta, int off) {
        if (wd == 0) {
            return 0;
        }
        double sum = 0;
        for (int l = 0; l < layers; l++) {
            int w0 = off + layout.weightOffset(l);
            int w1 = off + layout.biasOffset(l);
            for (int i = w0; i < w1; i++) {
                sum += theta[i] * theta[i];
            }
        }
        return 0.5 * wd * sum;
    }

    // ---------------------------------------------------------------- output heads

    /**
     * Σ_n ℓ_n over the batch from z = a_L; with {@code delta}, also δ_L = ∂L/∂z (the 1/N included).
     */
    private double headLoss(boolean delta) {
        int n = batch.size();
        int k = spec.outputs();
        double[] z = a[layers - 1];
        double[] p = h[layers - 1];
        double[] y = batch.y();
        int[] labels = batch.labels();
        double[] dz = d[layers - 1];
        double invN = 1.0 / n;
        double total = 0;
        switch (spec.output()) {
            case SOFTMAX -> {
                // row-wise over samples so that the exponentials run as SIMD kernels
                double[] max = colMax;
                System.arraycopy(z, 0, max, 0, n);
                for (int c = 1; c < k; c++) {
                    for (int s = 0; s < n; s++) {
                        max[s] = Math.max(max[s], z[c * n + s]);
                    }
                }
                java.util.Arrays.fill(colSum, 0, n, 0);
                for (int c = 0; c < k; c++) {
                    VecOps.expShifted(n, z, c * n, max, u);
                    for (int s = 0; s < n; s++) {
                        colSum[s] += u[c * n + s];
                    }
                }
                for (int c = 0; c < k; c++) {
                    for (int s = 0; s < n; s++) {
                        p[c * n + s] = u[c * n + s] / colSum[s];
                    }
                }
                if (spec.loss() == LossKind.CE) {
                    // ℓ_s = ln U_s − (z_{y_s} − m_s), with U_s = Σ_c e^{z_c − m_s} ∈ [1, K]
                    double picked = 0;
                    for (int s = 0; s < n; s++) {
                        picked += z[labels[s] * n + s] - max[s];
                    }
                    total += sumOfLogs(n, colSum) - picked;
                }
            }
            case SIGMOID_NORMALIZED -> {
                for (int s = 0; s < n; s++) {
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        double e = Activation.sigmoid(z[c * n + s]);
                        u[c * n + s] = e;
                        sum += e;
                    }
                    colSum[s] = sum;
                    for (int c = 0; c < k; c++) {
                        p[c * n + s] = u[c * n + s] / sum;
                    }
                    if (spec.loss() == LossKind.CE) {
                        total -= logSigmoid(z[labels[s] * n + s]) - Math.log(sum);
                    }
                }
            }
            case LINEAR -> System.arraycopy(z, 0, p, 0, k * n);
        }
        if (spec.loss() == LossKind.MSE) {
            for (int s = 0; s < n; s++) {
                double sq = 0;
                double pe = 0;
                for (int c = 0; c < k; c++) {
                    double e = p[c * n + s] - y[c * n + s];
                    sq += e * e;
                    pe += p[c * n + s] * e;
                }
                total += 0.5 * sq;
                colAux[s] = pe; // Σ_k p_k e_k, used by the normalised heads' derivatives
            }
        }
        if (!delta) {
            return total;
        }
        switch (spec.output()) {
            case SOFTMAX -> {
                if (spec.loss() == LossKind.CE) {
                    for (int i = 0; i < k * n; i++) {
                        dz[i] = (p[i] - y[i]) * invN;
                    }
                } else {
                    // δ_j = (φ'_j / U)(e_j − Σ p e) with φ' = u for the (shifted) exponential
                    for (int c = 0; c < k; c++) {
                        for (int s = 0; s < n; s++) {
                            int i = c * n + s;
                            dz[i] = p[i] * (p[i] - y[i] - colAux[s]) * invN;
                        }
                    }
                }
            }
            case SIGMOID_NORMALIZED -> {
                for (int c = 0; c < k; c++) {
                    for (int s = 0; s < n; s++) {
                        int i = c * n + s;
                        double ui = u[i];
                        if (spec.loss() == LossKind.CE) {
                            dz[i] = (1 - ui) * (ui / colSum[s] - y[i]) * invN;
                        } else {
                            dz[i] = ui * (1 - ui) / colSum[s] * (p[i] - y[i] - colAux[s]) * invN;
                        }
                    }
                }
            }
            case LINEAR -> {
                for (int i = 0; i < k * n; i++) {
                    dz[i] = (z[i] - y[i]) * invN;
                }
            }
        }
        return total;
    }

    /** R{δ_L} = (1/N) ∇²_z ℓ · R{z}, from R{z} = ra_L. */
    private void headR(double[] rz, double[] rdz) {
        int n = batch.size();
        int k = spec.outputs();
        double[] p = h[layers - 1];
        double[] y = batch.y();
        double invN = 1.0 / n;
        if (spec.output() == OutputKind.LINEAR) {
            for (int i = 0; i < k * n; i++) {
                rdz[i] = rz[i] * invN;
            }
            return;
        }
        boolean softmax = spec.output() == OutputKind.SOFTMAX;
        if (softmax && spec.loss() == LossKind.CE) {
            // R{δ} = p ⊙ (R{z} − ⟨p, R{z}⟩) / N, row-wise over samples
            double[] pr = colMax;
            java.util.Arrays.fill(pr, 0, n, 0);
            for (int c = 0; c < k; c++) {
                for (int s = 0; s < n; s++) {
                    pr[s] += p[c * n + s] * rz[c * n + s];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int s = 0; s < n; s++) {
                    int i = c * n + s;
                    rdz[i] = p[i] * (rz[i] - pr[s]) * invN;
                }
            }
            return;
        }
        // Normalised heads p = φ(z) / Σ φ(z) with φ = exp (shifted) or σ; φ' and φ'' from u = φ(z).
        for (int s = 0; s < n; s++) {
            double sum = colSum[s];
            double rSum = 0; // R{U} = Σ φ'_k r_k
            for (int c = 0; c < k; c++) {
                int i = c * n + s;
                rSum += phiPrime(softmax, u[i]) * rz[i];
            }
            if (spec.loss() == LossKind.CE) {
                // (H r)_k = y_k σ'_k r_k + σ''_k r_k / U − σ'_k R{U} / U²   (sigmoid-normalised)
                for (int c = 0; c < k; c++) {
                    int i = c * n + s;
                    double d1 = phiPrime(false, u[i]);
                    double d2 = d1 * (1 - 2 * u[i]);
                    rdz[i] = (y[i] * d1 * rz[i] + d2 * rz[i] / sum - d1 * rSum / (sum * sum)) * invN;
                }
            } else {
                double pe = colAux[s];
                double rPe = 0; // R{Σ p e} = Σ R{p}(e + p)
                for (int c = 0; c < k; c++) {
                    int i = c * n + s;
                    double rp = (phiPrime(softmax, u[i]) * rz[i] - p[i] * rSum) / sum;
                    rPe += rp * (p[i] - y[i] + p[i]);
                }
                for (int c = 0; c < k; c++) {
                    int i = c * n + s;
                    double d1 = phiPrime(softmax, u[i]);
                    double d2 = softmax ? u[i] : d1 * (1 - 2 * u[i]);
                    double rp = (d1 * rz[i] - p[i] * rSum) / sum;
                    double rScale = d2 * rz[i] / sum - d1 * rSum / (sum * sum);
                    rdz[i] = (rScale * (p[i] - y[i] - pe) + d1 / sum * (rp - rPe)) * invN;
                }
            }
        }
    }

    private static double phiPrime(boolean softmax, double u) {
        return softmax ? u : u * (1 - u);
    }

    /**
     * Σ_s ln x_s for x_s in [1, 2^60], as the logarithm of their product: one logarithm instead of n.
     * The running product is renormalised to [1, 2) every 16 factors (exact power-of-two scaling),
     * so it can neither overflow nor underflow.
     */
    static double sumOfLogs(int n, double[] x) {
        double product = 1;
        long exponent = 0;
        for (int s = 0; s < n; s++) {
            product *= x[s];
            if ((s & 15) == 15) {
                int e = Math.getExponent(product);
                product = Math.scalb(product, -e);
                exponent += e;
            }
        }
        return Math.log(product) + exponent * LN2;
    }

    private static final double LN2 = 0.6931471805599453;

    /** ln σ(z) without overflow or cancellation. */
    static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(VecOps.exp(-z)) : z - Math.log1p(VecOps.exp(z));
    }
}
