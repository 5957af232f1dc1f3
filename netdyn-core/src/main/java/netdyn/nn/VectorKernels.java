package netdyn.nn;

import static netdyn.nn.ScalarKernels.C0;
import static netdyn.nn.ScalarKernels.C1;
import static netdyn.nn.ScalarKernels.C10;
import static netdyn.nn.ScalarKernels.C11;
import static netdyn.nn.ScalarKernels.C2;
import static netdyn.nn.ScalarKernels.C3;
import static netdyn.nn.ScalarKernels.C4;
import static netdyn.nn.ScalarKernels.C5;
import static netdyn.nn.ScalarKernels.C6;
import static netdyn.nn.ScalarKernels.C7;
import static netdyn.nn.ScalarKernels.C8;
import static netdyn.nn.ScalarKernels.C9;
import static netdyn.nn.ScalarKernels.EXP_MAX;
import static netdyn.nn.ScalarKernels.EXP_MIN;
import static netdyn.nn.ScalarKernels.EXPM1_Q;
import static netdyn.nn.ScalarKernels.LN2_HI;
import static netdyn.nn.ScalarKernels.LN2_LO;
import static netdyn.nn.ScalarKernels.LOG2E;
import static netdyn.nn.ScalarKernels.SHIFT;
import static netdyn.nn.ScalarKernels.TANH_SATURATION;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of the {@link VecOps} kernels on the Vector API (JEP 338/417, incubating in JDK 17).
 * Each performs exactly the operations of its {@link ScalarKernels} twin, lane by lane, so the two
 * agree bit for bit; only loaded when the {@code jdk.incubator.vector} module is present.
 */
final class VectorKernels {
    /**
     * One species for every kernel: mixing species pollutes the Vector API's type profiles and
     * drops JDK 17 to its slow boxed path (measured: an axpy of 120 doubles takes 16 ns alone and
     * 360 ns once a second species shares the call sites). The preferred (widest) species is used;
     * reductions keep the eight partial sums of the scalar kernels whatever the width, as one
     * 8-lane or two 4-lane accumulators, so the bits do not depend on the hardware.
     */
    private static final VectorSpecies<Double> WIDE = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = WIDE.length();

    /** Whether this machine's vector width suits the kernels (4 or 8 doubles). */
    static boolean supported() {
        return LANES == 4 || LANES == 8;
    }

    private VectorKernels() {
    }

