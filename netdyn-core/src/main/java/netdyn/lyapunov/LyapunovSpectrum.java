package netdyn.lyapunov;

import netdyn.dynamics.DiscreteMap;

/** Convenience entry points; see {@link QrSpectrumEstimator} for the reusable form. */
public final class LyapunovSpectrum {
    private LyapunovSpectrum() {
    }

    /** The top k exponents of the orbit from x0, after {@code transient_} discarded steps, QR every step. */
    public static SpectrumResult of(DiscreteMap map, double[] x0, long transient_, long steps, int k) {
        SpectrumSpec spec = new SpectrumSpec(steps, transient_, k, 1, true, 0).forDimension(map.dimension());
        return new QrSpectrumEstimator(map, k).run(x0, spec, SpectrumObserver.NONE);
    }
}
