package netdyn.series;

/**
 * Delay vectors y_i = (x_i, x_{i+τ}, …, x_{i+(m−1)τ}) of a scalar series, read in place (never copied), and
 * the neighbour searches of {@link RosensteinExponent} and {@link KantzExponent}.
 *
 * <p>Searches run on the first coordinate sorted once (O(U log U)): from a point's rank they scan outwards
 * and stop when the first coordinate alone is farther than the current bound, so each query touches only
 * the slab |x_j − x_i| &lt; bound. Exact (not approximate); the worst case, a series concentrated in one
 * value, is the brute-force O(U²·m). Not thread-safe (owns the sorted order).
 */
final class DelayEmbedding {
    private final double[] x;
    private final int m;
    private final int tau;
    private final int usable;
    private final int[] order;
    private final int[] rank;

    /**
     * @param usable the number of delay vectors that take part (indices 0 … usable−1), each of which must
     *               still have {@code horizon} successors in the series
     */
    DelayEmbedding(double[] x, int m, int tau, int usable) {
        this.x = x;
        this.m = m;
        this.tau = tau;
        this.usable = usable;
        order = new int[usable];
        rank = new int[usable];
        for (int i = 0; i < usable; i++) {
            order[i] = i;
        }
        sortByValue(x, order, new int[usable]);
        for (int r = 0; r < usable; r++) {
            rank[order[r]] = r;
        }
    }

    /** Vectors y_0 … y_{n−(m−1)τ−1} of a series of n values. */
    static int vectors(int n, int m, int tau) {
        return n - (m - 1) * tau;
    }

    /** ‖y_i − y_j‖² (Euclidean), stopping early once it exceeds {@code bound}. */
    double distanceSquared(int i, int j, double bound) {
        double s = 0;
        for (int k = 0; k < m && s <= bound; k++) {
            double d = x[i + k * tau] - x[j + k * tau];
            s += d * d;
        }
        return s;
    }

    /**
     * The nearest neighbour j of y_i with |i − j| &gt; w and ‖y_i − y_j‖ &gt; 0; ties go to the smaller j.
     *
     * @return j, or −1 when there is none
     */
    int nearest(int i, int w) {
        double best = Double.POSITIVE_INFINITY;
        int bestJ = -1;
        int r = rank[i];
        for (int dir = -1; dir <= 1; dir += 2) {
            for (int p = r + dir; p >= 0 && p < usable; p += dir) {
                int j = order[p];
                double dx = x[j] - x[i];
                if (dx * dx > best) {
                    break;
                }
                if (Math.abs(i - j) <= w) {
                    continue;
                }
                double d = distanceSquared(i, j, best);
                if (d > 0 && (d < best || (d == best && j < bestJ))) {
                    best = d;
                    bestJ = j;
                }
            }
        }
        return bestJ;
    }

    /**
     * Writes the neighbours j of y_i with |i − j| &gt; w and ‖y_i − y_j‖ ≤ radius into {@code out}, in order of
     * the sorted first coordinate.
     *
     * @return how many were written (at most out.length)
     */
    int withinRadius(int i, int w, double radius, int[] out) {
        double r2 = radius * radius;
        int count = 0;
        int r = rank[i];
        for (int dir = -1; dir <= 1; dir += 2) {
            for (int p = r + dir; p >= 0 && p < usable; p += dir) {
                int j = order[p];
                double dx = x[j] - x[i];
                if (dx * dx > r2) {
                    break;
                }
                if (Math.abs(i - j) <= w) {
                    continue;
                }
                if (distanceSquared(i, j, r2) <= r2 && count < out.length) {
                    out[count++] = j;
                }
            }
        }
        return count;
    }

    /** ‖y_i − y_j‖ (Euclidean). */
    double distance(int i, int j) {
        return Math.sqrt(distanceSquared(i, j, Double.POSITIVE_INFINITY));
    }

    /** Stable merge sort of {@code idx} by key[idx] (ties keep index order); tmp as long as idx. */
    static void sortByValue(double[] key, int[] idx, int[] tmp) {
        int n = idx.length;
        int[] src = idx;
        int[] dst = tmp;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    if (a < mid && (b >= hi || key[src[a]] <= key[src[b]])) {
                        dst[k] = src[a++];
                    } else {
                        dst[k] = src[b++];
                    }
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != idx) {
            System.arraycopy(src, 0, idx, 0, n);
        }
    }
}
