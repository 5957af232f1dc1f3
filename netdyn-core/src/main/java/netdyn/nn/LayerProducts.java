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
 * Every output element is computed by the same operations in the same order as the row-by-row
 * kernels {@link VecOps#axpyRows} (one fused multiply-add per term, in k order) and
 * {@link VecOps#dot} (eight partial sums, fixed combination), so the results are the same bits
 * whichever path runs: the register-blocked {@link BlockKernels} on 8-lane machines, the row kernels
 * elsewhere. Work is split over output elements only (sample strips of a combination, row blocks
 * of a dot table), never inside a sum, so the bits do not depend on the thread count either.
 *
 * <p>An instance owns its scratch space and is used by one evaluator at a time.
 */
final class LayerProducts {
    /**
     * Samples per cache block of a dot table (a multiple of 8): eight x rows of a block (32 KB) stay
     * in the level-1 cache while the y rows stream past them.
     */
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
    private double[][] partials = new double[0][]; // per worker: the partial sums of 8 × (y rows) dot products

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
            partials = java.util.Arrays.copyOf(partials, threads);
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
        if (!blocked || (long) xRows * yRows * n < blockedMin) {
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
        if (!blocked || (long) groups * xRows * yRows * n < blockedMin) {
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
        int blocks = (xRows + 7) / 8;
        int workers = workers((long) groups * xRows * yRows * n, blocks);
        forEach(workers, w -> {
            double[] acc = partials(w, groups * yRows);
            int from = blocks * w / workers;
            int to = blocks * (w + 1) / workers;
            for (int b = from; b < to; b++) {
                dotBlock(b * 8, Math.min(8, xRows - b * 8), groups, yRows, n, x, xo, xStride, y, yo, yStride, out,
                        oo, oRow, oCol, accumulate, acc);
            }
        });
    }

    /**
     * Dot products of x rows i0..i0+m (m ≤ 8) with every y row of every group, through the partial
     * sums in acc: those of (i, group g, row j) at ((i·groups + g)·yRows + j)·8.
     */
    private static void dotBlock(int i0, int m, int groups, int yRows, int n, double[] x, int xo, int xStride,
                                 double[][] y, int[] yo, int yStride, double[][] out, int[] oo, int oRow, int oCol,
                                 boolean accumulate, double[] acc) {
        int ld = groups * yRows; // partials per x row
        java.util.Arrays.fill(acc, 0, m * ld * 8, 0);
        int n8 = n & ~7;
        int yRows3 = yRows - yRows % 3;
        // rows [0, tiled) go through 8 × 3 or 4 × 3 tiles, the rest one pair at a time
        int tiled = m == 8 ? 8 : m >= 4 ? 4 : 0;
        for (int s0 = 0; s0 < n8; s0 += SAMPLE_BLOCK) {
            int s1 = Math.min(n8, s0 + SAMPLE_BLOCK);
            for (int g = 0; g < groups; g++) {
                // the group's partials start at column g·yRows of the ld-wide table: shift the table by it
                int gy = yo[g];
                for (int j = 0; j < yRows3; j += 3) {
                    if (tiled == 8) {
                        BlockKernels.dots8x3(i0, j, s0, s1, x, xo, xStride, y[g], gy, yStride, acc, ld, g * yRows);
                    } else if (tiled == 4) {
                        BlockKernels.dots4x3(i0, j, s0, s1, x, xo, xStride, y[g], gy, yStride, acc, ld, g * yRows);
                    }
                }
                for (int i = 0; i < m; i++) {
                    for (int j = i < tiled ? yRows3 : 0; j < yRows; j++) {
                        BlockKernels.dots1x1(i0 + i, j, s0, s1, x, xo, xStride, y[g], gy, yStride, acc,
                                (i * ld + g * yRows + j) * 8);
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            int xi = xo + (i0 + i) * xStride;
            for (int g = 0; g < groups; g++) {
                for (int j = 0; j < yRows; j++) {
                    int yj = yo[g] + j * yStride;
                    double tail = 0;
                    for (int s = n8; s < n; s++) {
                        tail = Math.fma(x[xi + s], y[g][yj + s], tail);
                    }
                    int p = (i * ld + g * yRows + j) * 8;
                    double d = ScalarKernels.combine(acc[p], acc[p + 1], acc[p + 2], acc[p + 3], acc[p + 4],
                            acc[p + 5], acc[p + 6], acc[p + 7]) + tail;
                    int o = oo[g] + (i0 + i) * oRow + j * oCol;
                    out[g][o] = accumulate ? out[g][o] + d : d;
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

    private double[] partials(int worker, int columns) {
        double[] p = partials[worker];
        if (p == null || p.length < 8 * columns * 8) {
            p = new double[8 * columns * 8];
            partials[worker] = p;
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
