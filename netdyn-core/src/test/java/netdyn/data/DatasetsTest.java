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
