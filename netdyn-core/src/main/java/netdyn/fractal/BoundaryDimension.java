package netdyn.fractal;

import java.util.Arrays;

/**
 * The box-counting dimension of a boundary: N(s), the number of s×s boxes of a regular tiling that hold a
 * boundary cell, for box sides s = 1, 2, 4, … cells, and the least-squares slope D of ln N(s) against ln(1/s)
 * over them (a smooth curve gives 1, a boundary that fills the plane 2).
 *
 * @param dimension     D, the fitted slope; NaN when undefined ({@link #reason})
 * @param r2            R² of the fit; NaN when undefined
 * @param boxSizes      the box sides fitted, in cells, ascending (powers of 2)
 * @param boxCounts     N(s) for each side
 * @param localSlopes   ln(N(s)/N(2s)) / ln 2 between neighbouring sides (one fewer than the sides);
 *                      their median is Sohl-Dickstein's estimate
 * @param boundaryCells the boundary cells, N(1)
 * @param width         the boundary grid's cells along x
 * @param height        the boundary grid's cells along y
 * @param reason        why the dimension is undefined, or null
 */
public record BoundaryDimension(double dimension, double r2, int[] boxSizes, long[] boxCounts, double[] localSlopes,
                                long boundaryCells, int width, int height, String reason) {

    public BoundaryDimension {
        boxSizes = boxSizes.clone();
        boxCounts = boxCounts.clone();
        localSlopes = localSlopes.clone();
    }

    @Override
    public int[] boxSizes() {
        return boxSizes.clone();
    }

    @Override
    public long[] boxCounts() {
        return boxCounts.clone();
    }

    @Override
    public double[] localSlopes() {
        return localSlopes.clone();
    }

    /** An undefined dimension of a w×h grid of boundary blocks, with why, and no box counts. */
    public static BoundaryDimension undefined(int width, int height, String reason) {
        return new BoundaryDimension(Double.NaN, Double.NaN, new int[0], new long[0], new double[0], 0, width, height,
                reason);
    }

    /** Whether D was measured (a boundary, and enough box sizes to fit). */
    public boolean defined() {
        return reason == null;
    }

    /** The median of the local slopes (Sohl-Dickstein's estimator); NaN without slopes. */
    public double medianLocalSlope() {
        if (localSlopes.length == 0 || !defined()) {
            return Double.NaN;
        }
        double[] s = localSlopes.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** The smallest box side fitted, in cells (0 when undefined). */
    public int smallestBox() {
        return boxSizes.length == 0 ? 0 : boxSizes[0];
    }

    /** The largest box side fitted, in cells (0 when undefined). */
    public int largestBox() {
        return boxSizes.length == 0 ? 0 : boxSizes[boxSizes.length - 1];
    }
}
