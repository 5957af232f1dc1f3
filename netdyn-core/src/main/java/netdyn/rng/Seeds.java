package netdyn.rng;

import java.nio.charset.StandardCharsets;

/**
 * Seed derivation: every random draw in netdyn comes from a generator seeded by
 * {@code derive(master, purpose, indices...)}, never from a shared stream, so results do not
 * depend on thread count, scheduling or the order in which tasks run.
 *
 * <p>The derivation: h = mix(master ⊕ fnv1a64(purpose)), then for each index i in turn
 * h = mix(h + GOLDEN_GAMMA · (i + 1)), where mix is the SplitMix64 finaliser and fnv1a64 the
 * 64-bit FNV-1a hash of the purpose's UTF-8 bytes. Purposes in use: {@code "init"} (network
 * initialisation), {@code "shuffle"} (dataset row order), {@code "sgd-batches"} (epoch, mini-batch
 * order), {@code "synthetic"} (generated datasets), {@code "lyapunov-frame"} (start frame of the QR
 * spectrum), {@code "twin-direction"} (twin-orbit direction), {@code "lanczos"} (call, Lanczos start
 * vectors), {@code "quadratic-basis"} and {@code "quadratic-spectrum"} (random quadratic test maps),
 * {@code "perturbation"} (init, replica: the divergence protocol's unit perturbations, in {@code netdyn divergence}
 * and a sweep's nMLE alike, from the seed that drew the init),
 * {@code "acf-shuffle"} (shuffle: the autocorrelation null band), {@code "zero-one-frequencies"} (the 0–1
 * test's frequencies c), {@code "expansion-references"} (reference times of the local expansion rates).
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

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

    static long fnv1a64(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
