package netdyn.fractal;

import java.util.Arrays;

/**
 * Two-class maps whose boundary has a known box-counting dimension, for {@link BoxCounting}'s tests and
 * {@code selfcheck}: a disk (a smooth closed curve, dimension 1), the Koch snowflake (ln 4 / ln 3 = 1.2619;
 * Mandelbrot, <i>The Fractal Geometry of Nature</i>, 1982, ch. 6) and the stability boundary of gradient descent
 * on a quadratic loss with one learning rate per coordinate (the smooth curve where the largest eigenvalue of
 * D·A reaches 2, dimension 1). Each is an n×n grid, row y and column x, cell centres at (x + ½, y + ½).
 */
public final class KnownBoundaries {
    /** The Koch snowflake's dimension, ln 4 / ln 3. */
    public static final double KOCH_DIMENSION = Math.log(4) / Math.log(3);

    private KnownBoundaries() {
    }

    /** True inside the disk of radius {@code radius}·n about the grid's centre. */
    public static boolean[][] disk(int n, double radius) {
        boolean[][] inside = new boolean[n][n];
        double c = 0.5 * n;
        double r2 = radius * n * radius * n;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = x + 0.5 - c;
                double dy = y + 0.5 - c;
                inside[y][x] = dx * dx + dy * dy <= r2;
            }
        }
        return inside;
    }

    /**
     * True inside the Koch snowflake of {@code level} refinements (3·4^level edges) scaled to span 90 % of the
     * grid, filled by scan lines with the even-odd rule.
     */
    public static boolean[][] kochSnowflake(int n, int level) {
        double[] xs = {0, 1, 0.5, 0};
        double[] ys = {0, 0, Math.sqrt(3) / 2, 0};
        for (int l = 0; l < level; l++) {
            int edges = xs.length - 1;
            double[] nx = new double[4 * edges + 1];
            double[] ny = new double[4 * edges + 1];
            for (int e = 0; e < edges; e++) {
                double px = xs[e];
                double py = ys[e];
                double dx = (xs[e + 1] - px) / 3;
                double dy = (ys[e + 1] - py) / 3;
                // the peak: the middle third turned 60° to the right, outward for a counter-clockwise polygon
                double cos = 0.5;
                double sin = -Math.sqrt(3) / 2;
                int k = 4 * e;
                nx[k] = px;
                ny[k] = py;
                nx[k + 1] = px + dx;
                ny[k + 1] = py + dy;
                nx[k + 2] = px + dx + (cos * dx - sin * dy);
                ny[k + 2] = py + dy + (sin * dx + cos * dy);
                nx[k + 3] = px + 2 * dx;
                ny[k + 3] = py + 2 * dy;
            }
            nx[4 * edges] = xs[edges];
            ny[4 * edges] = ys[edges];
            xs = nx;
            ys = ny;
        }
        double minX = Arrays.stream(xs).min().orElseThrow();
        double maxX = Arrays.stream(xs).max().orElseThrow();
        double minY = Arrays.stream(ys).min().orElseThrow();
        double maxY = Arrays.stream(ys).max().orElseThrow();
        double scale = 0.9 * n / Math.max(maxX - minX, maxY - minY);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 0.05 * n + (xs[i] - minX) * scale;
            ys[i] = 0.05 * n + (ys[i] - minY) * scale;
        }
        return filled(n, xs, ys);
    }

    /** Even-odd scan-line fill of the closed polygon (xs[i], ys[i]), last point equal to the first. */
    private static boolean[][] filled(int n, double[] xs, double[] ys) {
        boolean[][] inside = new boolean[n][n];
        double[] crossings = new double[xs.length];
        for (int y = 0; y < n; y++) {
            double yc = y + 0.5;
            int m = 0;
            for (int e = 0; e + 1 < xs.length; e++) {
                double y0 = ys[e];
                double y1 = ys[e + 1];
                if ((y0 <= yc) != (y1 <= yc)) {
                    crossings[m++] = xs[e] + (yc - y0) / (y1 - y0) * (xs[e + 1] - xs[e]);
                }
            }
            Arrays.sort(crossings, 0, m);
            for (int i = 0; i + 1 < m; i += 2) {
                int from = (int) Math.max(0, Math.ceil(crossings[i] - 0.5));
                int to = (int) Math.min(n - 1, Math.floor(crossings[i + 1] - 0.5));
                for (int x = from; x <= to; x++) {
                    inside[y][x] = true;
                }
            }
        }
        return inside;
    }

    /**
     * Gradient descent θ ← θ − D A θ on ½ θᵀAθ, A = [[a, b], [b, c]] positive definite, D = diag(η_x, η_y), for
     * η_x (columns) and η_y (rows) log-spaced over [{@code from}, {@code to}], {@code steps} steps from θ = (1, 1):
     * true where the orbit diverged (‖θ_T‖ &gt; ‖θ_0‖, or not finite). The boundary is the smooth curve where the
     * largest eigenvalue of D·A is 2 (D·A is similar to the positive definite D^½ A D^½), so its dimension is 1.
     */
    public static boolean[][] quadraticDescent(int n, double a, double b, double c, double from, double to,
                                               int steps) {
        if (!(a > 0 && a * c - b * b > 0)) {
            throw new IllegalArgumentException("A = [[" + a + ", " + b + "], [" + b + ", " + c
                    + "]] must be positive definite");
        }
        double[] rates = new double[n];
        double lf = Math.log10(from);
        double lt = Math.log10(to);
        for (int i = 0; i < n; i++) {
            rates[i] = Math.pow(10, lf + (lt - lf) * i / (n - 1));
        }
        boolean[][] diverged = new boolean[n][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double ex = rates[x];
                double ey = rates[y];
                double u = 1;
                double v = 1;
                for (int t = 0; t < steps; t++) {
                    double gu = a * u + b * v;
                    double gv = b * u + c * v;
                    u -= ex * gu;
                    v -= ey * gv;
                }
                double norm = u * u + v * v;
                diverged[y][x] = !(norm <= 2);
            }
        }
        return diverged;
    }
}
