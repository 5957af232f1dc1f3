package netdyn.nn;

/**
 * Plain-Java versions of the {@link VecOps} kernels; they define the bits the SIMD versions must
 * reproduce, and serve the tails of SIMD loops.
 */
final class ScalarKernels {
    // exp: x = k ln 2 + r with |r| ≤ ln2/2; e^r by a degree-11 polynomial interpolating e^r at the
    // Chebyshev nodes of [−1.0005·ln2/2, 1.0005·ln2/2] (computed in exact rational arithmetic, within
    // 1 ulp of e^r there); 2^k built in the exponent field. LN2_HI (fdlibm's) has its low 32 bits
    // zero, so k·LN2_HI is exact for |k| < 2^20. Horner runs on fused multiply-adds (Math.fma is
    // correctly rounded, so the SIMD twin's FMA lanes give the same bits).
    static final double LOG2E = 1.4426950408889634;
    static final double SHIFT = 0x1.8p52; // adding it rounds to an integer kept in the low mantissa bits
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double EXP_MIN = -708;
    static final double EXP_MAX = 709;
    static final double C11 = 2.5110095611886237e-08;
    static final double C10 = 2.7632715071632255e-07;
    static final double C9 = 2.7557240761739257e-06;
    static final double C8 = 2.4801485278370062e-05;
    static final double C7 = 0.00019841269890193705;
    static final double C6 = 0.0013888888952505406;
    static final double C5 = 0.008333333333319546;
    static final double C4 = 0.04166666666648738;
    static final double C3 = 0.1666666666666668;
    static final double C2 = 0.5000000000000019;
    static final double C1 = 1.0;
    static final double C0 = 1.0;

    private ScalarKernels() {
    }

    static double exp(double x) {
        // clamp by comparison, not Math.min/max: the same result for every input (NaN stays NaN),
        // and the SIMD twin's compare-and-blend is far cheaper than its NaN-aware max/min
        if (x < EXP_MIN) {
            x = EXP_MIN;
        } else if (x > EXP_MAX) {
            x = EXP_MAX;
        }
        double t = x * LOG2E + SHIFT;
        double k = t - SHIFT;
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double p = C11;
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, C1);
        p = Math.fma(p, r, C0);
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023) << 52);
        return p * scale;
    }

    // tanh(x) = sign(x)·|t| / (t + 2) with t = e^y − 1, y = −2|x| below |x| = 1 (no cancellation in t) and
    // +2|x| above. e^y − 1 = 2^k·(e^r − 1) + (2^k − 1) with y = k ln 2 + r as in exp, and e^r − 1 =
    // r + r²·Q(r), Q the Taylor polynomial of degree 12 (terms to r^14/14!, truncation below 1e-19
    // relative for |r| ≤ ln2/2). The quotient amplifies an error in t (dz/dt ≈ −1 where |z| ≈ |t|/2), so
    // t is kept as an unevaluated sum t_hi + t_lo (2^k·e is exact) and the quotient is corrected for
    // t_lo, for the rounding of t + 2 and for its own rounding: within about 1 ulp of fdlibm's tanh.
    static final double[] EXPM1_Q = {
        1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800,
        1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0, 1.0 / 87178291200.0};
    /** |x| above which tanh(x) rounds to ±1. */
    static final double TANH_SATURATION = 22;

    static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax > TANH_SATURATION) {
            ax = TANH_SATURATION;
        }
        double y = ax < 1 ? -2 * ax : 2 * ax;
        // e^r − 1
        double t = y * LOG2E + SHIFT;
        double k = t - SHIFT;
        double r = (y - k * LN2_HI) - k * LN2_LO;
        double q = EXPM1_Q[12];
        for (int i = 11; i >= 0; i--) {
            q = Math.fma(q, r, EXPM1_Q[i]);
        }
        double e = Math.fma(r * r, q, r);
        // t = 2^k·e + (2^k − 1) = hi + lo exactly (two-sum of two exact terms)
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023) << 52);
        double a = scale * e;
        double b = scale - 1;
        double hi = a + b;
        double bv = hi - a;
        double lo = (a - (hi - bv)) + (b - bv);
        // |t| / (t + 2): d = t + 2 = dHi + dLo (two-sum, plus lo), then one corrected division
        double dHi = hi + 2;
        double dv = dHi - hi;
        double dLo = ((hi - (dHi - dv)) + (2 - dv)) + lo;
        double nHi = Math.abs(hi);
        // |t| = |hi| + sign(hi)·lo: lo with its sign flipped where hi is negative
        double nLo = Double.longBitsToDouble(Double.doubleToRawLongBits(lo) ^ (Double.doubleToRawLongBits(hi) & Long.MIN_VALUE));
        double z = nHi / dHi;
        double remainder = Math.fma(-z, dHi, nHi); // exact
        z = z + (remainder + nLo - z * dLo) / dHi;
        return Math.copySign(z, x);
    }

    static void tanh(int from, int to, double[] a, double[] h, double[] fp) {
        for (int i = from; i < to; i++) {
            double t = tanh(a[i]);
            h[i] = t;
            fp[i] = 1 - t * t;
        }
    }

    static void sigmoid(int from, int to, double[] a, double[] h, double[] fp) {
        for (int i = from; i < to; i++) {
            double s = 1 / (1 + exp(-a[i]));
            h[i] = s;
            fp[i] = s * (1 - s);
        }
    }

    static void expShifted(int from, int to, double[] z, int o, double[] m, double[] u) {
        for (int s = from; s < to; s++) {
            u[o + s] = exp(z[o + s] - m[s]);
        }
    }

    static double dot(int n, double[] x, int xo, double[] y, int yo) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int s = 0;
        for (; s + 7 < n; s += 8) {
            s0 = Math.fma(x[xo + s], y[yo + s], s0);
            s1 = Math.fma(x[xo + s + 1], y[yo + s + 1], s1);
            s2 = Math.fma(x[xo + s + 2], y[yo + s + 2], s2);
            s3 = Math.fma(x[xo + s + 3], y[yo + s + 3], s3);
            s4 = Math.fma(x[xo + s + 4], y[yo + s + 4], s4);
            s5 = Math.fma(x[xo + s + 5], y[yo + s + 5], s5);
            s6 = Math.fma(x[xo + s + 6], y[yo + s + 6], s6);
            s7 = Math.fma(x[xo + s + 7], y[yo + s + 7], s7);
        }
        double tail = 0;
        for (; s < n; s++) {
            tail = Math.fma(x[xo + s], y[yo + s], tail);
        }
        return combine(s0, s1, s2, s3, s4, s5, s6, s7) + tail;
    }

    static double sum(int n, double[] x, int xo) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int s = 0;
        for (; s + 7 < n; s += 8) {
            s0 += x[xo + s];
            s1 += x[xo + s + 1];
            s2 += x[xo + s + 2];
            s3 += x[xo + s + 3];
            s4 += x[xo + s + 4];
            s5 += x[xo + s + 5];
            s6 += x[xo + s + 6];
            s7 += x[xo + s + 7];
        }
        double tail = 0;
        for (; s < n; s++) {
            tail += x[xo + s];
        }
        return combine(s0, s1, s2, s3, s4, s5, s6, s7) + tail;
    }

    /** The fixed combination of the eight partial sums: lanes (s_j + s_{j+4}), then pairwise. */
    static double combine(double s0, double s1, double s2, double s3, double s4, double s5, double s6, double s7) {
        double l0 = s0 + s4;
        double l1 = s1 + s5;
        double l2 = s2 + s6;
        double l3 = s3 + s7;
        return (l0 + l1) + (l2 + l3);
    }
}
