package netdyn.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked SIMD forms of {@link VecOps#axpyRows} over many rows at once, for 8-lane vectors
 * (AVX-512); {@link LayerProducts} uses them when the machine has that width and falls back to the
 * row-by-row kernels otherwise. Each output element sees exactly the operations of its row-by-row
 * twin in the same order (one fused multiply-add per term, in k order), so the bits are the same;
 * only the reuse of loaded operands across rows differs.
 *
 * <p>Row combinations load a 24-sample strip of each source row once for eight output rows (24
 * accumulators); the sample-order dot tables are row combinations too (terms = samples, source rows =
 * packed samples of 32 table columns, six table rows per tile). Four-row and single forms serve the edges.
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
     * Rows y_r[s0..s0+32) for r in [r0, r0+2) += Σ_{k0 ≤ k < k1} c(r, k) x_k[..] in k order: the edge of
     * {@link #rows6x32} (784 x rows leave four), eight chains where single rows would run one each.
     */
    static void rows2x32(int r0, int s0, int k0, int k1, double[] c, int co, int cRow, int cK, double[] x, int xo,
                         int xStride, double[] y, int yo, int yStride) {
        int y0 = yo + r0 * yStride + s0;
        int y1 = y0 + yStride;
        DoubleVector a00 = DoubleVector.fromArray(WIDE, y, y0);
        DoubleVector a01 = DoubleVector.fromArray(WIDE, y, y0 + 8);
        DoubleVector a02 = DoubleVector.fromArray(WIDE, y, y0 + 16);
        DoubleVector a03 = DoubleVector.fromArray(WIDE, y, y0 + 24);
        DoubleVector a10 = DoubleVector.fromArray(WIDE, y, y1);
        DoubleVector a11 = DoubleVector.fromArray(WIDE, y, y1 + 8);
        DoubleVector a12 = DoubleVector.fromArray(WIDE, y, y1 + 16);
        DoubleVector a13 = DoubleVector.fromArray(WIDE, y, y1 + 24);
        int ck = co + r0 * cRow + k0 * cK;
        int xk = xo + k0 * xStride + s0;
        for (int k = k0; k < k1; k++, ck += cK, xk += xStride) {
            DoubleVector x0 = DoubleVector.fromArray(WIDE, x, xk);
            DoubleVector x1 = DoubleVector.fromArray(WIDE, x, xk + 8);
            DoubleVector x2 = DoubleVector.fromArray(WIDE, x, xk + 16);
            DoubleVector x3 = DoubleVector.fromArray(WIDE, x, xk + 24);
            DoubleVector w0 = DoubleVector.broadcast(WIDE, c[ck]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            a03 = x3.fma(w0, a03);
            DoubleVector w1 = DoubleVector.broadcast(WIDE, c[ck + cRow]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            a13 = x3.fma(w1, a13);
        }
        a00.intoArray(y, y0);
        a01.intoArray(y, y0 + 8);
        a02.intoArray(y, y0 + 16);
        a03.intoArray(y, y0 + 24);
        a10.intoArray(y, y1);
        a11.intoArray(y, y1 + 8);
        a12.intoArray(y, y1 + 16);
        a13.intoArray(y, y1 + 24);
    }

    /**
     * Rows y_r[s0..s0+32) for r in [r0, r0+6) += Σ_{k0 ≤ k < k1} c(r, k) x_k[..] in k order: the tile of
     * the sample-order dot tables (x_k a packed sample of 32 table columns, c(r, k) the x rows' values),
     * 24 accumulators from four loads and six broadcasts per term.
     */
    static void rows6x32(int r0, int s0, int k0, int k1, double[] c, int co, int cRow, int cK, double[] x, int xo,
                         int xStride, double[] y, int yo, int yStride) {
        int y0 = yo + r0 * yStride + s0;
        int y1 = y0 + yStride;
        int y2 = y1 + yStride;
        int y3 = y2 + yStride;
        int y4 = y3 + yStride;
        int y5 = y4 + yStride;
        DoubleVector a00 = DoubleVector.fromArray(WIDE, y, y0);
        DoubleVector a01 = DoubleVector.fromArray(WIDE, y, y0 + 8);
        DoubleVector a02 = DoubleVector.fromArray(WIDE, y, y0 + 16);
        DoubleVector a03 = DoubleVector.fromArray(WIDE, y, y0 + 24);
        DoubleVector a10 = DoubleVector.fromArray(WIDE, y, y1);
        DoubleVector a11 = DoubleVector.fromArray(WIDE, y, y1 + 8);
        DoubleVector a12 = DoubleVector.fromArray(WIDE, y, y1 + 16);
        DoubleVector a13 = DoubleVector.fromArray(WIDE, y, y1 + 24);
        DoubleVector a20 = DoubleVector.fromArray(WIDE, y, y2);
        DoubleVector a21 = DoubleVector.fromArray(WIDE, y, y2 + 8);
        DoubleVector a22 = DoubleVector.fromArray(WIDE, y, y2 + 16);
        DoubleVector a23 = DoubleVector.fromArray(WIDE, y, y2 + 24);
        DoubleVector a30 = DoubleVector.fromArray(WIDE, y, y3);
        DoubleVector a31 = DoubleVector.fromArray(WIDE, y, y3 + 8);
        DoubleVector a32 = DoubleVector.fromArray(WIDE, y, y3 + 16);
        DoubleVector a33 = DoubleVector.fromArray(WIDE, y, y3 + 24);
        DoubleVector a40 = DoubleVector.fromArray(WIDE, y, y4);
        DoubleVector a41 = DoubleVector.fromArray(WIDE, y, y4 + 8);
        DoubleVector a42 = DoubleVector.fromArray(WIDE, y, y4 + 16);
        DoubleVector a43 = DoubleVector.fromArray(WIDE, y, y4 + 24);
        DoubleVector a50 = DoubleVector.fromArray(WIDE, y, y5);
        DoubleVector a51 = DoubleVector.fromArray(WIDE, y, y5 + 8);
        DoubleVector a52 = DoubleVector.fromArray(WIDE, y, y5 + 16);
        DoubleVector a53 = DoubleVector.fromArray(WIDE, y, y5 + 24);
        int ck = co + r0 * cRow + k0 * cK;
        int xk = xo + k0 * xStride + s0;
        for (int k = k0; k < k1; k++, ck += cK, xk += xStride) {
            DoubleVector x0 = DoubleVector.fromArray(WIDE, x, xk);
            DoubleVector x1 = DoubleVector.fromArray(WIDE, x, xk + 8);
            DoubleVector x2 = DoubleVector.fromArray(WIDE, x, xk + 16);
            DoubleVector x3 = DoubleVector.fromArray(WIDE, x, xk + 24);
            DoubleVector w0 = DoubleVector.broadcast(WIDE, c[ck]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            a03 = x3.fma(w0, a03);
            DoubleVector w1 = DoubleVector.broadcast(WIDE, c[ck + cRow]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            a13 = x3.fma(w1, a13);
            DoubleVector w2 = DoubleVector.broadcast(WIDE, c[ck + 2 * cRow]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            a22 = x2.fma(w2, a22);
            a23 = x3.fma(w2, a23);
            DoubleVector w3 = DoubleVector.broadcast(WIDE, c[ck + 3 * cRow]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            a32 = x2.fma(w3, a32);
            a33 = x3.fma(w3, a33);
            DoubleVector w4 = DoubleVector.broadcast(WIDE, c[ck + 4 * cRow]);
            a40 = x0.fma(w4, a40);
            a41 = x1.fma(w4, a41);
            a42 = x2.fma(w4, a42);
            a43 = x3.fma(w4, a43);
            DoubleVector w5 = DoubleVector.broadcast(WIDE, c[ck + 5 * cRow]);
            a50 = x0.fma(w5, a50);
            a51 = x1.fma(w5, a51);
            a52 = x2.fma(w5, a52);
            a53 = x3.fma(w5, a53);
        }
        a00.intoArray(y, y0);
        a01.intoArray(y, y0 + 8);
        a02.intoArray(y, y0 + 16);
        a03.intoArray(y, y0 + 24);
        a10.intoArray(y, y1);
        a11.intoArray(y, y1 + 8);
        a12.intoArray(y, y1 + 16);
        a13.intoArray(y, y1 + 24);
        a20.intoArray(y, y2);
        a21.intoArray(y, y2 + 8);
        a22.intoArray(y, y2 + 16);
        a23.intoArray(y, y2 + 24);
        a30.intoArray(y, y3);
        a31.intoArray(y, y3 + 8);
        a32.intoArray(y, y3 + 16);
        a33.intoArray(y, y3 + 24);
        a40.intoArray(y, y4);
        a41.intoArray(y, y4 + 8);
        a42.intoArray(y, y4 + 16);
        a43.intoArray(y, y4 + 24);
        a50.intoArray(y, y5);
        a51.intoArray(y, y5 + 8);
        a52.intoArray(y, y5 + 16);
        a53.intoArray(y, y5 + 24);
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
     * {@link #rows8x24} for rows y[yo + j·yStride ..] (j &lt; 8) over a panel of selected terms: panel row q (at
     * q·24) is source row ks[q] for q in [q0, q1), the terms taken in that (increasing) order, and the
     * coefficients are a tile of 8 rows, c(j, k) at c[co + 8k + j].
     */
    static void rows8x24Selected(int[] ks, int q0, int q1, double[] c, int co, double[] panel, double[] y, int yo,
                                 int yStride) {
        int y0 = yo;
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
        for (int q = q0; q < q1; q++) {
            int ck = co + 8 * ks[q];
            int xk = q * STRIP;
            DoubleVector x0 = DoubleVector.fromArray(WIDE, panel, xk);
            DoubleVector x1 = DoubleVector.fromArray(WIDE, panel, xk + 8);
            DoubleVector x2 = DoubleVector.fromArray(WIDE, panel, xk + 16);
            DoubleVector w0 = DoubleVector.broadcast(WIDE, c[ck]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            DoubleVector w1 = DoubleVector.broadcast(WIDE, c[ck + 1]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            DoubleVector w2 = DoubleVector.broadcast(WIDE, c[ck + 2]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            a22 = x2.fma(w2, a22);
            DoubleVector w3 = DoubleVector.broadcast(WIDE, c[ck + 3]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            a32 = x2.fma(w3, a32);
            DoubleVector w4 = DoubleVector.broadcast(WIDE, c[ck + 4]);
            a40 = x0.fma(w4, a40);
            a41 = x1.fma(w4, a41);
            a42 = x2.fma(w4, a42);
            DoubleVector w5 = DoubleVector.broadcast(WIDE, c[ck + 5]);
            a50 = x0.fma(w5, a50);
            a51 = x1.fma(w5, a51);
            a52 = x2.fma(w5, a52);
            DoubleVector w6 = DoubleVector.broadcast(WIDE, c[ck + 6]);
            a60 = x0.fma(w6, a60);
            a61 = x1.fma(w6, a61);
            a62 = x2.fma(w6, a62);
            DoubleVector w7 = DoubleVector.broadcast(WIDE, c[ck + 7]);
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
