package netdyn.rng;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed derivation: every random draw in netdyn comes from a generator seeded by
 * {@code derive(master, purpose, indices...)}, never from a shared stream, so results do not
 * depend on thread count, scheduling or the order in which tasks run.
 *
 * <p>The derivation: h = mix(master ⊕ fnv1a64(purpose)), then for each index i in turn
 * h = mix(h + GOLDEN_GAMMA · (i + 1)), where mix is the SplitMix64 finaliser and fnv1a64 the
 * 64-bit FNV-1a hash of the purpose's UTF-8 bytes.
 *
 * <p>Every purpose in use is listed in {@link #PURPOSES}, with what it seeds; a test
 * ({@code SeedPurposesTest}) scans the main sources and fails when a purpose passed to
 * {@code derive} or {@code generator} is not listed there, or when a listed one is used nowhere.
 * A purpose string is part of the numbers: renaming one changes every draw made for it.
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * The registry of purposes: each purpose string in use, in the order of the pipeline, with the indices
     * it is derived with and what the generator draws. Unmodifiable.
     */
    public static final Map<String, String> PURPOSES = registry(
            "shuffle", "(shuffle seed): the row order of a shuffled dataset (Dataset)",
            "synthetic", "(data seed): the points and noise of a generated dataset (moons, circles, xor, spirals)",
            "gaussian", "(data seed): the inputs x ~ N(0, I) and targets y ~ N(0, I) of the gaussian regression task",
            "init", "(seed, replica): the initial parameters θ_0 of one network (InitSpec)",
            "sgd-batches", "(batch seed, epoch): the sample order of one epoch of mini-batches (GradientDescentMap)",
            "perturbation", "(seed, init, replica): the divergence protocol's unit perturbation u, the same "
                    + "in netdyn divergence and a sweep's nmle (PerturbedReplicas)",
            "lyapunov-frame", "(seed): the random start frame of the QR spectrum (QrSpectrumEstimator)",
            "twin-direction", "(seed): the direction of the twin orbit (TwinOrbitEstimator)",
            "lanczos", "(seed, call): the start vector of one Lanczos run (LanczosEstimator)",
            "final-hessian", "(seed): the Lanczos seed of train's top final Hessian eigenvalues above the full-"
                    + "spectrum limit (TrainWriter)",
            "acf-shuffle", "(seed, shuffle): one shuffle of the autocorrelation null band (Autocorrelation)",
            "zero-one-frequencies", "(seed): the frequencies c of the 0–1 test (ZeroOneTest)",
            "expansion-references", "(seed): the reference times of the local expansion rates "
                    + "(LocalExpansionRates)",
            "sweep-lanczos", "(sweep seed, task): the seed of a task's sharpness samples (TaskMeasurer)",
            "step", "(that task seed, step): the Lanczos seed of the sharpness sample at one step (TaskMeasurer)",
            "sweep-twin", "(sweep seed, task): the seed of a task's twin orbit (TaskMeasurer)",
            "sweep-qr", "(sweep seed, task): the seed of a task's QR spectrum pass (TaskMeasurer)",
            "sweep-series", "(sweep seed, task): the seed of a task's regime evidence, i.e. of its sharpness at θ_T "
                    + "(Lanczos) and its 0–1 test frequencies (TaskMeasurer, RegimeEvidence)",
            "quadratic-spectrum", "(seed): the eigenvalues of a random quadratic test map "
                    + "(QuadraticGradientDescentMap.random)",
            "quadratic-basis", "(seed): the random orthogonal basis of a quadratic test map "
                    + "(QuadraticGradientDescentMap.withEigenvalues)");

    private Seeds() {
    }

    public static long derive(long master, String purpose, long... indices) {
        long h = SplitMix64.mix(master ^ fnv1a64(purpose));
        for (long i : indices) {
            h = SplitMix64.mix(h + GOLDEN_GAMMA * (i + 1));
        }
        return h;
    }

    /** A generator seeded by {@link #derive}. */
    public static SplitMix64 generator(long master, String purpose, long... indices) {
        return new SplitMix64(derive(master, purpose, indices));
    }

    private static Map<String, String> registry(String... purposeThenMeaning) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < purposeThenMeaning.length; i += 2) {
            if (m.put(purposeThenMeaning[i], purposeThenMeaning[i + 1]) != null) {
                throw new IllegalStateException("seed purpose listed twice: " + purposeThenMeaning[i]);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    static long fnv1a64(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
