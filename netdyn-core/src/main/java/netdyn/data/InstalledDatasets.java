package netdyn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import netdyn.BadInputException;

/**
 * Datasets too large to bundle, read where a system package installs them, with their official
 * train/test split kept:
 * <ul>
 *   <li>{@code fashion-mnist}: Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017, Zalando Research; Expat
 *       licence), 60 000 training and 10 000 test images of 28 × 28 bytes, from Debian's package
 *       {@code dataset-fashion-mnist} ({@code train-*} and {@code t10k-*} IDX files under
 *       {@code /usr/share/datasets/fashion-mnist/}).</li>
 * </ul>
 * The system property {@code netdyn.data.fashion-mnist} names another folder holding the same four files.
 */
public enum InstalledDatasets {
    FASHION_MNIST("fashion-mnist", "/usr/share/datasets/fashion-mnist", "dataset-fashion-mnist");

    private final String id;
    private final String folder;
    private final String debianPackage;

    InstalledDatasets(String id, String folder, String debianPackage) {
        this.id = id;
        this.folder = folder;
        this.debianPackage = debianPackage;
    }

    public String id() {
        return id;
    }

    public static InstalledDatasets byId(String id) {
        for (InstalledDatasets d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return null;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(InstalledDatasets::id).toList();
    }

    /** Where the files are read from: the system property {@code netdyn.data.ID}, or the package's folder. */
    public Path folder() {
        return Path.of(System.getProperty("netdyn.data." + id, folder));
    }

    /** The official split, each part in file order. */
    public Dataset.Split load() {
        Path dir = folder();
        Dataset train = IdxLoader.load(id, file(dir, "train-images-idx3-ubyte"), file(dir, "train-labels-idx1-ubyte"));
        Dataset test = IdxLoader.load(id, file(dir, "t10k-images-idx3-ubyte"), file(dir, "t10k-labels-idx1-ubyte"));
        if (train.featureCount() != test.featureCount()) {
            throw new BadInputException(dir + ": the training images have " + train.featureCount()
                    + " pixels, the test images " + test.featureCount());
        }
        return new Dataset.Split(train, test);
    }

    private Path file(Path dir, String name) {
        for (String candidate : new String[] {name + ".gz", name}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw BadInputException.of("data", id + ": " + dir.resolve(name + ".gz") + " not found; install "
                + "Debian's package " + debianPackage + " (apt-get install " + debianPackage + ")");
    }
}
