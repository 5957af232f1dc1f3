package netdyn.lyapunov;

import java.util.Arrays;

import netdyn.dynamics.DiscreteMap;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * The Lyapunov spectrum (or its top k) of a {@link DiscreteMap} by QR re-orthonormalisation
 * (Benettin, Galgani, Giorgilli &amp; Strelcyn, Meccanica 15, 1980, doi:10.1007/BF02128236;
 * Shimada &amp; Nagashima, Prog. Theor. Phys. 61, 1979, doi:10.1143/PTP.61.1605):
 * k tangent vectors advance by the exact tangent map, W ← DF_t(x_t) W, and every q steps
 * W = QR, λ_i += ln|R_ii|; the exponents are the averages per unit time.
 *
 * <p>A reusable estimator: it owns its workspace for one (dimension, k) and is reset by every
 * {@link #run}. Not thread-safe. The start frame is a random orthonormal frame drawn from
 * {@code Seeds.generator(seed, "lyapunov-frame")}; during the transient the orbit settles and the
 * frame aligns with the dominant directions, without accumulating (so the estimates carry no
 * O(1/T) bias from the start frame). A state that becomes non-finite or leaves the
 * map's domain ends the run early; the exponents then average the steps before it.
 */
public final class QrSpectrumEstimator {
    private final DiscreteMap map;
    private final int n;
    private final int k;
    private final double[] x;
    private final double[] next;
    private final double[] frame;
    private final double[] image;
    private final double[] logDiag;
    private final double[] sums;
    private final double[] running;
    private final Orthonormalizer qr;

    public QrSpectrumEstimator(DiscreteMap map, int k) {
        this.map = map;
        this.n = map.dimension();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k = " + k + " outside [1, " + n + "]");
        }
        this.k = k;
        x = new double[n];
        next = new double[n];
        frame = new double[k * n];
        image = new double[k * n];
        logDiag = new double[k];
        sums = new double[k];
        running = new double[k];
        qr = new Orthonormalizer(k, n);
    }

    /** The spectrum of the orbit from x0 (not modified). */
    public SpectrumResult run(double[] x0, SpectrumSpec spec, SpectrumObserver observer) {
        if (x0.length != n) {
            throw new IllegalArgumentException("x0 has " + x0.length + " values, the map's dimension is " + n);
        }
        Along along = along(spec, observer);
        System.arraycopy(x0, 0, x, 0, n);
        long end = spec.transient_() + spec.steps();
        for (long t = 0; t < end && !along.ended(); t++) {
            map.step(t, x, next);
            String problem = check(next, t);
            if (problem != null) {
                along.stop(problem, t);
                break;
            }
            along.advance(t, x);
            System.arraycopy(next, 0, x, 0, n);
        }
        return along.result();
    }

    /**
     * The spectrum along an orbit stepped by someone else (the training loop): {@link Along#advance} is called
     * with x_t for t = 0, 1, … after this estimator's map has stepped from x_t, so that its tangent at x_t
     * reuses that step's evaluation. {@link #run} is this with the estimator stepping the map itself.
     */
    public Along along(SpectrumSpec spec, SpectrumObserver observer) {
        if (spec.k() != k) {
            throw new IllegalArgumentException("spec asks for " + spec.k() + " exponents, estimator built for " + k);
        }
        randomFrame(spec.seed());
        Arrays.fill(sums, 0);
        return new Along(spec, observer);
    }

    /** The frame's progress along one orbit: the transient (aligning, nothing accumulated), then the average. */
    public final class Along {
        private final SpectrumSpec spec;
        private final SpectrumObserver observer;
        private final double dt = map.timePerStep();
        private boolean logDet; // Σλ = ⟨ln|det DF|⟩ holds for the full spectrum only
        private double logDetSum;
        private double logDetAtQr; // the determinant sum over exactly the steps the exponents cover
        private long done;
        private SpectrumResult ended;

        private Along(SpectrumSpec spec, SpectrumObserver observer) {
            this.spec = spec;
            this.observer = observer;
            this.logDet = spec.sumRule() && k == n;
        }

        /** Advances the frame by the tangent map at x_t (step t of the orbit, counted from its start). */
        public void advance(long t, double[] xt) {
            if (ended != null) {
                return;
            }
            long s = t - spec.transient_(); // the step of the average, negative in the transient
            if (s == 0) {
                qr.orthonormalize(frame, logDiag);
            }
            if (s < 0) {
                map.tangentBlock(t, xt, frame, k, image);
                System.arraycopy(image, 0, frame, 0, k * n);
                if ((t + 1) % spec.qrEvery() == 0 && qr.orthonormalize(frame, logDiag) >= 0) {
                    ended = failedInTransient("a tangent vector became zero or non-finite", t);
                }
                return;
            }
            if (logDet) {
                // one call: a map may get the tangent block and the determinant from one Jacobian
                double ld = map.tangentBlockAndLogAbsDet(t, xt, frame, k, image);
                if (Double.isNaN(ld)) {
                    logDet = false;
                }
                logDetSum += ld;
            } else {
                map.tangentBlock(t, xt, frame, k, image);
            }
            System.arraycopy(image, 0, frame, 0, k * n);
            boolean last = s == spec.steps() - 1;
            if ((s + 1) % spec.qrEvery() == 0 || last) {
                int collapsed = qr.orthonormalize(frame, logDiag);
                if (collapsed >= 0) {
                    ended = finish(done, logDet ? logDetAtQr : Double.NaN, dt,
                            "tangent vector " + (collapsed + 1) + " became zero or non-finite at step " + s, s);
                    return;
                }
                for (int i = 0; i < k; i++) {
                    sums[i] += logDiag[i];
                    running[i] = sums[i] / ((s + 1) * dt);
                }
                done = s + 1;
                logDetAtQr = logDetSum;
                observer.estimate(done, running);
            }
            if (last) {
                ended = finish(done, logDet ? logDetAtQr : Double.NaN, dt, null, -1);
            }
        }

        /** Ends the run at step t of the orbit because of {@code problem} (the state after it is unusable). */
        public void stop(String problem, long t) {
            if (ended == null) {
                long s = t - spec.transient_();
                ended = s < 0 ? failedInTransient(problem, t)
                        : finish(done, logDet ? logDetAtQr : Double.NaN, dt, problem, s);
            }
        }

        /** Whether the spectrum is complete or stopped. */
        public boolean ended() {
            return ended != null;
        }

        /** The spectrum; an orbit that ended before the last step gives the average of the steps before it. */
        public SpectrumResult result() {
            return ended != null ? ended : finish(done, logDet ? logDetAtQr : Double.NaN, dt,
                    "the orbit ended after " + done + " of " + spec.steps() + " steps", done);
        }
    }

    private String check(double[] state, long t) {
        for (double v : state) {
            if (!Double.isFinite(v)) {
                return "non-finite state at step " + t;
            }
        }
        String violation = map.domainViolation(state);
        return violation == null ? null : violation + " at step " + t;
    }

    private SpectrumResult failedInTransient(String problem, long t) {
        double[] nan = new double[k];
        Arrays.fill(nan, Double.NaN);
        return new SpectrumResult(nan, Double.NaN, Double.NaN, Double.NaN, 0, problem + " (during the transient)", t);
    }

    private SpectrumResult finish(long done, double logDetSum, double dt, String failure, long failedAt) {
        double[] exponents = new double[k];
        for (int i = 0; i < k; i++) {
            exponents[i] = done == 0 ? Double.NaN : sums[i] / (done * dt);
        }
        // QR yields them nearly ordered; sort so that "descending" is a guarantee
        Arrays.sort(exponents);
        for (int i = 0; i < k / 2; i++) {
            double tmp = exponents[i];
            exponents[i] = exponents[k - 1 - i];
            exponents[k - 1 - i] = tmp;
        }
        double sum = 0;
        for (double e : exponents) {
            sum += e;
        }
        double meanLogDet = Double.isNaN(logDetSum) || done == 0 ? Double.NaN : logDetSum / (done * dt);
        return new SpectrumResult(exponents, done == 0 ? Double.NaN : KaplanYorke.dimension(exponents), sum,
                meanLogDet, done, failure, failedAt);
    }

    private void randomFrame(long seed) {
        SplitMix64 rng = Seeds.generator(seed, "lyapunov-frame");
        for (int i = 0; i < k * n; i++) {
            frame[i] = rng.nextGaussian();
        }
        qr.orthonormalize(frame, logDiag);
    }
}
