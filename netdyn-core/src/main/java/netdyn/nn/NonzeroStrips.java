package netdyn.nn;

/**
 * Which input features are not all zero in each strip of {@link BlockKernels#STRIP} consecutive
 * samples of a batch: image inputs are mostly exact zeros (an MNIST digit's border), and a term
 * c·0 of a row combination leaves every sum as it was, so the first layer can skip those features
 * strip by strip and still give the same numbers. Built once per batch contents.
 */
final class NonzeroStrips {
    /** Build (and use) the index only when at least this share of the inputs is exactly zero. */
    static final double MIN_ZERO_SHARE = 0.25;

    private final int[] start; // strip s's features are features[start[s] .. start[s + 1]), increasing
    private final int[] features;

    private NonzeroStrips(int[] start, int[] features) {
        this.start = start;
        this.features = features;
    }

    /** The index of x = [features × n] (row k at k·n), or null when too few inputs are zero to pay off. */
    static NonzeroStrips of(double[] x, int featureCount, int n) {
        long zeros = 0;
        for (int i = 0; i < featureCount * n; i++) {
            if (x[i] == 0) {
                zeros++;
            }
        }
        if (zeros < MIN_ZERO_SHARE * featureCount * (double) n) {
            return null;
        }
        int strips = n / BlockKernels.STRIP;
        int[] start = new int[strips + 1];
        int[] list = new int[Math.max(16, (int) Math.min((long) strips * featureCount, 1L << 20))];
        int size = 0;
        for (int s = 0; s < strips; s++) {
            start[s] = size;
            int s0 = s * BlockKernels.STRIP;
            for (int k = 0; k < featureCount; k++) {
                int o = k * n + s0;
                boolean any = false;
                for (int t = 0; t < BlockKernels.STRIP && !any; t++) {
                    any = x[o + t] != 0;
                }
                if (any) {
                    if (size == list.length) {
                        list = java.util.Arrays.copyOf(list, list.length * 2);
                    }
                    list[size++] = k;
                }
            }
        }
        start[strips] = size;
        return new NonzeroStrips(start, java.util.Arrays.copyOf(list, size));
    }

    int[] features() {
        return features;
    }

    /** First position in {@link #features()} of strip s. */
    int from(int strip) {
        return start[strip];
    }

    /** End position in {@link #features()} of strip s. */
    int to(int strip) {
        return start[strip + 1];
    }
}
