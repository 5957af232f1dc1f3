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
 * Every output element is computed in one order fixed by the product's shape: a row combination as
 * the row-by-row kernel {@link VecOps#axpyRows} does it (one fused multiply-add per term, in k order); a
 * small dot table as {@link VecOps#dot} (eight partial sums, fixed combination), a large one in sample
 * order (one fused multiply-add per sample). So the results are the same bits whichever path runs: the
 * register-blocked {@link BlockKernels} on 8-lane machines, the row and scalar kernels elsewhere. Work is
 * split over output elements only (sample strips of a combination, row blocks or column strips of a dot
 * table, pieces of an elementwise pass), never inside a sum, so the bits do not depend on the thread
 * count either.
 *
 * <p>An instance owns its scratch space and is used by one evaluator at a time.
 */
final class LayerProducts {
    /**
     * Dot tables of at least this many multiply-adds per group sum in sample order (see {@link #dotGroups});
     * smaller ones as {@link VecOps#dot}. A rule of the shape alone: the same on every machine and thread count.
     */
    static final long SAMPLE_ORDER_MIN = 1L << 15;
    /**
     * Samples per block of a sample-order dot table (a packed strip of 32 y rows is then 128 KB): the table is
     * read and written once per block, and a wide one (784 × 320 for five stacked directions, 2 MB) is as
     * large as level 2, so fewer, longer blocks save that traffic (against 128 samples: the five-direction
     * gradient block 10–19 % faster, one network's 8–20 %, in paired runs).
     */
    private static final int DOT_SAMPLE_BLOCK = 512;
    /**
     * x rows of a sample-order dot table taken through all strips before the next rows (16 tiles of 6): their
     * 512 samples (384 KB) and their part of the table stay in level 2 while every strip passes over them.
     */
    private static final int DOT_ROW_CHUNK = 96;
    /** Table columns (y rows) per register tile of a sample-order dot table. */
    private static final int DOT_STRIP = 32;
    /** Terms per cache block of a row combination: one strip of 128 source rows × 24 samples is 24 KB. */
    private static final int TERM_BLOCK = 128;
    /**
     * Strips of a row combination whose source block is packed together (128 × 192 samples, 192 KB, level 2):
     * each source row is then copied in runs of 1.5 KB, which the prefetcher follows (one strip at a time,
     * 192-byte runs 80 KB apart, the 784 → 64 forward product of 10 000 samples took 32–56 ms against 27–38).
     */
    private static final int PACKED_STRIPS = 8;
    /**
     * Below this many multiply-adds a product runs through the row kernels (the same bits): for layers as
     * small as the Iris network's the tiles' edges and bookkeeping cost more than they save.
     */
    private static final long BLOCKED_MIN = 1L << 15;
    /** Below this many elements an elementwise pass runs on the caller's thread alone. */
    private static final int PARALLEL_ELEMENTS = 1 << 16;
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
    private double[][] panels = new double[0][];   // per worker: a row combination's packed source block
    private double[][] tables = new double[0][];   // per worker: its rows of a sample-order dot table
    private double[][] packs = new double[0][];    // per worker: one sample block of the y rows, sample-major
    private double[] coefficientTiles = new double[0]; // a first-layer row combination's coefficients, by tiles

    /** @param threads workers for one product (1: the caller's thread only) */
    LayerProducts(int threads) {
        this(threads, BLOCKED_MIN);
    }

    /** With {@code blockedMin} 0 every product takes the blocked kernels (tests of their edges). */
    LayerProducts(int threads, long blockedMin) {
        this(threads, blockedMin, true);
    }

    /** With {@code vectorKernels} false the scalar and row kernels run (tests of the fallback's bits). */
    LayerProducts(int threads, long blockedMin, boolean vectorKernels) {
        this.blocked = vectorKernels && VecOps.VECTOR && BlockKernels.supported();
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
            tables = java.util.Arrays.copyOf(tables, threads);
            packs = java.util.Arrays.copyOf(packs, threads);
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

    /** {@link #combineRows} over a batch's input x with its {@link InputStrips} (see {@link #combineRowGroups}). */
    void combineRows(int rows, int n, int count, double[] c, int co, int cRow, int cK, double[] x, int xo,
                     int xStride, double[] y, int yo, int yStride, InputStrips input) {
        if (!blocked || (long) rows * n * count < blockedMin) {
            // small layers (the Iris network's): straight to the row kernels, nothing allocated per call
            for (int r = 0; r < rows; r++) {
                VecOps.axpyRows(n, c, co + r * cRow, cK, count, x, xo, xStride, y, yo + r * yStride);
            }
            return;
        }
        combineRowGroups(1, rows, n, count, new double[][] {c}, new int[] {co}, cRow, cK, x, xo, xStride,
                new double[][] {y}, new int[] {yo}, yStride, input);
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
     * {@link InputStrips}: with rows a multiple of 8 the blocked path reads the source there, strip by strip,
     * and skips the terms whose source strip is all zero (each sum takes the others in the same order, so the
     * numbers are the same; an exact-zero sum may change its sign).
     */
    void combineRowGroups(int groups, int rows, int n, int count, double[][] c, int[] co, int cRow, int cK,
                          double[] x, int xo, int xStride, double[][] y, int[] yo, int yStride,
                          InputStrips input) {
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
        boolean selected = input != null && rows % 8 == 0;
        double[] tiles = selected ? coefficientTiles(groups, rows, count, c, co, cRow, cK) : null;
        forEach(workers, w -> {
            int from = strips * w / workers;
            int to = strips * (w + 1) / workers;
            if (selected) {
                combineSelected(groups, rows, from, to, count, tiles, y, yo, yStride, input);
            } else {
                double[] panel = scratch(panels, w, TERM_BLOCK * PACKED_STRIPS * BlockKernels.STRIP);
                combineStrips(groups, rows, from, to, count, c, co, cRow, cK, x, xo, xStride, y, yo, yStride, panel);
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

    /**
     * The coefficients of a row combination in tiles of 8 rows (rows a multiple of 8), for each group: tile
     * (g, r/8) holds c(r .. r + 7, k) at (g·rows + r)·count + 8k, so that a tile's block of terms reads one
     * contiguous run (as given, c(r, k) at r + 64k is 128 lines 512 bytes apart, on 8 of level 1's 64 sets).
     * The first layer's coefficients are a few per cent of its product's reads; copied once per product.
     */
    private double[] coefficientTiles(int groups, int rows, int count, double[][] c, int[] co, int cRow, int cK) {
        int size = groups * rows * count;
        if (coefficientTiles.length < size) {
            coefficientTiles = new double[size];
        }
        double[] tiles = coefficientTiles;
        for (int g = 0; g < groups; g++) {
            for (int r0 = 0; r0 < rows; r0 += 8) {
                int base = (g * rows + r0) * count;
                for (int k = 0; k < count; k++) {
                    for (int j = 0; j < 8; j++) {
                        tiles[base + 8 * k + j] = c[g][co[g] + (r0 + j) * cRow + k * cK];
                    }
                }
            }
        }
        return tiles;
    }

    /**
     * {@link #combineStrips} from the batch's {@link InputStrips} and {@link #coefficientTiles}: each strip's
     * source block is already contiguous there, nothing is packed, and only its nonzero source rows are taken.
     * As in {@link #combineStrips}, several strips at a time take each block of terms (the block's
     * coefficients are then read once for all of them), and each element takes its terms in k order.
     */
    private static void combineSelected(int groups, int rows, int from, int to, int count, double[] tiles,
                                        double[][] y, int[] yo, int yStride, InputStrips input) {
        int[] ks = input.features();
        double[] values = input.values();
        int[] next = new int[PACKED_STRIPS]; // per strip of the chunk: its first position not yet taken
        for (int first = from; first < to; first += PACKED_STRIPS) {
            int last = Math.min(to, first + PACKED_STRIPS);
            for (int strip = first; strip < last; strip++) {
                next[strip - first] = input.from(strip);
            }
            for (int k0 = 0; k0 < count; k0 += TERM_BLOCK) {
                int k1 = Math.min(count, k0 + TERM_BLOCK);
                for (int strip = first; strip < last; strip++) {
                    int q0 = next[strip - first];
                    int q1 = q0;
                    for (int end = input.to(strip); q1 < end && ks[q1] < k1; ) {
                        q1++;
                    }
                    next[strip - first] = q1;
                    if (q1 == q0) {
                        continue;
                    }
                    int s0 = strip * BlockKernels.STRIP;
                    for (int g = 0; g < groups; g++) {
                        for (int r = 0; r < rows; r += 8) {
                            BlockKernels.rows8x24Selected(ks, q0, q1, tiles, (g * rows + r) * count, values, y[g],
                                    yo[g] + s0 + r * yStride, yStride);
                        }
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
        for (int first = from; first < to; first += PACKED_STRIPS) {
            int last = Math.min(to, first + PACKED_STRIPS);
            int width = (last - first) * BlockKernels.STRIP;
            int c0 = first * BlockKernels.STRIP;
            // terms in blocks, in order: each element still takes its terms in k order
            for (int k0 = 0; k0 < count; k0 += TERM_BLOCK) {
                int k1 = Math.min(count, k0 + TERM_BLOCK);
                if (pack) {
                    // the strips' source block in contiguous memory, loaded once for all row tiles of all
                    // groups: 128 rows of a wide batch lie on 128 pages, which the tiles would walk again; several
                    // strips at once, so that each source row is read in a run the prefetcher follows
                    for (int k = k0; k < k1; k++) {
                        System.arraycopy(x, xo + k * xStride + c0, panel, (k - k0) * width, width);
                    }
                }
                for (int strip = first; strip < last; strip++) {
                    int s0 = strip * BlockKernels.STRIP;
                    double[] src = x;
                    int so = xo;
                    int sStride = xStride;
                    if (pack) {
                        src = panel;
                        so = -k0 * width - c0; // panel index of (k, s) is (k − k0)·width + s − c0
                        sStride = width;
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
    }

    /**
     * out[oo + i·oRow + j·oCol] (=, or += with {@code accumulate}) ⟨x_i, y_j⟩ over samples [0, n) for
     * i &lt; xRows, j &lt; yRows; x_i at {@code xo + i·xStride}, y_j at {@code yo + j·yStride}. A table of
     * fewer than {@link #SAMPLE_ORDER_MIN} multiply-adds sums each entry as {@link VecOps#dot} does (eight
     * partial sums); a larger one sums it in sample order, one fused multiply-add per sample from 0 (see
     * {@link #dotGroups}).
     */
    void dots(int xRows, int yRows, int n, double[] x, int xo, int xStride, double[] y, int yo, int yStride,
              double[] out, int oo, int oRow, int oCol, boolean accumulate) {
        if ((long) xRows * yRows * n < SAMPLE_ORDER_MIN) {
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
     * Each group's numbers are those of its own {@link #dots} (the order is chosen by one group's size).
     *
     * <p>A large table sums in sample order: entry (i, j) is fma(x_i[s], y_j[s], ·) for s = 0, 1, …, n − 1
     * from 0, then stored or added. That order is fixed by the data alone, so the blocked kernel (samples
     * in blocks, the y rows of a block packed sample-major for all groups, register tiles of 6 x rows × 32
     * y rows accumulating outer products), the scalar fallback and any split of the x rows over threads
     * give the same bits; and, unlike eight lane-wise partial sums, the tile needs no partials in memory,
     * so stacked groups stream x once.
     */
    void dotGroups(int xRows, int groups, int yRows, int n, double[] x, int xo, int xStride, double[][] y, int[] yo,
                   int yStride, double[][] out, int[] oo, int oRow, int oCol, boolean accumulate) {
        if ((long) xRows * yRows * n < SAMPLE_ORDER_MIN) {
            for (int g = 0; g < groups; g++) {
                dots(xRows, yRows, n, x, xo, xStride, y[g], yo[g], yStride, out[g], oo[g], oRow, oCol, accumulate);
            }
            return;
        }
        if (groups == 1 && yRows < DOT_STRIP && xRows > yRows) {
            // fewer y rows than a tile has columns (a narrow output layer): the transposed table has the same
            // sums (a fused multiply-add is symmetric in its factors) and fills the tiles
            dotGroups(yRows, 1, xRows, n, y[0], yo[0], yStride, new double[][] {x}, new int[] {xo}, xStride, out, oo,
                    oCol, oRow, accumulate);
            return;
        }
        int tiles = (xRows + 5) / 6;
        int strips = (groups * yRows + DOT_STRIP - 1) / DOT_STRIP;
        int workers = workers((long) groups * xRows * yRows * n, Math.max(tiles, strips));
        // many strips (stacked groups): each worker takes whole strips and packs only those; few: x rows
        boolean byStrips = blocked && strips >= 4 * workers;
        forEach(workers, w -> {
            if (byStrips) {
                dotsInSampleOrder(w, 0, xRows, strips * w / workers, strips * (w + 1) / workers, groups, yRows, n, x,
                        xo, xStride, y, yo, yStride, out, oo, oRow, oCol, accumulate);
                return;
            }
            int from = Math.min(xRows, 6 * (tiles * w / workers));
            int to = Math.min(xRows, 6 * (tiles * (w + 1) / workers));
            if (blocked) {
                dotsInSampleOrder(w, from, to, 0, strips, groups, yRows, n, x, xo, xStride, y, yo, yStride, out, oo,
                        oRow, oCol, accumulate);
            } else {
                dotsInSampleOrderScalar(from, to, groups, yRows, n, x, xo, xStride, y, yo, yStride, out, oo, oRow,
                        oCol, accumulate);
            }
        });
    }

    /** The sample-order dot table of x rows [i0, i1) with every y row of every group, one entry at a time. */
    private static void dotsInSampleOrderScalar(int i0, int i1, int groups, int yRows, int n, double[] x, int xo,
                                                int xStride, double[][] y, int[] yo, int yStride, double[][] out,
                                                int[] oo, int oRow, int oCol, boolean accumulate) {
        for (int i = i0; i < i1; i++) {
            int xi = xo + i * xStride;
            for (int g = 0; g < groups; g++) {
                for (int j = 0; j < yRows; j++) {
                    int yj = yo[g] + j * yStride;
                    double d = 0;
                    for (int s = 0; s < n; s++) {
                        d = Math.fma(x[xi + s], y[g][yj + s], d);
                    }
                    int o = oo[g] + i * oRow + j * oCol;
                    out[g][o] = accumulate ? out[g][o] + d : d;
                }
            }
        }
    }

    /**
     * The sample-order dot table of x rows [i0, i1) with the y rows of strips [t0, t1) (strip t: table
     * columns 32t .. 32t + 31, column g·yRows + j being y row j of group g), through register tiles: that
     * part of the table in worker scratch, the samples in blocks; for each block, the strips' y values are
     * packed sample-major, and each 6 × 32 tile of the table takes the block's samples in order
     * ({@link BlockKernels#rows6x32} with the x values as its coefficients).
     */
    private void dotsInSampleOrder(int worker, int i0, int i1, int t0, int t1, int groups, int yRows, int n,
                                   double[] x, int xo, int xStride, double[][] y, int[] yo, int yStride,
                                   double[][] out, int[] oo, int oRow, int oCol, boolean accumulate) {
        int rows = i1 - i0;
        int strips = t1 - t0;
        if (rows <= 0 || strips <= 0) {
            return;
        }
        int width = strips * DOT_STRIP;
        double[] table = scratch(tables, worker, rows * width);
        java.util.Arrays.fill(table, 0, rows * width, 0);
        double[] packed = scratch(packs, worker, DOT_SAMPLE_BLOCK * width);
        int rows6 = rows - rows % 6;
        int co = xo + i0 * xStride;
        for (int s0 = 0; s0 < n; s0 += DOT_SAMPLE_BLOCK) {
            int s1 = Math.min(n, s0 + DOT_SAMPLE_BLOCK);
            packSampleMajor(s0, s1, groups, yRows, y, yo, yStride, t0, t1, packed);
            for (int r0 = 0; r0 < rows6; r0 += DOT_ROW_CHUNK) {
                int r1 = Math.min(rows6, r0 + DOT_ROW_CHUNK);
                for (int t = 0; t < strips; t++) {
                    int col = t * DOT_STRIP;
                    // packed index of (sample k, strip t0 + t) is t·B·32 + (k − s0)·32; the kernel reads
                    // po + k·32 + col
                    int po = (t * DOT_SAMPLE_BLOCK - s0 - t) * DOT_STRIP;
                    for (int r = r0; r < r1; r += 6) {
                        BlockKernels.rows6x32(r, col, s0, s1, x, co, xStride, 1, packed, po, DOT_STRIP, table, 0,
                                width);
                    }
                }
            }
            for (int t = 0; t < strips; t++) {
                int col = t * DOT_STRIP;
                int po = (t * DOT_SAMPLE_BLOCK - s0 - t) * DOT_STRIP;
                int r = rows6;
                for (; r + 1 < rows; r += 2) {
                    BlockKernels.rows2x32(r, col, s0, s1, x, co, xStride, 1, packed, po, DOT_STRIP, table, 0, width);
                }
                for (; r < rows; r++) {
                    for (int v = 0; v < DOT_STRIP; v += 8) {
                        BlockKernels.rows1x8(r, col + v, s0, s1, x, co, xStride, 1, packed, po, DOT_STRIP, table, 0,
                                width);
                    }
                }
            }
        }
        int c0 = t0 * DOT_STRIP;
        int c1 = Math.min(groups * yRows, t1 * DOT_STRIP);
        for (int r = 0; r < rows; r++) {
            int i = i0 + r;
            for (int col = c0; col < c1; col++) {
                int g = col / yRows;
                int j = col % yRows;
                double d = table[r * width + col - c0];
                int o = oo[g] + i * oRow + j * oCol;
                out[g][o] = accumulate ? out[g][o] + d : d;
            }
        }
    }

    /**
     * Samples [s0, s1) of the y rows of strips [t0, t1), sample-major per strip of 32 table columns
     * (columns past the last are 0): (column (t0 + t)·32 + c, sample k) at (t·B + k − s0)·32 + c. Four
     * columns of one group at a time, so that each destination line takes four values per visit (one column
     * at a time, a block of 512 samples walks 512 lines 32 times: 2.2 times slower).
     */
    private static void packSampleMajor(int s0, int s1, int groups, int yRows, double[][] y, int[] yo, int yStride,
                                        int t0, int t1, double[] packed) {
        int cols = groups * yRows;
        int len = s1 - s0;
        for (int t = t0; t < t1; t++) {
            int base = (t - t0) * DOT_SAMPLE_BLOCK * DOT_STRIP;
            for (int c = 0; c < DOT_STRIP; c += 4) {
                int col = t * DOT_STRIP + c;
                if (col + 3 < cols && col % yRows + 3 < yRows) {
                    double[] src = y[col / yRows];
                    int from = yo[col / yRows] + (col % yRows) * yStride + s0;
                    for (int k = 0; k < len; k++) {
                        int o = base + k * DOT_STRIP + c;
                        int q = from + k;
                        packed[o] = src[q];
                        packed[o + 1] = src[q + yStride];
                        packed[o + 2] = src[q + 2 * yStride];
                        packed[o + 3] = src[q + 3 * yStride];
                    }
                    continue;
                }
                // across two groups or past the last column: one column at a time
                for (int j = c; j < c + 4; j++) {
                    int colj = t * DOT_STRIP + j;
                    if (colj >= cols) {
                        for (int k = 0; k < len; k++) {
                            packed[base + k * DOT_STRIP + j] = 0;
                        }
                        continue;
                    }
                    double[] src = y[colj / yRows];
                    int from = yo[colj / yRows] + (colj % yRows) * yStride + s0;
                    for (int k = 0; k < len; k++) {
                        packed[base + k * DOT_STRIP + j] = src[from + k];
                    }
                }
            }
        }
    }

    /** Worker {@code worker}'s array of {@code slots}, at least {@code size} long. */
    private static double[] scratch(double[][] slots, int worker, int size) {
        double[] p = slots[worker];
        if (p == null || p.length < size) {
            p = new double[size];
            slots[worker] = p;
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

    interface Part {
        void run(int worker);
    }

    /** A piece [from, to) of an elementwise pass. */
    interface Range {
        void run(int from, int to);
    }

    /**
     * Runs an elementwise pass over [0, n) in pieces over the workers (pieces start at multiples of 8, so
     * vector kernels keep their alignment in the data); for passes whose every element's numbers are its
     * own, so that the split changes nothing. Small passes run on the caller's thread.
     */
    void split(int n, Range range) {
        split(n, 1, range);
    }

    /** {@link #split} of n items of {@code weight} elements' work each (e.g. rows of a batch). */
    void split(int n, int weight, Range range) {
        int workers = threads == 1 || (long) n * weight < PARALLEL_ELEMENTS ? 1 : threads;
        if (workers == 1) {
            range.run(0, n);
            return;
        }
        int eights = (n + 7) / 8;
        forEach(workers, w -> range.run(Math.min(n, 8 * (eights * w / workers)),
                Math.min(n, 8 * (eights * (w + 1) / workers))));
    }

    /** Runs parts 0..workers−1, part 0 on the caller's thread, and waits for all. */
    static void forEach(int workers, Part part) {
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
