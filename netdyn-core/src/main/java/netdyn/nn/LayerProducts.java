package netdyn.nn;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The two products under every dense layer, over a whole batch of feature-major rows:
 * <ul>
 *   <li>{@link #combineRows}: y_r += Σ_k c(r, k) x_k, the forward pass a = W h + b, the backward
 *       pass g = W δ and their R-operator forms (a matrix product with the coefficient matrix c);</li>
 *   <li>{@link #dots}: C(i, j) = ⟨x_i, y_j⟩ over the samples, the weight gradient Σ_s h_i δ_j and
 *       its R-operator form.</li>
 * </ul>
 * The order of every sum is fixed by the product's shape alone. Row combinations take one fused
 * multiply-add per term in k order, as {@link VecOps#axpyRows}. Dot tables under 32 k multiply-adds
 * (the Iris network's) are {@link VecOps#dot}'s eight partial sums; larger ones sum each output in
 * sample order, one FMA per term, as outer products of x's columns with the y rows laid out
 * sample-major (the order a GEMM accumulates in, 1.5× the speed of the eight-partial tiles here). Either
 * way the bits are the same whichever path runs — the register-blocked {@link BlockKernels} on
 * 8-lane machines, plain loops elsewhere — and work is split over output elements only (sample
 * strips of a combination, row blocks of a dot table), never inside a sum, so the bits do not depend
 * on the thread count either.
 *
 * <p>An instance owns its scratch space and is used by one evaluator at a time.
 */
final class LayerProducts {
    /** Samples per cache block of a large dot table: the block of the y rows (512 × 64 values) stays in cache. */
    private static final int SAMPLE_BLOCK = 512;
    /** Terms per cache block of a row combination: a strip of 128 source rows × 24 samples is 24 KB. */
    private static final int TERM_BLOCK = 128;
    /**
     * Below this many multiply-adds a product runs through the row kernels (the same bits): for layers as
     * small as the Iris network's the tiles' edges and bookkeeping cost more than they save.
     */
    private static final long BLOCKED_MIN = 1L << 15;
    /** Below this many multiply-adds a product runs on the caller's thread alone. */
    private static final long PARALLEL_MIN = 1L << 18;

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "netdyn-layers");
        t.setDaemon(true);
        return t;
    });

    private final boolean blocked;
    private final long blockedMin;
    private int threads;
    private double[][] panels = new double[0][];   // per worker: one strip of a row combination's source block
    private double[] sampleMajor = new double[0];  // a large dot table's y rows, sample-major
    private double[] table = new double[0];        // a large dot table's sums

    /** @param threads workers for one product (1: the caller's thread only) */
    LayerProducts(int threads) {
        this(threads, BLOCKED_MIN);
    }

    /** With {@code blockedMin} 0 every product takes the blocked kernels (tests of their edges). */
    LayerProducts(int threads, long blockedMin) {
        this.blocked = VecOps.VECTOR && BlockKernels.supported();
        this.blockedMin = blockedMin;
        setThreads(threads);
    }

    int threads() {
        return threads;
    }

    /** Whether a row combination of this size takes the blocked kernels (only then can it skip zero strips). */
    boolean blocks(int rows, int n, int count) {
        return blocked && (long) rows * n * count >= blockedMin;
    }

    /** Sets the workers for the following products; the results do not depend on it. */
    void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        this.threads = threads;
        if (panels.length < threads) {
            panels = java.util.Arrays.copyOf(panels, threads);
        }
    }

    /**
     * y_r[0..n) += Σ_{k<count} c(r, k) · x_k[0..n) for r &lt; rows, one FMA per term in k order, with
     * row r of y at {@code yo + r·yStride}, x_k at {@code xo + k·xStride}, c(r, k) = c[co + r·cRow + k·cK].
     */
    void combineRows(int rows, int n, int count, double[] c, int co, int cRow, int cK, double[] x, int xo,
                     int xStride, double[] y, int yo, int yStride) {
        combineRows(rows, n, count, c, co, cRow, cK, x, xo, xStride, y, yo, yStride, null);
    }

    /** {@link #combineRows} over a batch's input x with its {@link NonzeroStrips} (see {@link #combineRowGroups}). */
    void combineRows(int rows, int n, int count, double[] c, int co, int cRow, int cK, double[] x, int xo,
                     int xStride, double[] y, int yo, int yStride, NonzeroStrips nonzero) {
        if (!blocked || (long) rows * n * count < blockedMin) {
            // small layers (the Iris network's): straight to the row kernels, nothing allocated per call
            for (int r = 0; r < rows; r++) {
                VecOps.axpyRows(n, c, co + r * cRow, cK, count, x, xo, xStride, y, yo + r * yStride);
            }
            return;
        }
        combineRowGroups(1, rows, n, count, new double[][] {c}, new int[] {co}, cRow, cK, x, xo, xStride,
                new double[][] {y}, new int[] {yo}, yStride, nonzero);
    }

    /**
     * {@link #combineRows} for several groups of rows over one source x (several networks or directions
     * on one batch): group g takes its coefficients from {@code c[g]} at {@code co[g]} and writes
     * {@code y[g]} from {@code yo[g]}. Each block of the source is loaded once for every group.
     */
    void combineRowGroups(int groups, int rows, int n, int count, double[][] c, int[] co, int cRow, int cK,
                          double[] x, int xo, int xStride, double[][] y, int[] yo, int yStride) {
        combineRowGroups(groups, rows, n, count, c, co, cRow, cK, x, xo, xStride, y, yo, yStride, null);
    }

    /**
     * {@link #combineRowGroups} whose source x (at offset 0, stride n) is a batch's input with its
     * {@link NonzeroStrips}: the terms whose source strip is all zero are skipped (each sum takes the
     * others in the same order, so the numbers are the same; an exact-zero sum may change its sign).
     */
    void combineRowGroups(int groups, int rows, int n, int count, double[][] c, int[] co, int cRow, int cK,
                          double[] x, int xo, int xStride, double[][] y, int[] yo, int yStride, NonzeroStrips nonzero) {
        if (!blocked || (long) groups * rows * n * count < blockedMin) {
            for (int g = 0; g < groups; g++) {
                for (int r = 0; r < rows; r++) {
                    VecOps.axpyRows(n, c[g], co[g] + r * cRow, cK, count, x, xo, xStride, y[g], yo[g] + r * yStride);
                }
            }
            return;
        }
        int strips = n / BlockKernels.STRIP;
        int workers = workers((long) groups * rows * n * count, strips);
        forEach(workers, w -> {
            int from = strips * w / workers;
            int to = strips * (w + 1) / workers;
            if (nonzero != null && rows % 8 == 0) {
                combineSelected(groups, rows, from, to, count, c, co, cRow, cK, x, n, y, yo, yStride, panel(w), nonzero);
            } else {
                combineStrips(groups, rows, from, to, count, c, co, cRow, cK, x, xo, xStride, y, yo, yStride,
                        panel(w));
            }
        });
        // the samples after the last whole strip: 8 at a time, then one by one
        for (int g = 0; g < groups; g++) {
            int s = strips * BlockKernels.STRIP;
            for (; s + 8 <= n; s += 8) {
                for (int r = 0; r < rows; r++) {
                    BlockKernels.rows1x8(r, s, 0, count, c[g], co[g], cRow, cK, x, xo, xStride, y[g], yo[g], yStride);
                }
            }
            if (s < n) {
                for (int r = 0; r < rows; r++) {
                    int yr = yo[g] + r * yStride;
                    for (int k = 0; k < count; k++) {
                        double ck = c[g][co[g] + r * cRow + k * cK];
                        int xk = xo + k * xStride;
                        for (int t = s; t < n; t++) {
                            y[g][yr + t] = Math.fma(ck, x[xk + t], y[g][yr + t]);
                        }
                    }
                }
            }
        }
    }

    /** {@link #combineStrips} over the nonzero source rows of each strip only (rows a multiple of 8). */
    private static void combineSelected(int groups, int rows, int from, int to, int count, double[][] c, int[] co,
                                        int cRow, int cK, double[] x, int n, double[][] y, int[] yo, int yStride,
                                        double[] panel, NonzeroStrips nonzero) {
        int[] ks = nonzero.features();
        for (int strip = from; strip < to; strip++) {
            int s0 = strip * BlockKernels.STRIP;
            int end = nonzero.to(strip);
            for (int q0 = nonzero.from(strip); q0 < end; q0 += TERM_BLOCK) {
                int q1 = Math.min(end, q0 + TERM_BLOCK);
                for (int q = q0; q < q1; q++) {
                    System.arraycopy(x, ks[q] * n + s0, panel, (q - q0) * BlockKernels.STRIP, BlockKernels.STRIP);
                }
                for (int g = 0; g < groups; g++) {
                    for (int r = 0; r < rows; r += 8) {
                        BlockKernels.rows8x24Selected(r, ks, q0, q1, c[g], co[g], cRow, cK, panel, y[g],
                                yo[g] + s0, yStride);
                    }
                }
            }
        }
    }

    private static void combineStrips(int groups, int rows, int from, int to, int count, double[][] c, int[] co,
                                      int cRow, int cK, double[] x, int xo, int xStride, double[][] y, int[] yo,
                                      int yStride, double[] panel) {
        int rows8 = rows & ~7;
        int rows4 = rows & ~3;
        boolean pack = groups * rows8 >= 16;
        for (int strip = from; strip < to; strip++) {
            int s0 = strip * BlockKernels.STRIP;
            // terms in blocks, in order: each element still takes its terms in k order
            for (int k0 = 0; k0 < count; k0 += TERM_BLOCK) {
                int k1 = Math.min(count, k0 + TERM_BLOCK);
                double[] src = x;
                int so = xo;
                int sStride = xStride;
                if (pack) {
                    // the strip's source block in contiguous memory, loaded once for all row tiles of all
                    // groups: 128 rows of a wide batch lie on 128 pages, which the tiles would walk again
                    for (int k = k0; k < k1; k++) {
                        System.arraycopy(x, xo + k * xStride + s0, panel, (k - k0) * BlockKernels.STRIP,
                                BlockKernels.STRIP);
                    }
                    src = panel;
                    so = -k0 * BlockKernels.STRIP - s0; // panel index of (k, s0) is (k − k0)·24
                    sStride = BlockKernels.STRIP;
                }
                for (int g = 0; g < groups; g++) {
                    for (int r = 0; r < rows8; r += 8) {
                        BlockKernels.rows8x24(r, s0, k0, k1, c[g], co[g], cRow, cK, src, so, sStride, y[g], yo[g],
                                yStride);
                    }
                    if (rows4 > rows8) {
                        BlockKernels.rows4x24(rows8, s0, k0, k1, c[g], co[g], cRow, cK, src, so, sStride, y[g],
                                yo[g], yStride);
                    }
                    for (int r = rows4; r < rows; r++) {
                        for (int v = 0; v < BlockKernels.STRIP; v += 8) {
                            BlockKernels.rows1x8(r, s0 + v, k0, k1, c[g], co[g], cRow, cK, src, so, sStride, y[g],
                                    yo[g], yStride);
                        }
                    }
                }
            }
        }
    }

    /**
     * out[oo + i·oRow + j·oCol] (=, or += with {@code accumulate}) ⟨x_i, y_j⟩ over samples [0, n) for
     * i &lt; xRows, j &lt; yRows, each dot product summed as {@link VecOps#dot} does; x_i at
     * {@code xo + i·xStride}, y_j at {@code yo + j·yStride}.
     */
    void dots(int xRows, int yRows, int n, double[] x, int xo, int xStride, double[] y, int yo, int yStride,
              double[] out, int oo, int oRow, int oCol, boolean accumulate) {
        if ((long) xRows * yRows * n < blockedMin) {
            // small layers: straight to the dot kernel, nothing allocated per call
            for (int i = 0; i < xRows; i++) {
                for (int j = 0; j < yRows; j++) {
                    double d = VecOps.dot(n, x, xo + i * xStride, y, yo + j * yStride);
                    int o = oo + i * oRow + j * oCol;
                    out[o] = accumulate ? out[o] + d : d;
                }
            }
            return;
        }
        dotGroups(xRows, 1, yRows, n, x, xo, xStride, new double[][] {y}, new int[] {yo}, yStride,
                new double[][] {out}, new int[] {oo}, oRow, oCol, accumulate);
    }

    /**
     * {@link #dots} of one x against several groups of y rows (several networks or directions on one
     * batch): group g reads {@code y[g]} from {@code yo[g]} and writes {@code out[g]} from {@code oo[g]}.
     * Each block of x is loaded once for every group.
     */
    void dotGroups(int xRows, int groups, int yRows, int n, double[] x, int xo, int xStride, double[][] y, int[] yo,
                   int yStride, double[][] out, int[] oo, int oRow, int oCol, boolean accumulate) {
        // the order of each sum depends on one table's size only (not on the groups stacked with it), never
        // on the machine or the thread count
        if ((long) xRows * yRows * n < blockedMin) {
            for (int g = 0; g < groups; g++) {
                for (int i = 0; i < xRows; i++) {
                    for (int j = 0; j < yRows; j++) {
                        double d = VecOps.dot(n, x, xo + i * xStride, y[g], yo[g] + j * yStride);
                        int o = oo[g] + i * oRow + j * oCol;
                        out[g][o] = accumulate ? out[g][o] + d : d;
                    }
                }
            }
            return;
        }
        // Large tables sum each output in sample order, one FMA per term, as outer products of x's columns
        // with the y rows laid out sample-major: register tiles of 6 x rows × 32 (or 8) columns, on any
        // machine the same order (the scalar loops below follow it where the Vector API is missing).
        int width = groups * yRows;
        if (sampleMajor.length < n * width) {
            sampleMajor = new double[n * width];
        }
        if (table.length < xRows * width) {
            table = new double[xRows * width];
        }
        double[] dt = sampleMajor;
        double[] t = table;
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < yRows; j++) {
                int src = yo[g] + j * yStride;
                int col = g * yRows + j;
                for (int s = 0; s < n; s++) {
                    dt[s * width + col] = y[g][src + s];
                }
            }
        }
        java.util.Arrays.fill(t, 0, xRows * width, 0);
        int tiles = xRows / 6;
        int workers = workers((long) width * xRows * n, Math.max(1, tiles));
        forEach(workers, w -> {
            int i0 = 6 * (tiles * w / workers);
            int i1 = w == workers - 1 ? xRows : 6 * (tiles * (w + 1) / workers);
            outerRows(i0, i1, width, n, x, xo, xStride, dt, t);
        });
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < xRows; i++) {
                for (int j = 0; j < yRows; j++) {
                    int o = oo[g] + i * oRow + j * oCol;
                    double d = t[i * width + g * yRows + j];
                    out[g][o] = accumulate ? out[g][o] + d : d;
                }
            }
        }
    }

    /** Table rows [i0, i1) over all samples, in sample blocks (the block of y stays in the level-2 cache). */
    private void outerRows(int i0, int i1, int width, int n, double[] x, int xo, int xStride, double[] dt,
                           double[] t) {
        int full = i0 + (i1 - i0) / 6 * 6;
        int w32 = blocked ? width / 32 * 32 : 0;
        int w8 = blocked ? width / 8 * 8 : 0;
        for (int s0 = 0; s0 < n; s0 += SAMPLE_BLOCK) {
            int s1 = Math.min(n, s0 + SAMPLE_BLOCK);
            if (blocked) {
                for (int i = i0; i < full; i += 6) {
                    for (int j = 0; j < w32; j += 32) {
                        BlockKernels.outer6x32(i, j, s0, s1, x, xo, xStride, dt, width, t, width);
                    }
                    for (int j = w32; j < w8; j += 8) {
                        BlockKernels.outer6x8(i, j, s0, s1, x, xo, xStride, dt, width, t, width);
                    }
                }
            }
            // the rest one element at a time, in the same order: all of it without the blocked kernels
            for (int i = i0; i < i1; i++) {
                int jFrom = blocked && i < full ? w8 : 0;
                int xi = xo + i * xStride;
                for (int j = jFrom; j < width; j++) {
                    double acc = t[i * width + j];
                    for (int s = s0; s < s1; s++) {
                        acc = Math.fma(x[xi + s], dt[s * width + j], acc);
                    }
                    t[i * width + j] = acc;
                }
            }
        }
    }

    private double[] panel(int worker) {
        double[] p = panels[worker];
        if (p == null) {
            p = new double[TERM_BLOCK * BlockKernels.STRIP];
            panels[worker] = p;
        }
        return p;
    }

    /** How many workers a product of {@code work} multiply-adds in {@code parts} independent parts gets. */
    private int workers(long work, int parts) {
        if (threads == 1 || work < PARALLEL_MIN) {
            return 1;
        }
        return Math.max(1, Math.min(threads, parts));
    }

    private interface Part {
        void run(int worker);
    }

    /** Runs parts 0..workers−1, part 0 on the caller's thread, and waits for all. */
    private static void forEach(int workers, Part part) {
        if (workers == 1) {
            part.run(0);
            return;
        }
        Future<?>[] futures = new Future<?>[workers - 1];
        for (int w = 1; w < workers; w++) {
            int worker = w;
            futures[w - 1] = POOL.submit(() -> part.run(worker));
        }
        part.run(0);
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("layer product interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("layer product failed: " + e.getCause(), e.getCause());
        }
    }
}
