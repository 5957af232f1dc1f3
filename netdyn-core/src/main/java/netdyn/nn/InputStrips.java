package netdyn.nn;

/**
 * A batch's input strip by strip ({@link BlockKernels#STRIP} consecutive samples): for each strip, the
 * features that are not all zero in it and their values, each feature's STRIP values contiguous. The
 * first layer's row combinations read their source blocks from here instead of gathering them from
 * rows of the whole batch for every product (128 source rows of a wide batch lie on 128 pages); and
 * because a term c·0 leaves every sum as it was, image inputs (mostly exact zeros: an MNIST digit's
 * border) skip those features strip by strip and still give the same numbers. Built once per batch
 * contents; holds at most one more copy of the input.
 */
final class InputStrips {
    private final int[] start; // strip s's features are features[start[s] .. start[s + 1]), increasing
    private final int[] features;
    private final double[] values; // position p's STRIP values at p·STRIP

    private InputStrips(int[] start, int[] features, double[] values) {
        this.start = start;
        this.features = features;
        this.values = values;
    }

    /** The strips of x = [features × n] (row k at k·n); samples after the last whole strip are not in them. */
    static InputStrips of(double[] x, int featureCount, int n) {
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
        double[] values = new double[Math.multiplyExact(size, BlockKernels.STRIP)];
        for (int s = 0; s < strips; s++) {
            for (int p = start[s]; p < start[s + 1]; p++) {
                System.arraycopy(x, list[p] * n + s * BlockKernels.STRIP, values, p * BlockKernels.STRIP,
                        BlockKernels.STRIP);
            }
        }
        return new InputStrips(start, java.util.Arrays.copyOf(list, size), values);
    }

    int[] features() {
        return features;
    }

    /** Position p's values (feature features()[p] in its strip) at p·{@link BlockKernels#STRIP}. */
    double[] values() {
        return values;
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
