package netdyn.fractal;

import netdyn.series.LinearFit;

/**
 * The box-counting dimension of the boundary of a two-class map (Sohl-Dickstein 2024, arXiv:2402.06184, §3).
 *
 * <p>The map is a grid of cells, each on one side (true) or the other (false), e.g. training diverged or not.
 * A boundary cell is a 2×2 block of neighbouring cells that are not all on the same side (as Sohl-Dickstein's
 * {@code extract_edges}): an h×w map has an (h−1)×(w−1) grid of blocks. The blocks are tiled by boxes of side
 * s = 1, 2, 4, … blocks, from the origin (a part box at the far edge counts as a box); N(s) counts the boxes
 * that hold a boundary block. D is the least-squares slope of ln N(s) against ln(1/s) for the sides s up to a
 * quarter of the shorter side (at least four boxes across, so the largest boxes do not merely cover the
 * map), with its R² and the local slopes between neighbouring sides.
 *
 * <p>What the resolution allows: a map of side n gives ⌊log₂((n−1)/4)⌋ + 1 box sides (five at n = 65, eight at
 * 513); at least three are needed. On the known answers of {@link KnownBoundaries} (tests, {@code selfcheck}):
 * a disk of radius 0.35 n gives 1 within 0.02 at n = 1024, the Koch snowflake ln 4 / ln 3 = 1.2619 within 0.04
 * at n = 1024, and the smooth stability boundary of gradient descent on a quadratic 1 within 0.05 at n = 512.
 *
 * <p>Cost: O(h·w) time, one boolean grid of (h−1)×(w−1) cells per halving (≤ 2/3 of it in all).
 */
public final class BoxCounting {
    /** At least this many box sides for a fit. */
    public static final int MINIMUM_SIZES = 3;

    private BoxCounting() {
    }

    /**
     * The boundary blocks of {@code sides}: block (y, x) is true when cells (y, x), (y, x+1), (y+1, x),
     * (y+1, x+1) are not all on the same side.
     *
     * @param sides h rows of w cells each, h, w ≥ 2 (not modified)
     * @return (h−1) rows of (w−1) blocks
     */
    public static boolean[][] boundary(boolean[][] sides) {
        int h = sides.length;
        if (h < 2) {
            throw new IllegalArgumentException("a two-class map needs at least 2 rows (got " + h + ")");
        }
        int w = sides[0].length;
        for (boolean[] row : sides) {
            if (row.length != w) {
                throw new IllegalArgumentException("every row of the map needs " + w + " cells (got " + row.length
                        + ")");
            }
        }
        if (w < 2) {
            throw new IllegalArgumentException("a two-class map needs at least 2 columns (got " + w + ")");
        }
        boolean[][] b = new boolean[h - 1][w - 1];
        for (int y = 0; y < h - 1; y++) {
            boolean[] r0 = sides[y];
            boolean[] r1 = sides[y + 1];
            for (int x = 0; x < w - 1; x++) {
                boolean c = r0[x];
                b[y][x] = r0[x + 1] != c || r1[x] != c || r1[x + 1] != c;
            }
        }
        return b;
    }

    /** The box-counting dimension of the boundary of {@code sides} (h×w cells, h, w ≥ 2; not modified). */
    public static BoundaryDimension dimension(boolean[][] sides) {
        return ofBoundary(boundary(sides));
    }

    /** The box-counting dimension of a grid of boundary blocks (from {@link #boundary}, or any set of cells). */
    public static BoundaryDimension ofBoundary(boolean[][] blocks) {
        int h = blocks.length;
        int w = h == 0 ? 0 : blocks[0].length;
        int shorter = Math.min(h, w);
        int sizes = 0;
        for (int s = 1; s <= shorter / 4; s *= 2) {
            sizes++;
        }
        int[] boxSizes = new int[sizes];
        long[] counts = new long[sizes];
        boolean[][] level = blocks;
        for (int j = 0; j < sizes; j++) {
            boxSizes[j] = 1 << j;
            if (j > 0) {
                level = pooled(level);
            }
            counts[j] = count(level);
        }
        long cells = sizes > 0 ? counts[0] : count(blocks);
        if (cells == 0) {
            return undefined(boxSizes, counts, cells, w, h, "no boundary: every cell is on the same side");
        }
        if (sizes < MINIMUM_SIZES) {
            return undefined(boxSizes, counts, cells, w, h, "a " + (w + 1) + "×" + (h + 1) + " map allows "
                    + sizes + " box sizes, " + MINIMUM_SIZES + " are needed (at least 17 cells per side)");
        }
        double[] x = new double[sizes];
        double[] y = new double[sizes];
        for (int j = 0; j < sizes; j++) {
            x[j] = -Math.log(boxSizes[j]);
            y[j] = Math.log(counts[j]);
        }
        double[] local = new double[sizes - 1];
        for (int j = 0; j + 1 < sizes; j++) {
            local[j] = (y[j] - y[j + 1]) / Math.log(2);
        }
        LinearFit fit = LinearFit.of(x, y, 0, sizes - 1);
        return new BoundaryDimension(fit.slope(), fit.r2(), boxSizes, counts, local, cells, w, h, null);
    }

    private static BoundaryDimension undefined(int[] sizes, long[] counts, long cells, int w, int h, String reason) {
        return new BoundaryDimension(Double.NaN, Double.NaN, sizes, counts, new double[0], cells, w, h, reason);
    }

    /** The next tiling: a box of side 2s holds a boundary block when one of its four boxes of side s does. */
    private static boolean[][] pooled(boolean[][] b) {
        int h = b.length;
        int w = b[0].length;
        int ph = (h + 1) / 2;
        int pw = (w + 1) / 2;
        boolean[][] p = new boolean[ph][pw];
        for (int y = 0; y < h; y++) {
            boolean[] row = b[y];
            boolean[] out = p[y / 2];
            for (int x = 0; x < w; x++) {
                if (row[x]) {
                    out[x / 2] = true;
                }
            }
        }
        return p;
    }

    private static long count(boolean[][] b) {
        long n = 0;
        for (boolean[] row : b) {
            for (boolean v : row) {
                if (v) {
                    n++;
                }
            }
        }
        return n;
    }
}
