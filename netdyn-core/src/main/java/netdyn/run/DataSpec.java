package netdyn.run;

import java.io.Serializable;

import netdyn.BadInputException;
import netdyn.data.BundledDatasets;
import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.data.Standardizer;

/**
 * Where a run's data comes from and how it is prepared: a source ({@link DataSources#load}: a bundled
 * name, {@code csv:PATH}, {@code idx:PREFIX} or a synthetic task), the CSV label column, the shuffle seed
 * (bundled data is always shuffled, with {@link BundledDatasets#SHUFFLE_SEED} unless given; user files
 * keep their order unless given), the training-set size (the first {@code train} rows; null: 80 %) and
 * whether features are standardised with training-set statistics.
 *
 * @param labelColumn null for the last column
 * @param shuffle     null for the default described above
 * @param train       null for the default size
 */
public record DataSpec(String source, String labelColumn, Long shuffle, Integer train, boolean standardize)
        implements Serializable {

    public DataSpec {
        if (source == null || source.isBlank()) {
            throw BadInputException.of("data", "is empty; " + DataSources.validForms());
        }
        if (train != null && train < 1) {
            throw BadInputException.of("train", "must be >= 1 (got " + train + ")");
        }
    }

    /** A source with every default: its own order or the bundled shuffle, 80 % training rows, raw features. */
    public static DataSpec of(String source) {
        return new DataSpec(source, null, null, null, false);
    }

    public DataSpec withSource(String newSource) {
        return new DataSpec(newSource, labelColumn, shuffle, train, standardize);
    }

    /** The loaded, shuffled, split and scaled data. */
    public record Data(Dataset train, Dataset test, long shuffleSeed, boolean shuffled) {
    }

    /** Loads the source and prepares it (this reads files; share the result between runs of one source). */
    public Data load() {
        Dataset all = DataSources.load(source, labelColumn, shuffle);
        int n = train == null ? DataSources.defaultTrainSize(all.size()) : train;
        if (n > all.size()) {
            throw BadInputException.of("train", "must be between 1 and " + all.size() + ", the number of rows of "
                    + source + " (got " + n + ")");
        }
        Dataset.Split split = all.split(n);
        Dataset trainSet = split.train();
        Dataset testSet = split.test();
        if (standardize) {
            Standardizer s = Standardizer.fit(trainSet);
            trainSet = s.apply(trainSet);
            testSet = s.apply(testSet);
        }
        boolean bundled = BundledDatasets.byId(source.trim()) != null;
        long shuffleSeed = shuffle != null ? shuffle : BundledDatasets.SHUFFLE_SEED;
        return new Data(trainSet, testSet, shuffleSeed, shuffle != null || bundled);
    }
}
