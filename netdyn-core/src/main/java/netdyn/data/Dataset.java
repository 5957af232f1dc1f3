package netdyn.data;

import java.util.Arrays;
import java.util.List;

import netdyn.BadInputException;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * A labelled classification dataset held row by row: {@code features[n][d]}, integer labels in
 * {@code 0..classCount-1}, and the names of classes and features; or a regression dataset, whose rows carry
 * real {@code targets[n][k]} (one per output, named by {@code classNames}) and labels 0. Immutable by
 * convention: the arrays are not copied, so callers must not modify them after construction.
 *
 * @param name         where it came from ("iris", "csv:path", ...)
 * @param features     n rows of d finite values
 * @param labels       n labels, each in [0, classNames.size())
 * @param classNames   class names in label order (a regression dataset: its outputs' names)
 * @param featureNames d feature names
 * @param targets      null for classification (one-hot targets from the labels); else n rows of k finite
 *                     regression targets, k = classNames.size()
 */
public record Dataset(String name, double[][] features, int[] labels, List<String> classNames,
                      List<String> featureNames, double[][] targets) implements java.io.Serializable {

    /** A classification dataset. */
    public Dataset(String name, double[][] features, int[] labels, List<String> classNames,
                   List<String> featureNames) {
        this(name, features, labels, classNames, featureNames, null);
    }

    /** A regression dataset: n rows of features and of k real targets, outputs named y0 … y(k−1). */
    public static Dataset regression(String name, double[][] features, double[][] targets,
                                     List<String> featureNames) {
        int k = targets.length == 0 ? 1 : targets[0].length;
        List<String> outputs = java.util.stream.IntStream.range(0, k).mapToObj(i -> "y" + i).toList();
        return new Dataset(name, features, new int[features.length], outputs, featureNames, targets);
    }

    public Dataset {
        if (targets != null) {
            if (targets.length != features.length) {
                throw new IllegalArgumentException("features has " + features.length + " rows but targets has "
                        + targets.length);
            }
            for (int r = 0; r < targets.length; r++) {
                if (targets[r].length != classNames.size()) {
                    throw new IllegalArgumentException("targets row " + r + " has " + targets[r].length
                            + " values, expected " + classNames.size());
                }
            }
        }
        if (features.length != labels.length) {
            throw new IllegalArgumentException("features has " + features.length + " rows but labels has "
                    + labels.length);
        }
        int d = featureNames.size();
        for (int r = 0; r < features.length; r++) {
            if (features[r].length != d) {
                throw new IllegalArgumentException("row " + r + " has " + features[r].length
                        + " features, expected " + d);
            }
            if (labels[r] < 0 || labels[r] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[r] + " of row " + r + " is outside [0, "
                        + classNames.size() + ")");
            }
        }
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
    }

    public int size() {
        return labels.length;
    }

    /** Whether the rows carry real targets (regression) rather than class labels. */
    public boolean isRegression() {
        return targets != null;
    }

    public int featureCount() {
        return featureNames.size();
    }

    public int classCount() {
        return classNames.size();
    }

    /** The rows in the given order (a permutation or any selection of row indices). */
    public Dataset select(int[] rows) {
        double[][] f = new double[rows.length][];
        int[] l = new int[rows.length];
        double[][] t = targets == null ? null : new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            f[i] = features[rows[i]];
            l[i] = labels[rows[i]];
            if (t != null) {
                t[i] = targets[rows[i]];
            }
        }
        return new Dataset(name, f, l, classNames, featureNames, t);
    }

    /**
     * The rows in a random order drawn from {@code Seeds.derive(seed, "shuffle")} by a
     * Fisher–Yates shuffle.
     */
    public Dataset shuffled(long seed) {
        int[] order = new int[size()];
        Arrays.setAll(order, i -> i);
        SplitMix64 rng = Seeds.generator(seed, "shuffle");
        rng.shuffle(order);
        return select(order);
    }

    /** The first {@code trainSize} rows for training, the rest for testing. */
    public Split split(int trainSize) {
        if (trainSize < 1 || trainSize > size()) {
            throw BadInputException.of(Dataset.class, "trainSize", "must be between 1 and the dataset size " + size()
                    + " (got " + trainSize + ")");
        }
        int[] train = new int[trainSize];
        int[] test = new int[size() - trainSize];
        Arrays.setAll(train, i -> i);
        Arrays.setAll(test, i -> trainSize + i);
        return new Split(select(train), select(test));
    }

    /** These rows followed by {@code other}'s (same features and classes), named as this one. */
    public Dataset append(Dataset other) {
        if (other.featureCount() != featureCount() || !other.classNames.equals(classNames)
                || other.isRegression() != isRegression()) {
            throw new IllegalArgumentException("append: " + other.name + " has other features or classes than "
                    + name);
        }
        double[][] f = Arrays.copyOf(features, size() + other.size());
        System.arraycopy(other.features, 0, f, size(), other.size());
        int[] l = Arrays.copyOf(labels, size() + other.size());
        System.arraycopy(other.labels, 0, l, size(), other.size());
        double[][] t = null;
        if (targets != null) {
            t = Arrays.copyOf(targets, size() + other.size());
            System.arraycopy(other.targets, 0, t, size(), other.size());
        }
        return new Dataset(name, f, l, classNames, featureNames, t);
    }

    /** Number of rows with each label. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** A train/test pair; the test part may be empty. */
    public record Split(Dataset train, Dataset test) {
    }
}
