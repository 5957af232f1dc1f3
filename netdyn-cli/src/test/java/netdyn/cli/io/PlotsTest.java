package netdyn.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

class PlotsTest {

    static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Test
    void aShortLineIsDrawnAsItIs() {
        double[] x = steps(1000);
        double[] y = x.clone();
        Plots.Line line = Plots.Line.envelope("a", x, y, 500);
        assertThat(line.x()).isSameAs(x);
        assertThat(line.y()).isSameAs(y);
    }

    @Test
    void aLongLineKeepsItsEndsAndEveryRunsExtremes() {
        int n = 2000;
        int buckets = 500;
        double[] x = steps(n);
        double[] y = new double[n];
        SplitMix64 rng = new SplitMix64(5);
        double walk = 0;
        for (int i = 0; i < n; i++) {
            walk += rng.nextGaussian();
            y[i] = walk / (i + 1);
        }
        y[1] = 40;     // an early spike, inside the first run
        y[1501] = -40; // and a late one
        Plots.Line line = Plots.Line.envelope("a", x, y, buckets);
        double[] kx = line.x();
        double[] ky = line.y();
        assertThat(kx.length).isLessThanOrEqualTo(2 * buckets + 2).isGreaterThanOrEqualTo(buckets);
        assertThat(kx[0]).isEqualTo(1);
        assertThat(kx[kx.length - 1]).isEqualTo(n);
        for (int i = 1; i < kx.length; i++) {
            assertThat(kx[i]).as("x increases").isGreaterThan(kx[i - 1]);
            assertThat(ky[i]).as("a point of the line").isEqualTo(y[(int) kx[i] - 1]);
        }
        assertThat(ky).contains(40.0, -40.0);
        // every run's minimum and maximum is drawn
        for (int b = 0; b < buckets; b++) {
            int from = n * b / buckets;
            int to = n * (b + 1) / buckets;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                min = Math.min(min, y[i]);
                max = Math.max(max, y[i]);
            }
            assertThat(ky).as("run %d", b).contains(min, max);
        }
    }

    @Test
    void aRunWithANonFiniteValueKeepsAllItsPoints() {
        int n = 100;
        double[] x = steps(n);
        double[] y = x.clone();
        y[50] = Double.NaN;
        Plots.Line line = Plots.Line.envelope("a", x, y, 10);
        assertThat(line.x()).contains(51.0, 52.0, 53.0, 54.0, 55.0, 56.0, 57.0, 58.0, 59.0, 60.0); // indices 50..59
        assertThat(line.x()).doesNotContain(25.0);
    }
}
