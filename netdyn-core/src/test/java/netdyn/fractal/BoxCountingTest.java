package netdyn.fractal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import netdyn.rng.SplitMix64;

class BoxCountingTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 6).boxed();
    }

    @Test
    void boundaryBlocksAreTheMixedTwoByTwoBlocks() {
        boolean[][] sides = {
                {false, false, true},
                {false, false, true},
                {false, false, false}};
        boolean[][] b = BoxCounting.boundary(sides);
        assertThat(b).isDeepEqualTo(new boolean[][] {{false, true}, {false, true}});
    }

    @Test
    void aDiagonalOfBlocksHalvesWithEveryDoubling() {
        // blocks on the diagonal of a 16×16 grid: N(1) = 16, N(2) = 8, N(4) = 4, so D = 1 exactly
        boolean[][] blocks = new boolean[16][16];
        for (int i = 0; i < 16; i++) {
            blocks[i][i] = true;
        }
        BoundaryDimension d = BoxCounting.ofBoundary(blocks);
        assertThat(d.boxSizes()).containsExactly(1, 2, 4);
        assertThat(d.boxCounts()).containsExactly(16, 8, 4);
        assertThat(d.dimension()).isCloseTo(1, within(1e-12));
        assertThat(d.r2()).isCloseTo(1, within(1e-12));
        assertThat(d.localSlopes()).containsExactly(new double[] {1, 1}, within(1e-12));
        assertThat(d.medianLocalSlope()).isCloseTo(1, within(1e-12));
    }

    @Test
    void aFullGridOfBlocksHasDimensionTwo() {
        boolean[][] blocks = new boolean[32][32];
        for (boolean[] row : blocks) {
            java.util.Arrays.fill(row, true);
        }
        BoundaryDimension d = BoxCounting.ofBoundary(blocks);
        assertThat(d.boxCounts()).containsExactly(1024, 256, 64, 16);
        assertThat(d.dimension()).isCloseTo(2, within(1e-12));
    }

    @Test
    void aDiskHasDimensionOne() {
        BoundaryDimension d = BoxCounting.dimension(KnownBoundaries.disk(1024, 0.35));
        assertThat(d.dimension()).isCloseTo(1, within(0.02));
        assertThat(d.r2()).isGreaterThan(0.999);
        assertThat(d.boxSizes()).containsExactly(1, 2, 4, 8, 16, 32, 64, 128);
    }

    @Test
    void theKochSnowflakeHasDimensionLn4OverLn3() {
        // measured 1.221 at 1024 cells per side (the finest boxes see the raster, not the fractal)
        BoundaryDimension d = BoxCounting.dimension(KnownBoundaries.kochSnowflake(1024, 7));
        assertThat(d.dimension()).isCloseTo(KnownBoundaries.KOCH_DIMENSION, within(0.05));
        assertThat(d.dimension()).isGreaterThan(1.15); // clearly not a smooth curve
        assertThat(d.r2()).isGreaterThan(0.99);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void disksAnywhereHaveDimensionOne(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        int n = 512;
        double r = rng.nextUniform(0.15, 0.45);
        boolean[][] sides = KnownBoundaries.disk(n, r);
        BoundaryDimension d = BoxCounting.dimension(sides);
        assertThat(d.dimension()).as("radius %s", r).isCloseTo(1, within(0.04));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aStraightBoundaryAtAnyAngleHasDimensionOne(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        int n = 256;
        double angle = rng.nextUniform(0, Math.PI);
        double nx = Math.cos(angle);
        double ny = Math.sin(angle);
        boolean[][] sides = new boolean[n][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                sides[y][x] = (x - n / 2.0) * nx + (y - n / 2.0) * ny > 0;
            }
        }
        assertThat(BoxCounting.dimension(sides).dimension()).as("angle %s", angle).isCloseTo(1, within(0.03));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void coinFlipsFillThePlane(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        boolean[][] sides = new boolean[129][129];
        for (boolean[] row : sides) {
            for (int x = 0; x < row.length; x++) {
                row[x] = rng.nextDouble() < 0.5;
            }
        }
        // 1/8 of the finest blocks are unmixed by chance (all four cells alike), so D sits a little below 2
        assertThat(BoxCounting.dimension(sides).dimension()).isCloseTo(2, within(0.05));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void gradientDescentOnAQuadraticHasASmoothBoundary(long seed) {
        SplitMix64 rng = new SplitMix64(100 + seed);
        double a = rng.nextUniform(0.5, 3);
        double c = rng.nextUniform(0.5, 3);
        double b = rng.nextUniform(-0.9, 0.9) * Math.sqrt(a * c);
        boolean[][] diverged = KnownBoundaries.quadraticDescent(256, a, b, c, 0.05, 20, 100);
        BoundaryDimension d = BoxCounting.dimension(diverged);
        assertThat(d.boundaryCells()).isGreaterThan(100);
        assertThat(d.dimension()).as("A = [[%s, %s], [%s, %s]]", a, b, b, c).isCloseTo(1, within(0.02));
    }

    @Test
    void theQuadraticBoundaryIsWhereTheLargestEigenvalueOfDaIsTwo() {
        // a = c = 1, b = 0: D·A = diag(η_x, η_y), diverged exactly when η_x > 2 or η_y > 2
        int n = 65;
        boolean[][] diverged = KnownBoundaries.quadraticDescent(n, 1, 0, 1, 0.5, 8, 200);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double ex = Math.pow(10, Math.log10(0.5) + (Math.log10(8) - Math.log10(0.5)) * x / (n - 1));
                double ey = Math.pow(10, Math.log10(0.5) + (Math.log10(8) - Math.log10(0.5)) * y / (n - 1));
                assertThat(diverged[y][x]).as("η = (%s, %s)", ex, ey).isEqualTo(ex > 2.0001 || ey > 2.0001);
            }
        }
    }

    @Test
    void noBoundaryOrTooFewCellsLeaveTheDimensionUndefined() {
        BoundaryDimension none = BoxCounting.dimension(new boolean[64][64]);
        assertThat(none.defined()).isFalse();
        assertThat(none.dimension()).isNaN();
        assertThat(none.reason()).contains("no boundary");
        BoundaryDimension small = BoxCounting.dimension(KnownBoundaries.disk(12, 0.3));
        assertThat(small.defined()).isFalse();
        assertThat(small.reason()).contains("box sizes").contains("17 cells");
        assertThat(small.medianLocalSlope()).isNaN();
    }

    @Test
    void raggedOrTinyMapsAreRefused() {
        assertThatThrownBy(() -> BoxCounting.boundary(new boolean[][] {{true, false}, {true}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells");
        assertThatThrownBy(() -> BoxCounting.boundary(new boolean[1][5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 rows");
    }
}
