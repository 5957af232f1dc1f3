package netdyn.lyapunov;

import netdyn.BadInputException;

/**
 * Settings of a QR spectrum run.
 *
 * @param steps       steps of the map over which exponents are averaged (after the transient)
 * @param transient_  steps run first without accumulating: the orbit settles and the tangent frame aligns
 * @param k           number of exponents (tangent vectors), 1 ≤ k ≤ dimension
 * @param qrEvery     re-orthonormalise every q steps (q ≥ 1)
 * @param sumRule     also average ln|det DF| where the map offers it, to check Σλ against it (full spectrum only)
 * @param seed        seed of the random orthonormal start frame (purpose "lyapunov-frame")
 */
public record SpectrumSpec(long steps, long transient_, int k, int qrEvery, boolean sumRule, long seed) {

    public SpectrumSpec {
        if (steps < 1) {
            throw BadInputException.of(SpectrumSpec.class, "steps", "must be >= 1 (got " + steps + ")");
        }
        if (transient_ < 0) {
            throw BadInputException.of(SpectrumSpec.class, "transient_", "must be >= 0 (got " + transient_ + ")");
        }
        if (k < 1) {
            throw BadInputException.of(SpectrumSpec.class, "k", "must be >= 1 or 'all' (got " + k + ")");
        }
        if (qrEvery < 1) {
            throw BadInputException.of(SpectrumSpec.class, "qrEvery", "must be >= 1 (got " + qrEvery + ")");
        }
    }

    /** Checks k against the map's dimension. */
    public SpectrumSpec forDimension(int dimension) {
        if (k > dimension) {
            throw BadInputException.of(SpectrumSpec.class, "k", k + " exceeds the dimension " + dimension
                    + " of the system");
        }
        return this;
    }
}
