package netdyn.dynamics;

/**
 * The Lozi map (x, y) ← (1 − a |x| + y, b x), the piecewise-linear Hénon map.
 *
 * <p>Jacobian [[−a sgn x, 1], [b, 0]] (sgn 0 taken as +1; the kink x = 0 is met with probability
 * zero) with constant determinant −b, so ln |det DF| = ln |b|. Classic parameters a = 1.7,
 * b = 0.5: Lyapunov exponents 0.4703 and −1.1634 per step (natural log; sum ln 0.5).
 *
 * <p>Stateless and thread-safe. Cost: 4 flops per step, 3 per tangent vector.
 *
 * <p>Reference: R. Lozi, "Un attracteur étrange (?) du type attracteur de Hénon", J. Phys. Colloques
 * 39, C5-9–C5-10 (1978), doi:10.1051/jphyscol:1978505. Exponents: J. C. Sprott, Chaos and
 * Time-Series Analysis, Oxford University Press (2003), appendix A.
 */
public final class LoziMap extends HenonFamilyMap {
    public static final double CLASSIC_A = 1.7;
    public static final double CLASSIC_B = 0.5;

    /** The classic a = 1.7, b = 0.5. */
    public LoziMap() {
        this(CLASSIC_A, CLASSIC_B);
    }

    /**
     * @param a the slope of the tent, a finite number
     * @param b the contraction (the Jacobian's determinant is −b), a finite number
     */
    public LoziMap(double a, double b) {
        super(a, b);
    }

    @Override
    double f(double x) {
        return a * Math.abs(x);
    }

    @Override
    double fPrime(double x) {
        return x < 0 ? -a : a;
    }
}
