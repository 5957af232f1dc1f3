package netdyn.run;

import java.io.Serializable;

import netdyn.BadInputException;
import netdyn.data.BundledDatasets;
import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.data.InstalledDatasets;
import netdyn.data.Standardizer;

/**
 * Where a run's data comes from and how it is prepared: a source ({@link DataSources#load}: a bundled
 * name, {@code csv:PATH}, {@code idx:PREFIX}, an installed dataset ({@link InstalledDatasets}) or a synthetic
 * task), the CSV label column, the shuffle seed (bundled data is always shuffled, with
 * {@link BundledDatasets#SHUFFLE_SEED} unless given; user files and installed datasets keep their order
 * unless given), the training-set size (the first {@code train} rows; null: 80 %, or an installed
 * dataset's official training set), the test-set size (the first {@code test} rows after the training
 * rows, or of an installed dataset's official test set; null: all of them) and whether features are
 * standardised with training-set statistics.
 *
 * <p>An installed dataset keeps its official split: the training rows come from its training set only
 * (a shuffle seed reorders that set alone) and the test rows from its test set.
 *
 * @param labelColumn null for the last column
 * @param shuffle     null for the default described above
 * @param train       null for the default size
 * @param test        null for every remaining row
 */
public record DataSpec(String source, String labelColumn, Long shuffle, Integer train, Integer test,
                       boolean standardize) implements Serializable {

    public DataSpec {
        if (source == null || source.isBlank()) {
            throw BadInputException.of("data", "is empty; " + DataSources.validForms());
        }
        if (train != null && train < 1) {
            throw BadInputException.of("train", "must be >= 1 (got " + train + ")");
        }
        if (test != null && test < 0) {
            throw BadInputException.of("test", "must be >= 0 (got " + test + ")");
        }
    }

    /** As the canonical constructor, with every remaining row for testing. */
    public DataSpec(String source, String labelColumn, Long shuffle, Integer train, boolean standardize) {
        this(source, labelColumn, shuffle, train, null, standardize);
    }

    /** A source with every default: its own order or the bundled shuffle, 80 % training rows, raw features. */
    public static DataSpec of(String source) {
        return new DataSpec(source, null, null, null, null, false);
    }

    public DataSpec withSource(String newSource) {
        return new DataSpec(newSource, labelColumn, shuffle, train, test, standardize);
    }

    /** The same data with {@code n} training rows (null: the default). */
    public DataSpec withTrain(Integer n) {
        return new DataSpec(source, labelColumn, shuffle, n, test, standardize);
    }

    /** The same data with {@code n} test rows (null: all that remain). */
    public DataSpec withTest(Integer n) {
        return new DataSpec(source, labelColumn, shuffle, train, n, standardize);
    }

    /** The loaded, shuffled, split and scaled data. */
    public record Data(Dataset train, Dataset test, long shuffleSeed, boolean shuffled) implements Serializable {
    }

    /** Loads the source and prepares it (this reads files; share the result between runs of one source). */
    public Data load() {
        InstalledDatasets installed = InstalledDatasets.byId(source.trim());
        Dataset.Split split;
        if (installed != null) {
            if (labelColumn != null) {
                throw BadInputException.of("labelColumn", "applies only to csv: data (got ",
                        BadInputException.mention("source"), " " + source + ")");
            }
            Dataset.Split official = installed.load();
            Dataset trainAll = shuffle == null ? official.train() : official.train().shuffled(shuffle);
            int n = train == null ? trainAll.size() : train;
            requireRows("train", n, trainAll.size(), "the official training set of " + source);
            split = new Dataset.Split(trainAll.split(n).train(), official.test());
        } else {
            Dataset all = DataSources.load(source, labelColumn, shuffle);
            int n = train == null ? DataSources.defaultTrainSize(source, all.size()) : train;
            if (n > all.size()) {
                throw BadInputException.of("train", "must be between 1 and " + all.size() + ", the number of rows of "
                        + source + " (got " + n + ")");
            }
            split = all.split(n);
        }
        Dataset trainSet = split.train();
        Dataset testSet = split.test();
        if (test != null) {
            requireRows("test", test, testSet.size(), installed != null ? "the official test set of " + source
                    : "the rows of " + source + " after the " + trainSet.size() + " training rows");
            testSet = testSet.select(firstRows(test));
        }
        if (standardize) {
            Standardizer s = Standardizer.fit(trainSet);
            trainSet = s.apply(trainSet);
            testSet = s.apply(testSet);
        }
        boolean bundled = BundledDatasets.byId(source.trim()) != null;
        // installed datasets keep their file order unless a seed is given, as user files do
        long shuffleSeed = shuffle != null ? shuffle : BundledDatasets.SHUFFLE_SEED;
        return new Data(trainSet, testSet, shuffleSeed, shuffle != null || bundled);
    }

    private static void requireRows(String setting, int n, int available, String of) {
        if (n > available) {
            throw BadInputException.of(setting, "must be at most " + available + ", the size of " + of + " (got " + n
                    + ")");
        }
    }

    private static int[] firstRows(int n) {
        int[] rows = new int[n];
        java.util.Arrays.setAll(rows, i -> i);
        return rows;
    }
}
