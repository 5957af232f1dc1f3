package netdyn.nn;

import netdyn.data.Dataset;

/**
 * Samples laid out for the kernels: features feature-major, {@code x[i·n + s]} is feature i of
 * sample s, so that every layer's loops run over contiguous sample rows; integer labels and the
 * targets {@code y[k·n + s]} (one-hot from the labels, or a regression dataset's real targets). A batch
 * made by {@link #withCapacity} is a reusable buffer
 * that {@link #gather} refills (mini-batch SGD) without allocating; every refill counts as a new
 * version ({@link #version}), so that an evaluator can tell a refilled buffer from the batch it
 * evaluated.
 */
public final class Batch {
    private final int features;
    private final int classes;
    private final int capacity;
    private final double[] x;
    private final double[] y;
    private final int[] labels;
    private int size;
    private long version; // refills so far: the contents are a function of (identity, version)
    private volatile InputStrips strips;    // built for the contents of version stripsVersion, or not yet
    private volatile long stripsVersion = -1;

    private Batch(int features, int classes, int capacity) {
        this.features = features;
        this.classes = classes;
        this.capacity = capacity;
        this.x = new double[features * capacity];
        this.y = new double[classes * capacity];
        this.labels = new int[capacity];
    }

    /** All rows of a dataset. */
    public static Batch of(Dataset data) {
        Batch b = new Batch(data.featureCount(), data.classCount(), data.size());
        b.size = data.size();
        int n = b.size;
        for (int s = 0; s < n; s++) {
            double[] row = data.features()[s];
            for (int i = 0; i < b.features; i++) {
                b.x[i * n + s] = row[i];
            }
            b.labels[s] = data.labels()[s];
            if (data.isRegression()) {
                double[] t = data.targets()[s];
                for (int c = 0; c < b.classes; c++) {
                    b.y[c * n + s] = t[c];
                }
            } else {
                b.y[b.labels[s] * n + s] = 1;
            }
        }
        return b;
    }

    /** An empty buffer for up to {@code capacity} samples. */
    public static Batch withCapacity(int features, int classes, int capacity) {
        return new Batch(features, classes, capacity);
    }

    /** Refills this buffer with {@code count} samples of {@code from}: {@code rows[start..start+count)}. */
    public void gather(Batch from, int[] rows, int start, int count) {
        if (count > capacity || from.features != features || from.classes != classes) {
            throw new IllegalArgumentException("cannot gather " + count + " rows of a " + from.features + "×"
                    + from.classes + " batch into a buffer of " + capacity + " rows, " + features + "×" + classes);
        }
        version++;
        int n = count;
        int m = from.size;
        for (int i = 0; i < features; i++) {
            for (int s = 0; s < n; s++) {
                x[i * n + s] = from.x[i * m + rows[start + s]];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int s = 0; s < n; s++) {
                y[c * n + s] = from.y[c * m + rows[start + s]]; // one-hot or regression targets alike
            }
        }
        for (int s = 0; s < n; s++) {
            labels[s] = from.labels[rows[start + s]];
        }
        size = n;
    }

    public int size() {
        return size;
    }

    public int features() {
        return features;
    }

    public int classes() {
        return classes;
    }

    public int capacity() {
        return capacity;
    }

    /** How many times {@link #gather} has refilled this buffer (0 for a batch made by {@link #of}). */
    long version() {
        return version;
    }

    double[] x() {
        return x;
    }

    /**
     * The input strip by strip, each strip's nonzero features and their values, for these contents. Built on
     * first use after a refill (only the wide first layers' blocked products ask for it); threads of an
     * ensemble share a batch, and a race only builds the same strips twice (the contents are written before
     * the version that vouches for them).
     */
    InputStrips inputStrips() {
        if (stripsVersion != version) {
            long v = version;
            strips = InputStrips.of(x, features, size);
            stripsVersion = v;
        }
        return strips;
    }

    double[] y() {
        return y;
    }

    int[] labels() {
        return labels;
    }
}
