package netdyn.lyapunov;

import netdyn.dynamics.DiscreteMap;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * The maximal Lyapunov exponent from two nearby orbits, renormalised (Benettin, Galgani &amp;
 * Strelcyn, Phys. Rev. A 14, 1976, doi:10.1103/PhysRevA.14.2338): a twin starts at distance d0
 * (Euclidean) in a random direction (seed purpose "twin-direction"); after every step the distance
 * d is measured, ln(d/d0) accumulated and the twin pulled back to distance d0 along the same
 * direction. λ_1 ≈ Σ ln(d/d0) / (steps · time per step). Needs no tangent map: an independent check
 * of the QR estimate, valid while d0 is small enough for linear response and large enough to stay
 * above rounding (d0 ≈ 1e-8 of the state's scale).
 */
public final class TwinOrbitEstimator {
    private TwinOrbitEstimator() {
    }

    /** Result: the exponent, the steps it averages, and why it stopped early (null if it did not). */
    public record Result(double exponent, long steps, String failure) {
    }

    public static Result run(DiscreteMap map, double[] x0, long transient_, long steps, double d0, long seed) {
        int n = map.dimension();
        double[] x = x0.clone();
        double[] y = new double[n];
        double[] fx = new double[n];
        double[] fy = new double[n];
        for (long t = 0; t < transient_; t++) {
            map.step(t, x, fx);
            System.arraycopy(fx, 0, x, 0, n);
        }
        SplitMix64 rng = Seeds.generator(seed, "twin-direction");
        double norm = 0;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextGaussian();
            norm += u[i] * u[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + d0 * u[i] / norm;
        }
        map.clampToDomain(y);
        double sum = 0;
        for (long s = 0; s < steps; s++) {
            long t = transient_ + s;
            map.step(t, x, fx);
            map.step(t, y, fy);
            double d = 0;
            boolean finite = true;
            for (int i = 0; i < n; i++) {
                double diff = fy[i] - fx[i];
                d += diff * diff;
                finite &= Double.isFinite(fx[i]) && Double.isFinite(fy[i]);
            }
            d = Math.sqrt(d);
            if (!finite || !(d > 0)) {
                String why = !finite ? "non-finite state at step " + t : "the twin orbits coincided at step " + t;
                return new Result(s == 0 ? Double.NaN : sum / (s * map.timePerStep()), s, why);
            }
            sum += Math.log(d / d0);
            double scale = d0 / d;
            for (int i = 0; i < n; i++) {
                x[i] = fx[i];
                y[i] = fx[i] + (fy[i] - fx[i]) * scale;
            }
            map.clampToDomain(y);
        }
        return new Result(sum / (steps * map.timePerStep()), steps, null);
    }
}
