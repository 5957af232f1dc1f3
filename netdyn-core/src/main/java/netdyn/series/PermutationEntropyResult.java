package netdyn.series;

/**
 * Permutation entropy of a series.
 *
 * @param entropy          H / ln(d!), in [0, 1]: 0 for a monotone series, 1 when all d! patterns are equally
 *                         frequent (i.i.d. noise, up to the finite-sample bias ≈ (d! − 1)/(2W ln d!))
 * @param entropyNats      H = −Σ p_π ln p_π, in nats
 * @param counts           occurrences of each ordinal pattern, indexed by its Lehmer code (d! entries)
 * @param patterns         W = n − (d − 1)τ, the number of patterns counted
 * @param distinctPatterns patterns seen at least once; d! minus this is the number of missing ("forbidden")
 *                         patterns, a signature of determinism
 * @param order            d
 * @param delay            τ
 */
public record PermutationEntropyResult(double entropy, double entropyNats, int[] counts, int patterns,
                                       int distinctPatterns, int order, int delay) {

    public int missingPatterns() {
        return counts.length - distinctPatterns;
    }
}