    private static DoubleVector exp(DoubleVector x) {
        x = x.blend(EXP_MIN, x.lt(EXP_MIN)).blend(EXP_MAX, x.compare(VectorOperators.GT, EXP_MAX));
        DoubleVector t = x.mul(LOG2E).add(SHIFT);
        DoubleVector k = t.sub(SHIFT);
        DoubleVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
        DoubleVector p = DoubleVector.broadcast(WIDE, C11);
        p = p.fma(r, DoubleVector.broadcast(WIDE, C10));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C9));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C8));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C7));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C6));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C5));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C4));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C3));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C2));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C1));
        p = p.fma(r, DoubleVector.broadcast(WIDE, C0));
        LongVector bits = t.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52);
        return p.mul(bits.reinterpretAsDoubles());
    }

    /**
     * Elements per chunk of {@link #tanh}'s two passes: a, h and fp of a chunk (24 KB) stay in the level-1
     * cache between them.
     */
    private static final int TANH_CHUNK = 1024;

    /**
     * tanh and its derivative, in two passes per chunk ({@link #tanhExpm1}, {@link #tanhQuotient}, h and fp
     * holding the intermediate hi + lo pair): one loop with both would exceed C2's inlining node budget, and
     * the vector operations left out of line run on their slow Java fallback (measured 11.5 against
     * 4 ns per element); the operations and so the bits are the same.
     */
    static void tanh(int from, int to, double[] a, double[] h, double[] fp) {
        int bound = from + WIDE.loopBound(to - from);
        for (int i0 = from; i0 < bound; i0 += TANH_CHUNK) {
            int i1 = Math.min(bound, i0 + TANH_CHUNK);
            tanhExpm1(i0, i1, a, h, fp);
            tanhQuotient(i0, i1, a, h, fp);
        }
        ScalarKernels.tanh(bound, to, a, h, fp);
    }

    /** expm1(∓2|a|) (clamped at the saturation point) as an exact pair hi + lo into (h, fp), elements [i0, i1). */
    private static void tanhExpm1(int i0, int i1, double[] a, double[] h, double[] fp) {
        for (int i = i0; i < i1; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(WIDE, a, i);
            DoubleVector ax = abs(x);
            ax = ax.blend(TANH_SATURATION, ax.compare(VectorOperators.GT, TANH_SATURATION));
            DoubleVector twice = ax.mul(2.0);
            DoubleVector y = twice.blend(twice.neg(), ax.lt(1.0));
            DoubleVector t = y.mul(LOG2E).add(SHIFT);
            DoubleVector k = t.sub(SHIFT);
            DoubleVector r = y.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
            DoubleVector q = DoubleVector.broadcast(WIDE, EXPM1_Q[12]);
            for (int c = 11; c >= 0; c--) {
                q = q.fma(r, DoubleVector.broadcast(WIDE, EXPM1_Q[c]));
            }
            DoubleVector e = r.mul(r).fma(q, r);
            DoubleVector scale = t.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            DoubleVector pa = scale.mul(e);
            DoubleVector pb = scale.sub(1.0);
            DoubleVector hi = pa.add(pb);
            DoubleVector bv = hi.sub(pa);
            DoubleVector lo = pa.sub(hi.sub(bv)).add(pb.sub(bv));
            hi.intoArray(h, i);
            lo.intoArray(fp, i);
        }
    }

    /** From the pair (hi, lo) = expm1(∓2|a|) in (h, fp): h = tanh a = ±|hi + lo| / (hi + lo + 2), fp = 1 − h². */
    private static void tanhQuotient(int i0, int i1, double[] a, double[] h, double[] fp) {
        DoubleVector one = DoubleVector.broadcast(WIDE, 1.0);
        DoubleVector two = DoubleVector.broadcast(WIDE, 2.0);
        for (int i = i0; i < i1; i += LANES) {
            DoubleVector hi = DoubleVector.fromArray(WIDE, h, i);
            DoubleVector lo = DoubleVector.fromArray(WIDE, fp, i);
            DoubleVector dHi = hi.add(2.0);
            DoubleVector dv = dHi.sub(hi);
            DoubleVector dLo = hi.sub(dHi.sub(dv)).add(two.sub(dv)).add(lo);
            DoubleVector nHi = abs(hi);
            DoubleVector nLo = lo.reinterpretAsLongs().lanewise(VectorOperators.XOR, hi.reinterpretAsLongs().and(Long.MIN_VALUE))
                    .reinterpretAsDoubles();
            DoubleVector z = nHi.div(dHi);
            DoubleVector remainder = z.neg().fma(dHi, nHi);
            z = z.add(remainder.add(nLo).sub(z.mul(dLo)).div(dHi));
            DoubleVector x = DoubleVector.fromArray(WIDE, a, i);
            DoubleVector signed = withSignOf(abs(z), x);
            signed.intoArray(h, i);
            one.sub(signed.mul(signed)).intoArray(fp, i);
        }
    }

    /**
     * |v| as max(v, −v): the same value as Math.abs for every input but NaN payloads (−0 gives +0). JDK 17
     * runs DoubleVector.abs() on its slow per-lane fallback here (measured: 10 % of an MNIST-size step).
     */
    private static DoubleVector abs(DoubleVector v) {
        return v.max(v.neg());
    }

    /** |m| with the sign bit of s: Math.copySign for a non-negative m. */
    private static DoubleVector withSignOf(DoubleVector m, DoubleVector s) {
        return m.reinterpretAsLongs().or(s.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    static void sigmoid(int from, int to, double[] a, double[] h, double[] fp) {
        int step = WIDE.length();
        int bound = from + WIDE.loopBound(to - from);
        int i = from;
        DoubleVector one = DoubleVector.broadcast(WIDE, 1.0);
        for (; i < bound; i += step) {
            DoubleVector e = exp(DoubleVector.fromArray(WIDE, a, i).neg());
            DoubleVector s = one.div(e.add(1.0));
            s.intoArray(h, i);
            s.mul(one.sub(s)).intoArray(fp, i);
        }
        ScalarKernels.sigmoid(i, to, a, h, fp);
    }

    static void expShifted(int n, double[] z, int o, double[] m, double[] u) {
        int step = WIDE.length();
        int bound = WIDE.loopBound(n);
        int s = 0;
        for (; s < bound; s += step) {
            exp(DoubleVector.fromArray(WIDE, z, o + s).sub(DoubleVector.fromArray(WIDE, m, s))).intoArray(u, o + s);
        }
        ScalarKernels.expShifted(s, n, z, o, m, u);
    }

    static double dot(int n, double[] x, int xo, double[] y, int yo) {
        DoubleVector acc0 = DoubleVector.zero(WIDE);
        DoubleVector acc1 = DoubleVector.zero(WIDE);
        int s = 0;
        if (LANES == 8) {
            for (; s + 7 < n; s += 8) {
                acc0 = DoubleVector.fromArray(WIDE, x, xo + s).fma(DoubleVector.fromArray(WIDE, y, yo + s), acc0);
            }
        } else {
            for (; s + 7 < n; s += 8) {
                acc0 = DoubleVector.fromArray(WIDE, x, xo + s).fma(DoubleVector.fromArray(WIDE, y, yo + s), acc0);
                acc1 = DoubleVector.fromArray(WIDE, x, xo + s + 4).fma(DoubleVector.fromArray(WIDE, y, yo + s + 4), acc1);
            }
        }
        double tail = 0;
        for (; s < n; s++) {
            tail = Math.fma(x[xo + s], y[yo + s], tail);
        }
        return combine(acc0, acc1) + tail;
    }

    static double sum(int n, double[] x, int xo) {
        DoubleVector acc0 = DoubleVector.zero(WIDE);
        DoubleVector acc1 = DoubleVector.zero(WIDE);
        int s = 0;
        if (LANES == 8) {
            for (; s + 7 < n; s += 8) {
                acc0 = acc0.add(DoubleVector.fromArray(WIDE, x, xo + s));
            }
        } else {
            for (; s + 7 < n; s += 8) {
                acc0 = acc0.add(DoubleVector.fromArray(WIDE, x, xo + s));
                acc1 = acc1.add(DoubleVector.fromArray(WIDE, x, xo + s + 4));
            }
        }
        double tail = 0;
        for (; s < n; s++) {
            tail += x[xo + s];
        }
        return combine(acc0, acc1) + tail;
    }

    /** The eight partial sums s_0..s_7 combined as {@link ScalarKernels#combine} does. */
    private static double combine(DoubleVector acc0, DoubleVector acc1) {
        if (LANES == 8) {
            return ScalarKernels.combine(acc0.lane(0), acc0.lane(1), acc0.lane(2), acc0.lane(3), acc0.lane(4),
                    acc0.lane(5), acc0.lane(6), acc0.lane(7));
        }
        return ScalarKernels.combine(acc0.lane(0), acc0.lane(1), acc0.lane(2), acc0.lane(3), acc1.lane(0),
                acc1.lane(1), acc1.lane(2), acc1.lane(3));
    }
}
