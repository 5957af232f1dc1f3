package netdyn.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked SIMD forms of {@link VecOps#axpyRows} and {@link VecOps#dot} over many rows at
 * once, for 8-lane vectors (AVX-512); {@link LayerProducts} uses them when the machine has that
 * width and falls back to the row-by-row kernels otherwise. Each output element sees exactly the
 * operations of its row-by-row twin in the same order, so the bits are the same; only the reuse of
 * loaded operands across rows differs.
 *
 * <p>Row combinations load a 24-sample strip of each source row once for eight output rows (24
 * accumulators); dot products compute an 8 × 3 tile of outputs from 11 loads per 8 samples, each
 * output keeping {@link VecOps}'s eight partial sums (sample s into lane s mod 8). Four-row and
 * single forms serve the edges.
 */
final class BlockKernels {
    private static final VectorSpecies<Double> WIDE = DoubleVector.SPECIES_PREFERRED;
    /** Samples per strip of a row combination: three vectors. */
    static final int STRIP = 24;

    private BlockKernels() {
    }

    /** Whether the blocked kernels apply: the preferred vector holds eight doubles. */
    static boolean supported() {
        return WIDE.length() == 8;
    }

    /**
     * Rows y_r[s0..s0+24) for r in [r0, r0+4) += Σ_{k0 ≤ k < k1} c(r, k) x_k[..] in k order: the
     * four-row form of {@link #rows8x24}.
     */
    static void rows4x24(int r0, int s0, int k0, int k1, double[] c, int co, int cRow, int cK, double[] x, int xo,
                         int xStride, double[] y, int yo, int yStride) {
        int y0 = yo + r0 * yStride + s0;
        int y1 = y0 + yStride;
        int y2 = y1 + yStride;
        int y3 = y2 + yStride;
        DoubleVector a00 = DoubleVector.fromArray(WIDE, y, y0);
        DoubleVector a01 = DoubleVector.fromArray(WIDE, y, y0 + 8);
        DoubleVector a02 = DoubleVector.fromArray(WIDE, y, y0 + 16);
        DoubleVector a10 = DoubleVector.fromArray(WIDE, y, y1);
        DoubleVector a11 = DoubleVector.fromArray(WIDE, y, y1 + 8);
        DoubleVector a12 = DoubleVector.fromArray(WIDE, y, y1 + 16);
        DoubleVector a20 = DoubleVector.fromArray(WIDE, y, y2);
        DoubleVector a21 = DoubleVector.fromArray(WIDE, y, y2 + 8);
        DoubleVector a22 = DoubleVector.fromArray(WIDE, y, y2 + 16);
        DoubleVector a30 = DoubleVector.fromArray(WIDE, y, y3);
        DoubleVector a31 = DoubleVector.fromArray(WIDE, y, y3 + 8);
        DoubleVector a32 = DoubleVector.fromArray(WIDE, y, y3 + 16);
        int c0 = co + r0 * cRow + k0 * cK;
        int xk = xo + k0 * xStride + s0;
        for (int k = k0; k < k1; k++, c0 += cK, xk += xStride) {
            DoubleVector x0 = DoubleVector.fromArray(WIDE, x, xk);
            DoubleVector x1 = DoubleVector.fromArray(WIDE, x, xk + 8);
            DoubleVector x2 = DoubleVector.fromArray(WIDE, x, xk + 16);
            DoubleVector w = DoubleVector.broadcast(WIDE, c[c0]);
            a00 = x0.fma(w, a00);
            a01 = x1.fma(w, a01);
            a02 = x2.fma(w, a02);
            w = DoubleVector.broadcast(WIDE, c[c0 + cRow]);
            a10 = x0.fma(w, a10);
            a11 = x1.fma(w, a11);
            a12 = x2.fma(w, a12);
            w = DoubleVector.broadcast(WIDE, c[c0 + 2 * cRow]);
            a20 = x0.fma(w, a20);
            a21 = x1.fma(w, a21);
            a22 = x2.fma(w, a22);
            w = DoubleVector.broadcast(WIDE, c[c0 + 3 * cRow]);
            a30 = x0.fma(w, a30);
            a31 = x1.fma(w, a31);
            a32 = x2.fma(w, a32);
        }
        a00.intoArray(y, y0);
        a01.intoArray(y, y0 + 8);
        a02.intoArray(y, y0 + 16);
        a10.intoArray(y, y1);
        a11.intoArray(y, y1 + 8);
        a12.intoArray(y, y1 + 16);
        a20.intoArray(y, y2);
        a21.intoArray(y, y2 + 8);
        a22.intoArray(y, y2 + 16);
        a30.intoArray(y, y3);
        a31.intoArray(y, y3 + 8);
        a32.intoArray(y, y3 + 16);
    }

    /** One row y_r[s0..s0+8) += Σ_k c(r, k) x_k[..]: the edges of {@link #rows4x24}. */
    static void rows1x8(int r, int s0, int k0, int k1, double[] c, int co, int cRow, int cK, double[] x, int xo,
                        int xStride, double[] y, int yo, int yStride) {
        int y0 = yo + r * yStride + s0;
        DoubleVector a = DoubleVector.fromArray(WIDE, y, y0);
        int c0 = co + r * cRow + k0 * cK;
        int xk = xo + k0 * xStride + s0;
        for (int k = k0; k < k1; k++, c0 += cK, xk += xStride) {
            a = DoubleVector.fromArray(WIDE, x, xk).fma(DoubleVector.broadcast(WIDE, c[c0]), a);
        }
        a.intoArray(y, y0);
    }

    /**
     * Eight-lane partial sums of the dot products of x rows i0..i0+4 with y rows j0..j0+3 over samples
     * [s0, s1) (a multiple of 8 long), continuing the partials in {@code acc}: the partials of (i, j)
     * at {@code acc[((i − i0)·ldj + col + j)·8 ..]}.
     */
    static void dots4x3(int i0, int j0, int s0, int s1, double[] x, int xo, int xStride, double[] y, int yo,
                        int yStride, double[] acc, int ldj, int col) {
        int p00 = (col + j0) * 8;
        int p10 = (ldj + col + j0) * 8;
        int p20 = (2 * ldj + col + j0) * 8;
        int p30 = (3 * ldj + col + j0) * 8;
        DoubleVector a00 = DoubleVector.fromArray(WIDE, acc, p00);
        DoubleVector a01 = DoubleVector.fromArray(WIDE, acc, p00 + 8);
        DoubleVector a02 = DoubleVector.fromArray(WIDE, acc, p00 + 16);
        DoubleVector a10 = DoubleVector.fromArray(WIDE, acc, p10);
        DoubleVector a11 = DoubleVector.fromArray(WIDE, acc, p10 + 8);
        DoubleVector a12 = DoubleVector.fromArray(WIDE, acc, p10 + 16);
        DoubleVector a20 = DoubleVector.fromArray(WIDE, acc, p20);
        DoubleVector a21 = DoubleVector.fromArray(WIDE, acc, p20 + 8);
        DoubleVector a22 = DoubleVector.fromArray(WIDE, acc, p20 + 16);
        DoubleVector a30 = DoubleVector.fromArray(WIDE, acc, p30);
        DoubleVector a31 = DoubleVector.fromArray(WIDE, acc, p30 + 8);
        DoubleVector a32 = DoubleVector.fromArray(WIDE, acc, p30 + 16);
        int x0 = xo + i0 * xStride;
        int x1 = x0 + xStride;
        int x2 = x1 + xStride;
        int x3 = x2 + xStride;
        int y0 = yo + j0 * yStride;
        int y1 = y0 + yStride;
        int y2 = y1 + yStride;
        for (int s = s0; s < s1; s += 8) {
            DoubleVector v0 = DoubleVector.fromArray(WIDE, y, y0 + s);
            DoubleVector v1 = DoubleVector.fromArray(WIDE, y, y1 + s);
            DoubleVector v2 = DoubleVector.fromArray(WIDE, y, y2 + s);
            DoubleVector u = DoubleVector.fromArray(WIDE, x, x0 + s);
            a00 = u.fma(v0, a00);
            a01 = u.fma(v1, a01);
            a02 = u.fma(v2, a02);
            u = DoubleVector.fromArray(WIDE, x, x1 + s);
            a10 = u.fma(v0, a10);
            a11 = u.fma(v1, a11);
            a12 = u.fma(v2, a12);
            u = DoubleVector.fromArray(WIDE, x, x2 + s);
            a20 = u.fma(v0, a20);
            a21 = u.fma(v1, a21);
            a22 = u.fma(v2, a22);
            u = DoubleVector.fromArray(WIDE, x, x3 + s);
            a30 = u.fma(v0, a30);
            a31 = u.fma(v1, a31);
            a32 = u.fma(v2, a32);
        }
        a00.intoArray(acc, p00);
        a01.intoArray(acc, p00 + 8);
        a02.intoArray(acc, p00 + 16);
        a10.intoArray(acc, p10);
        a11.intoArray(acc, p10 + 8);
        a12.intoArray(acc, p10 + 16);
        a20.intoArray(acc, p20);
        a21.intoArray(acc, p20 + 8);
        a22.intoArray(acc, p20 + 16);
        a30.intoArray(acc, p30);
        a31.intoArray(acc, p30 + 8);
        a32.intoArray(acc, p30 + 16);
    }

    /** The partials of one pair (i, j) over [s0, s1): the edges of {@link #dots4x3}. */
    static void dots1x1(int i, int j, int s0, int s1, double[] x, int xo, int xStride, double[] y, int yo,
                        int yStride, double[] acc, int p) {
        DoubleVector a = DoubleVector.fromArray(WIDE, acc, p);
        int xi = xo + i * xStride;
        int yj = yo + j * yStride;
        for (int s = s0; s < s1; s += 8) {
            a = DoubleVector.fromArray(WIDE, x, xi + s).fma(DoubleVector.fromArray(WIDE, y, yj + s), a);
        }
        a.intoArray(acc, p);
    }

    /**
     * Rows y_r[s0..s0+24) for r in [r0, r0+8) += Σ_{k0 ≤ k < k1} c(r, k) x_k[..] in k order, with
     * c(r, k) = c[co + r·cRow + k·cK], x_k at {@code xo + k·xStride} and row r of y at {@code yo + r·yStride}.
     */
    static void rows8x24(int r0, int s0, int k0, int k1, double[] c, int co, int cRow, int cK, double[] x, int xo,
                         int xStride, double[] y, int yo, int yStride) {
        int y0 = yo + r0 * yStride + s0;
        int y1 = y0 + yStride;
        int y2 = y1 + yStride;
        int y3 = y2 + yStride;
        int y4 = y3 + yStride;
        int y5 = y4 + yStride;
        int y6 = y5 + yStride;
        int y7 = y6 + yStride;
        DoubleVector a00 = DoubleVector.fromArray(WIDE, y, y0);
        DoubleVector a01 = DoubleVector.fromArray(WIDE, y, y0 + 8);
        DoubleVector a02 = DoubleVector.fromArray(WIDE, y, y0 + 16);
        DoubleVector a10 = DoubleVector.fromArray(WIDE, y, y1);
        DoubleVector a11 = DoubleVector.fromArray(WIDE, y, y1 + 8);
        DoubleVector a12 = DoubleVector.fromArray(WIDE, y, y1 + 16);
        DoubleVector a20 = DoubleVector.fromArray(WIDE, y, y2);
        DoubleVector a21 = DoubleVector.fromArray(WIDE, y, y2 + 8);
        DoubleVector a22 = DoubleVector.fromArray(WIDE, y, y2 + 16);
        DoubleVector a30 = DoubleVector.fromArray(WIDE, y, y3);
        DoubleVector a31 = DoubleVector.fromArray(WIDE, y, y3 + 8);
        DoubleVector a32 = DoubleVector.fromArray(WIDE, y, y3 + 16);
        DoubleVector a40 = DoubleVector.fromArray(WIDE, y, y4);
        DoubleVector a41 = DoubleVector.fromArray(WIDE, y, y4 + 8);
        DoubleVector a42 = DoubleVector.fromArray(WIDE, y, y4 + 16);
        DoubleVector a50 = DoubleVector.fromArray(WIDE, y, y5);
        DoubleVector a51 = DoubleVector.fromArray(WIDE, y, y5 + 8);
        DoubleVector a52 = DoubleVector.fromArray(WIDE, y, y5 + 16);
        DoubleVector a60 = DoubleVector.fromArray(WIDE, y, y6);
        DoubleVector a61 = DoubleVector.fromArray(WIDE, y, y6 + 8);
        DoubleVector a62 = DoubleVector.fromArray(WIDE, y, y6 + 16);
        DoubleVector a70 = DoubleVector.fromArray(WIDE, y, y7);
        DoubleVector a71 = DoubleVector.fromArray(WIDE, y, y7 + 8);
        DoubleVector a72 = DoubleVector.fromArray(WIDE, y, y7 + 16);
        int ck = co + r0 * cRow + k0 * cK;
        int xk = xo + k0 * xStride + s0;
        for (int k = k0; k < k1; k++, ck += cK, xk += xStride) {
            DoubleVector x0 = DoubleVector.fromArray(WIDE, x, xk);
            DoubleVector x1 = DoubleVector.fromArray(WIDE, x, xk + 8);
            DoubleVector x2 = DoubleVector.fromArray(WIDE, x, xk + 16);
            DoubleVector w0 = DoubleVector.broadcast(WIDE, c[ck]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            DoubleVector w1 = DoubleVector.broadcast(WIDE, c[ck + cRow]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            DoubleVector w2 = DoubleVector.broadcast(WIDE, c[ck + 2 * cRow]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            a22 = x2.fma(w2, a22);
            DoubleVector w3 = DoubleVector.broadcast(WIDE, c[ck + 3 * cRow]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            a32 = x2.fma(w3, a32);
            DoubleVector w4 = DoubleVector.broadcast(WIDE, c[ck + 4 * cRow]);
            a40 = x0.fma(w4, a40);
            a41 = x1.fma(w4, a41);
            a42 = x2.fma(w4, a42);
            DoubleVector w5 = DoubleVector.broadcast(WIDE, c[ck + 5 * cRow]);
            a50 = x0.fma(w5, a50);
            a51 = x1.fma(w5, a51);
            a52 = x2.fma(w5, a52);
            DoubleVector w6 = DoubleVector.broadcast(WIDE, c[ck + 6 * cRow]);
            a60 = x0.fma(w6, a60);
            a61 = x1.fma(w6, a61);
            a62 = x2.fma(w6, a62);
            DoubleVector w7 = DoubleVector.broadcast(WIDE, c[ck + 7 * cRow]);
            a70 = x0.fma(w7, a70);
            a71 = x1.fma(w7, a71);
            a72 = x2.fma(w7, a72);
        }
        a00.intoArray(y, y0);
        a01.intoArray(y, y0 + 8);
        a02.intoArray(y, y0 + 16);
        a10.intoArray(y, y1);
        a11.intoArray(y, y1 + 8);
        a12.intoArray(y, y1 + 16);
        a20.intoArray(y, y2);
        a21.intoArray(y, y2 + 8);
        a22.intoArray(y, y2 + 16);
        a30.intoArray(y, y3);
        a31.intoArray(y, y3 + 8);
        a32.intoArray(y, y3 + 16);
        a40.intoArray(y, y4);
        a41.intoArray(y, y4 + 8);
        a42.intoArray(y, y4 + 16);
        a50.intoArray(y, y5);
        a51.intoArray(y, y5 + 8);
        a52.intoArray(y, y5 + 16);
        a60.intoArray(y, y6);
        a61.intoArray(y, y6 + 8);
        a62.intoArray(y, y6 + 16);
        a70.intoArray(y, y7);
        a71.intoArray(y, y7 + 8);
        a72.intoArray(y, y7 + 16);
    }

    /**
     * Eight-lane partial sums of the dot products of x rows i0..i0+8 with y rows j0..j0+3 over samples
     * [s0, s1) (a multiple of 8 long), continuing the partials in {@code acc}: those of (i, j) at
     * {@code acc[((i − i0)·ldj + col + j)·8 ..]}.
     */
    static void dots8x3(int i0, int j0, int s0, int s1, double[] x, int xo, int xStride, double[] y, int yo,
                        int yStride, double[] acc, int ldj, int col) {
        int p0 = (col + j0) * 8;
        int p1 = (1 * ldj + col + j0) * 8;
        int p2 = (2 * ldj + col + j0) * 8;
        int p3 = (3 * ldj + col + j0) * 8;
        int p4 = (4 * ldj + col + j0) * 8;
        int p5 = (5 * ldj + col + j0) * 8;
        int p6 = (6 * ldj + col + j0) * 8;
        int p7 = (7 * ldj + col + j0) * 8;
        DoubleVector a00 = DoubleVector.fromArray(WIDE, acc, p0);
        DoubleVector a01 = DoubleVector.fromArray(WIDE, acc, p0 + 8);
        DoubleVector a02 = DoubleVector.fromArray(WIDE, acc, p0 + 16);
        DoubleVector a10 = DoubleVector.fromArray(WIDE, acc, p1);
        DoubleVector a11 = DoubleVector.fromArray(WIDE, acc, p1 + 8);
        DoubleVector a12 = DoubleVector.fromArray(WIDE, acc, p1 + 16);
        DoubleVector a20 = DoubleVector.fromArray(WIDE, acc, p2);
        DoubleVector a21 = DoubleVector.fromArray(WIDE, acc, p2 + 8);
        DoubleVector a22 = DoubleVector.fromArray(WIDE, acc, p2 + 16);
        DoubleVector a30 = DoubleVector.fromArray(WIDE, acc, p3);
        DoubleVector a31 = DoubleVector.fromArray(WIDE, acc, p3 + 8);
        DoubleVector a32 = DoubleVector.fromArray(WIDE, acc, p3 + 16);
        DoubleVector a40 = DoubleVector.fromArray(WIDE, acc, p4);
        DoubleVector a41 = DoubleVector.fromArray(WIDE, acc, p4 + 8);
        DoubleVector a42 = DoubleVector.fromArray(WIDE, acc, p4 + 16);
        DoubleVector a50 = DoubleVector.fromArray(WIDE, acc, p5);
        DoubleVector a51 = DoubleVector.fromArray(WIDE, acc, p5 + 8);
        DoubleVector a52 = DoubleVector.fromArray(WIDE, acc, p5 + 16);
        DoubleVector a60 = DoubleVector.fromArray(WIDE, acc, p6);
        DoubleVector a61 = DoubleVector.fromArray(WIDE, acc, p6 + 8);
        DoubleVector a62 = DoubleVector.fromArray(WIDE, acc, p6 + 16);
        DoubleVector a70 = DoubleVector.fromArray(WIDE, acc, p7);
        DoubleVector a71 = DoubleVector.fromArray(WIDE, acc, p7 + 8);
        DoubleVector a72 = DoubleVector.fromArray(WIDE, acc, p7 + 16);
        int x0 = xo + i0 * xStride;
        int x1 = x0 + xStride;
        int x2 = x1 + xStride;
        int x3 = x2 + xStride;
        int x4 = x3 + xStride;
        int x5 = x4 + xStride;
        int x6 = x5 + xStride;
        int x7 = x6 + xStride;
        int y0 = yo + j0 * yStride;
        int y1 = y0 + yStride;
        int y2 = y1 + yStride;
        for (int s = s0; s < s1; s += 8) {
            DoubleVector v0 = DoubleVector.fromArray(WIDE, y, y0 + s);
            DoubleVector v1 = DoubleVector.fromArray(WIDE, y, y1 + s);
            DoubleVector v2 = DoubleVector.fromArray(WIDE, y, y2 + s);
            DoubleVector u = DoubleVector.fromArray(WIDE, x, x0 + s);
            a00 = u.fma(v0, a00);
            a01 = u.fma(v1, a01);
            a02 = u.fma(v2, a02);
            u = DoubleVector.fromArray(WIDE, x, x1 + s);
            a10 = u.fma(v0, a10);
            a11 = u.fma(v1, a11);
            a12 = u.fma(v2, a12);
            u = DoubleVector.fromArray(WIDE, x, x2 + s);
            a20 = u.fma(v0, a20);
            a21 = u.fma(v1, a21);
            a22 = u.fma(v2, a22);
            u = DoubleVector.fromArray(WIDE, x, x3 + s);
            a30 = u.fma(v0, a30);
            a31 = u.fma(v1, a31);
            a32 = u.fma(v2, a32);
            u = DoubleVector.fromArray(WIDE, x, x4 + s);
            a40 = u.fma(v0, a40);
            a41 = u.fma(v1, a41);
            a42 = u.fma(v2, a42);
            u = DoubleVector.fromArray(WIDE, x, x5 + s);
            a50 = u.fma(v0, a50);
            a51 = u.fma(v1, a51);
            a52 = u.fma(v2, a52);
            u = DoubleVector.fromArray(WIDE, x, x6 + s);
            a60 = u.fma(v0, a60);
            a61 = u.fma(v1, a61);
            a62 = u.fma(v2, a62);
            u = DoubleVector.fromArray(WIDE, x, x7 + s);
            a70 = u.fma(v0, a70);
            a71 = u.fma(v1, a71);
            a72 = u.fma(v2, a72);
        }
        a00.intoArray(acc, p0);
        a01.intoArray(acc, p0 + 8);
        a02.intoArray(acc, p0 + 16);
        a10.intoArray(acc, p1);
        a11.intoArray(acc, p1 + 8);
        a12.intoArray(acc, p1 + 16);
        a20.intoArray(acc, p2);
        a21.intoArray(acc, p2 + 8);
        a22.intoArray(acc, p2 + 16);
        a30.intoArray(acc, p3);
        a31.intoArray(acc, p3 + 8);
        a32.intoArray(acc, p3 + 16);
        a40.intoArray(acc, p4);
        a41.intoArray(acc, p4 + 8);
        a42.intoArray(acc, p4 + 16);
        a50.intoArray(acc, p5);
        a51.intoArray(acc, p5 + 8);
        a52.intoArray(acc, p5 + 16);
        a60.intoArray(acc, p6);
        a61.intoArray(acc, p6 + 8);
        a62.intoArray(acc, p6 + 16);
        a70.intoArray(acc, p7);
        a71.intoArray(acc, p7 + 8);
        a72.intoArray(acc, p7 + 16);
    }

    /**
     * {@link #rows8x24} over a packed panel of selected terms: panel row q (at q·24) is source row
     * ks[q] for q in [q0, q1), the terms taken in that (increasing) order.
     */
    static void rows8x24Selected(int r0, int[] ks, int q0, int q1, double[] c, int co, int cRow, int cK,
                                 double[] panel, double[] y, int yo, int yStride) {
        int y0 = yo + r0 * yStride;
        int y1 = y0 + yStride;
        int y2 = y1 + yStride;
        int y3 = y2 + yStride;
        int y4 = y3 + yStride;
        int y5 = y4 + yStride;
        int y6 = y5 + yStride;
        int y7 = y6 + yStride;
        DoubleVector a00 = DoubleVector.fromArray(WIDE, y, y0);
        DoubleVector a01 = DoubleVector.fromArray(WIDE, y, y0 + 8);
        DoubleVector a02 = DoubleVector.fromArray(WIDE, y, y0 + 16);
        DoubleVector a10 = DoubleVector.fromArray(WIDE, y, y1);
        DoubleVector a11 = DoubleVector.fromArray(WIDE, y, y1 + 8);
        DoubleVector a12 = DoubleVector.fromArray(WIDE, y, y1 + 16);
        DoubleVector a20 = DoubleVector.fromArray(WIDE, y, y2);
        DoubleVector a21 = DoubleVector.fromArray(WIDE, y, y2 + 8);
        DoubleVector a22 = DoubleVector.fromArray(WIDE, y, y2 + 16);
        DoubleVector a30 = DoubleVector.fromArray(WIDE, y, y3);
        DoubleVector a31 = DoubleVector.fromArray(WIDE, y, y3 + 8);
        DoubleVector a32 = DoubleVector.fromArray(WIDE, y, y3 + 16);
        DoubleVector a40 = DoubleVector.fromArray(WIDE, y, y4);
        DoubleVector a41 = DoubleVector.fromArray(WIDE, y, y4 + 8);
        DoubleVector a42 = DoubleVector.fromArray(WIDE, y, y4 + 16);
        DoubleVector a50 = DoubleVector.fromArray(WIDE, y, y5);
        DoubleVector a51 = DoubleVector.fromArray(WIDE, y, y5 + 8);
        DoubleVector a52 = DoubleVector.fromArray(WIDE, y, y5 + 16);
        DoubleVector a60 = DoubleVector.fromArray(WIDE, y, y6);
        DoubleVector a61 = DoubleVector.fromArray(WIDE, y, y6 + 8);
        DoubleVector a62 = DoubleVector.fromArray(WIDE, y, y6 + 16);
        DoubleVector a70 = DoubleVector.fromArray(WIDE, y, y7);
        DoubleVector a71 = DoubleVector.fromArray(WIDE, y, y7 + 8);
        DoubleVector a72 = DoubleVector.fromArray(WIDE, y, y7 + 16);
        int cr = co + r0 * cRow;
        for (int q = q0; q < q1; q++) {
            int ck = cr + ks[q] * cK;
            int xk = (q - q0) * STRIP;
            DoubleVector x0 = DoubleVector.fromArray(WIDE, panel, xk);
            DoubleVector x1 = DoubleVector.fromArray(WIDE, panel, xk + 8);
            DoubleVector x2 = DoubleVector.fromArray(WIDE, panel, xk + 16);
            DoubleVector w0 = DoubleVector.broadcast(WIDE, c[ck]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            DoubleVector w1 = DoubleVector.broadcast(WIDE, c[ck + cRow]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            DoubleVector w2 = DoubleVector.broadcast(WIDE, c[ck + 2 * cRow]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            a22 = x2.fma(w2, a22);
            DoubleVector w3 = DoubleVector.broadcast(WIDE, c[ck + 3 * cRow]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            a32 = x2.fma(w3, a32);
            DoubleVector w4 = DoubleVector.broadcast(WIDE, c[ck + 4 * cRow]);
            a40 = x0.fma(w4, a40);
            a41 = x1.fma(w4, a41);
            a42 = x2.fma(w4, a42);
            DoubleVector w5 = DoubleVector.broadcast(WIDE, c[ck + 5 * cRow]);
            a50 = x0.fma(w5, a50);
            a51 = x1.fma(w5, a51);
            a52 = x2.fma(w5, a52);
            DoubleVector w6 = DoubleVector.broadcast(WIDE, c[ck + 6 * cRow]);
            a60 = x0.fma(w6, a60);
            a61 = x1.fma(w6, a61);
            a62 = x2.fma(w6, a62);
            DoubleVector w7 = DoubleVector.broadcast(WIDE, c[ck + 7 * cRow]);
            a70 = x0.fma(w7, a70);
            a71 = x1.fma(w7, a71);
            a72 = x2.fma(w7, a72);
        }
        a00.intoArray(y, y0);
        a01.intoArray(y, y0 + 8);
        a02.intoArray(y, y0 + 16);
        a10.intoArray(y, y1);
        a11.intoArray(y, y1 + 8);
        a12.intoArray(y, y1 + 16);
        a20.intoArray(y, y2);
        a21.intoArray(y, y2 + 8);
        a22.intoArray(y, y2 + 16);
        a30.intoArray(y, y3);
        a31.intoArray(y, y3 + 8);
        a32.intoArray(y, y3 + 16);
        a40.intoArray(y, y4);
        a41.intoArray(y, y4 + 8);
        a42.intoArray(y, y4 + 16);
        a50.intoArray(y, y5);
        a51.intoArray(y, y5 + 8);
        a52.intoArray(y, y5 + 16);
        a60.intoArray(y, y6);
        a61.intoArray(y, y6 + 8);
        a62.intoArray(y, y6 + 16);
        a70.intoArray(y, y7);
        a71.intoArray(y, y7 + 8);
        a72.intoArray(y, y7 + 16);
    }
}
