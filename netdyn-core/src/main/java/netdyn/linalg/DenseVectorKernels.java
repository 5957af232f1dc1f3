package netdyn.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of the {@link DenseOps} kernels on the Vector API (JEP 417, incubating in JDK 17): the same
 * fused multiply-adds lane by lane, so the two agree bit for bit; only loaded when {@code jdk.incubator.vector}
 * is present. The species is the preferred one, as in the network kernels: one species per JVM keeps the Vector
 * API's call-site profiles monomorphic (a second species drops JDK 17 to its slow boxed path).
 */
final class DenseVectorKernels {
    private static final VectorSpecies<Double> WIDE = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = WIDE.length();

    private DenseVectorKernels() {
    }

    /** Whether this machine's vector width suits the kernels (4 or 8 doubles, as the network kernels want). */
    static boolean supported() {
        return LANES == 4 || LANES == 8;
    }

    static void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        DoubleVector a = DoubleVector.broadcast(WIDE, alpha);
        int bound = WIDE.loopBound(n);
        int s = 0;
        for (; s < bound; s += LANES) {
            DoubleVector.fromArray(WIDE, x, xo + s).fma(a, DoubleVector.fromArray(WIDE, y, yo + s))
                    .intoArray(y, yo + s);
        }
        for (; s < n; s++) {
            y[yo + s] = Math.fma(alpha, x[xo + s], y[yo + s]);
        }
    }

    static void axpy4(int n, double w0, double w1, double w2, double w3, double[] x, int x0, int x1, int x2, int x3,
                      double[] y, int yo) {
        DoubleVector a0 = DoubleVector.broadcast(WIDE, w0);
        DoubleVector a1 = DoubleVector.broadcast(WIDE, w1);
        DoubleVector a2 = DoubleVector.broadcast(WIDE, w2);
        DoubleVector a3 = DoubleVector.broadcast(WIDE, w3);
        int bound = WIDE.loopBound(n);
        int s = 0;
        for (; s < bound; s += LANES) {
            DoubleVector acc = DoubleVector.fromArray(WIDE, x, x0 + s).fma(a0, DoubleVector.fromArray(WIDE, y, yo + s));
            acc = DoubleVector.fromArray(WIDE, x, x1 + s).fma(a1, acc);
            acc = DoubleVector.fromArray(WIDE, x, x2 + s).fma(a2, acc);
            DoubleVector.fromArray(WIDE, x, x3 + s).fma(a3, acc).intoArray(y, yo + s);
        }
        DenseOps.axpy4(s, n, w0, w1, w2, w3, x, x0, x1, x2, x3, y, yo);
    }
}
