package netdyn.atlas;

import java.io.Serializable;

/**
 * A square-gridded window of a trainability map in the coordinates its grid is spaced in: log10 of the rates
 * for a log-spaced map ({@code logarithmic}), the rates themselves otherwise. The grid has {@code side} rates
 * per axis from centre − half-width to centre + half-width, ends included.
 *
 * @param hiddenCentre    centre along the hidden-layer rate (y)
 * @param hiddenHalfWidth half the window's extent along y, &gt; 0
 * @param outputCentre    centre along the output-layer rate (x)
 * @param outputHalfWidth half the window's extent along x, &gt; 0
 * @param side            rates per axis, ≥ 2
 * @param logarithmic     whether the coordinates are log10 of the rates
 */
public record ZoomWindow(double hiddenCentre, double hiddenHalfWidth, double outputCentre, double outputHalfWidth,
                         int side, boolean logarithmic) implements Serializable {

    public ZoomWindow {
        if (!(hiddenHalfWidth > 0) || !(outputHalfWidth > 0)) {
            throw new IllegalArgumentException("a window needs half-widths > 0 (got " + hiddenHalfWidth + ", "
                    + outputHalfWidth + ")");
        }
        if (side < 2) {
            throw new IllegalArgumentException("a window needs at least 2 rates per axis (got " + side + ")");
        }
    }

    /** The hidden-layer rates of the grid, ascending. */
    public double[] hiddenRates() {
        return rates(hiddenCentre, hiddenHalfWidth);
    }

    /** The output-layer rates of the grid, ascending. */
    public double[] outputRates() {
        return rates(outputCentre, outputHalfWidth);
    }

    private double[] rates(double centre, double half) {
        double[] r = new double[side];
        for (int i = 0; i < side; i++) {
            double c = centre - half + 2 * half * i / (side - 1);
            r[i] = logarithmic ? Math.pow(10, c) : c;
        }
        return r;
    }

    /** This window shrunk by {@code factor} about a new centre (in this window's coordinates). */
    public ZoomWindow zoomed(double factor, double newHiddenCentre, double newOutputCentre) {
        return new ZoomWindow(newHiddenCentre, hiddenHalfWidth / factor, newOutputCentre, outputHalfWidth / factor,
                side, logarithmic);
    }

    /**
     * The window of a grid: its end values and count, logarithmic when every value is &gt; 0 and the ratios of
     * neighbours agree to 1e-9 (a {@code FROM:TO:log:N} range) and there are at least 3.
     */
    public static ZoomWindow of(double[] hidden, double[] output) {
        if (hidden.length != output.length) {
            throw new IllegalArgumentException("a deep zoom needs as many hidden as output rates (got "
                    + hidden.length + " and " + output.length + ")");
        }
        boolean log = geometric(hidden) && geometric(output);
        double h0 = log ? Math.log10(hidden[0]) : hidden[0];
        double h1 = log ? Math.log10(hidden[hidden.length - 1]) : hidden[hidden.length - 1];
        double o0 = log ? Math.log10(output[0]) : output[0];
        double o1 = log ? Math.log10(output[output.length - 1]) : output[output.length - 1];
        return new ZoomWindow(0.5 * (h0 + h1), 0.5 * (h1 - h0), 0.5 * (o0 + o1), 0.5 * (o1 - o0), hidden.length, log);
    }

    private static boolean geometric(double[] v) {
        if (v.length < 3 || !(v[0] > 0)) {
            return false;
        }
        double ratio = v[1] / v[0];
        for (int i = 1; i + 1 < v.length; i++) {
            if (Math.abs(v[i + 1] / v[i] / ratio - 1) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
