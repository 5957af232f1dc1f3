package netdyn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import netdyn.rng.SplitMix64;

/**
 * The blocked layer products (forced on every size here) give fixed bits on any thread count: row
 * combinations those of the row-by-row kernels they replace, dot tables their shape's order (eight
 * partial sums when small, sample order when large) with and without the vector kernels; every edge of
 * the tiling (rows not a multiple of 8 or 4, samples not a multiple of 24 or 8, sums longer than a cache
 * block) in seeded random shapes.
 */
class LayerProductsTest {

    static Stream<Arguments> shapes() {
        SplitMix64 rng = new SplitMix64(20261201);
        Stream.Builder<Arguments> cases = Stream.builder();
        // fixed: the Iris layers, the MNIST first layer on a small batch, sums across cache blocks
        cases.add(Arguments.of(10, 120, 4)).add(Arguments.of(3, 120, 10)).add(Arguments.of(64, 1000, 784))
                .add(Arguments.of(40, 700, 13)).add(Arguments.of(5, 300, 30))
                // a narrow output layer's table (transposed), stacked groups split by strips over 2 workers
                .add(Arguments.of(10, 1000, 64)).add(Arguments.of(80, 300, 20))
                .add(Arguments.of(17, 2051, 300)).add(Arguments.of(8, 24, 1)).add(Arguments.of(1, 7, 3));
        for (int c = 0; c < 12; c++) {
            cases.add(Arguments.of(1 + rng.nextInt(40), 1 + rng.nextInt(700), 1 + rng.nextInt(300)));
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void rowCombinationsEqualTheRowKernelsOnOneAndTwoThreads(int rows, int n, int count) {
        SplitMix64 rng = new SplitMix64(rows * 31L + n * 7L + count);
        // coefficients c(r, k) = c[3 + r·count + k] (a transposed weight matrix) and c[5 + k·rows + r]
        double[] c = gaussians(rng, 8 + rows * count);
        double[] x = gaussians(rng, 2 + count * n);
        double[] y0 = gaussians(rng, 1 + rows * n);
        for (int layout = 0; layout < 2; layout++) {
            int co = layout == 0 ? 3 : 5;
            int cRow = layout == 0 ? count : 1;
            int cK = layout == 0 ? 1 : rows;
            double[] expected = y0.clone();
            for (int r = 0; r < rows; r++) {
                VecOps.axpyRows(n, c, co + r * cRow, cK, count, x, 2, n, expected, 1 + r * n);
            }
            for (int threads = 1; threads <= 2; threads++) {
                double[] y = y0.clone();
                new LayerProducts(threads, 0).combineRows(rows, n, count, c, co, cRow, cK, x, 2, n, y, 1, n);
                assertThat(y).as("layout %d, %d threads", layout, threads).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void dotTablesSumInTheirFixedOrderOnOneAndTwoThreadsWithOrWithoutVectors(int yRows, int n, int xRows) {
        SplitMix64 rng = new SplitMix64(yRows * 17L + n * 5L + xRows);
        double[] x = gaussians(rng, 3 + xRows * n);
        double[] y = gaussians(rng, 1 + yRows * n);
        double[] before = gaussians(rng, 2 + xRows * yRows);
        boolean sampleOrder = (long) xRows * yRows * n >= LayerProducts.SAMPLE_ORDER_MIN;
        double[] expected = before.clone();
        for (int i = 0; i < xRows; i++) {
            for (int j = 0; j < yRows; j++) {
                double d;
                if (sampleOrder) {
                    d = 0;
                    for (int s = 0; s < n; s++) {
                        d = Math.fma(x[3 + i * n + s], y[1 + j * n + s], d);
                    }
                } else {
                    d = VecOps.dot(n, x, 3 + i * n, y, 1 + j * n);
                }
                expected[2 + i * yRows + j] += d;
            }
        }
        for (int threads = 1; threads <= 2; threads++) {
            for (boolean vectors : new boolean[] {true, false}) {
                double[] out = before.clone();
                new LayerProducts(threads, 0, vectors).dots(xRows, yRows, n, x, 3, n, y, 1, n, out, 2, yRows, 1, true);
                assertThat(out).as("%d threads, vectors %s", threads, vectors).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void stackedGroupsEqualOneProductPerGroup(int rows, int n, int count) {
        SplitMix64 rng = new SplitMix64(rows * 13L + n * 3L + count);
        int groups = 3;
        double[] x = gaussians(rng, count * n);
        double[] c = gaussians(rng, 4 + groups * rows * count);
        double[][] cs = {c, c, gaussians(rng, rows * count)};
        int[] co = {4, 4 + rows * count, 0};
        double[][] y0 = {gaussians(rng, rows * n), gaussians(rng, 2 + rows * n), gaussians(rng, rows * n)};
        int[] yo = {0, 2, 0};
        double[][] yGroups = {y0[0].clone(), y0[1].clone(), y0[2].clone()};
        new LayerProducts(2, 0).combineRowGroups(groups, rows, n, count, cs, co, 1, rows, x, 0, n, yGroups, yo, n);
        double[][] outGroups = {new double[count * rows], new double[count * rows + 5], new double[count * rows]};
        int[] oo = {0, 5, 0};
        new LayerProducts(2, 0).dotGroups(count, groups, rows, n, x, 0, n, y0, yo, n, outGroups, oo, rows, 1, false);
        for (int g = 0; g < groups; g++) {
            double[] y = y0[g].clone();
            new LayerProducts(1).combineRows(rows, n, count, cs[g], co[g], 1, rows, x, 0, n, y, yo[g], n);
            assertThat(yGroups[g]).as("combination, group %d", g).isEqualTo(y);
            double[] out = new double[outGroups[g].length];
            new LayerProducts(1).dots(count, rows, n, x, 0, n, y0[g], yo[g], n, out, oo[g], rows, 1, false);
            assertThat(outGroups[g]).as("dots, group %d", g).isEqualTo(out);
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void skippingAllZeroStripsOfASparseInputChangesNoNumber(int rows, int n, int count) {
        SplitMix64 rng = new SplitMix64(rows * 7L + n * 11L + count);
        int wide = 8 * ((rows + 7) / 8); // the selected path takes whole tiles of 8 rows
        double[] x = new double[count * n];
        for (int i = 0; i < x.length; i++) {
            // pixel-like: whole features mostly zero, the rest zero 80 % of the time
            x[i] = (i / n) % 3 == 0 || rng.nextDouble() < 0.8 ? 0 : rng.nextInt(256) / 255.0;
        }
        assertStripPanelsChangeNoNumber(rng, x, wide, n, count);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void aDenseInputThroughItsStripPanelsChangesNoNumber(int rows, int n, int count) {
        SplitMix64 rng = new SplitMix64(rows * 13L + n * 5L + count);
        double[] x = gaussians(rng, count * n);
        InputStrips panels = InputStrips.of(x, count, n);
        // every feature of every whole strip, its values in the strip's order
        for (int strip = 0; strip < n / BlockKernels.STRIP; strip++) {
            assertThat(panels.to(strip) - panels.from(strip)).isEqualTo(count);
            int p = panels.from(strip) + count - 1;
            assertThat(panels.features()[p]).isEqualTo(count - 1);
            assertThat(panels.values()[p * BlockKernels.STRIP + 5])
                    .isEqualTo(x[(count - 1) * n + strip * BlockKernels.STRIP + 5]);
        }
        assertStripPanelsChangeNoNumber(rng, x, 8 * ((rows + 7) / 8), n, count);
    }

    /** Two groups of a row combination through x's strip panels equal the row kernel's, bit for bit. */
    private static void assertStripPanelsChangeNoNumber(SplitMix64 rng, double[] x, int wide, int n, int count) {
        int groups = 2;
        InputStrips nonzero = InputStrips.of(x, count, n);
        double[] c = gaussians(rng, groups * wide * count);
        double[][] cs = {c, c};
        int[] co = {0, wide * count};
        double[][] y0 = {gaussians(rng, wide * n), gaussians(rng, wide * n)};
        int[] yo = {0, 0};
        double[][] y = {y0[0].clone(), y0[1].clone()};
        new LayerProducts(2, 0).combineRowGroups(groups, wide, n, count, cs, co, 1, wide, x, 0, n, y, yo, n, nonzero);
        for (int g = 0; g < groups; g++) {
            double[] expected = y0[g].clone();
            for (int r = 0; r < wide; r++) {
                VecOps.axpyRows(n, c, co[g] + r, wide, count, x, 0, n, expected, r * n);
            }
            assertThat(y[g]).as("group %d", g).isEqualTo(expected);
        }
    }

    private static double[] gaussians(SplitMix64 rng, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }
}
