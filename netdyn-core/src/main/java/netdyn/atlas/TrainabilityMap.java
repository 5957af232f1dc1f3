package netdyn.atlas;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import netdyn.fractal.BoundaryDimension;
import netdyn.fractal.BoxCounting;
import netdyn.analysis.ResultKeys;
import netdyn.sweep.ResultRows;

/**
 * The rows of a (hidden-layer rate, output-layer rate) sweep as a grid of {@link Trainability} classes:
 * output-layer rates ({@code lr-output}) along x, hidden-layer rates ({@code lr-hidden}) along y, each
 * the distinct values of the rows, ascending. A cell holds the class of its row (of its last row when the
 * sweep has several inits); a cell no row reached holds null.
 */
public final class TrainabilityMap {
    private final double[] output;
    private final double[] hidden;
    private final Trainability[][] cells;
    private final Map<String, Object>[][] rows;

    @SuppressWarnings("unchecked")
    private TrainabilityMap(double[] output, double[] hidden, Trainability[][] cells) {
        this.output = output;
        this.hidden = hidden;
        this.cells = cells;
        this.rows = new Map[hidden.length][output.length];
    }

    /** The map of these rows (of a sweep with {@code lr-hidden} and {@code lr-output} axes). */
    public static TrainabilityMap of(List<Map<String, Object>> rows) {
        double[] output = distinct(rows, "lr-output");
        double[] hidden = distinct(rows, "lr-hidden");
        Trainability[][] cells = new Trainability[hidden.length][output.length];
        TrainabilityMap map = new TrainabilityMap(output, hidden, cells);
        for (Map<String, Object> r : rows) {
            cells[map.y(r)][map.x(r)] = Trainability.of(r);
            map.rows[map.y(r)][map.x(r)] = r;
        }
        return map;
    }

    private static double[] distinct(List<Map<String, Object>> rows, String key) {
        TreeSet<Double> values = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            values.add(ResultRows.number(r, key));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The output-layer rates, ascending (x). */
    public double[] output() {
        return output.clone();
    }

    /** The hidden-layer rates, ascending (y). */
    public double[] hidden() {
        return hidden.clone();
    }

    /** The column of a row of the map. */
    public int x(Map<String, Object> row) {
        return Arrays.binarySearch(output, ResultRows.number(row, "lr-output"));
    }

    /** The line of a row of the map. */
    public int y(Map<String, Object> row) {
        return Arrays.binarySearch(hidden, ResultRows.number(row, "lr-hidden"));
    }

    /** The class of cell (y, x); null when no row reached it. */
    public Trainability at(int y, int x) {
        return cells[y][x];
    }

    /** Losses averaged at the end of a run for {@link #unconverged}: Sohl-Dickstein's 20. */
    public static final int CONVERGENCE_WINDOW = 20;

    /**
     * Which cells did not converge (true), row y (hidden rate) by column x (output rate), by Sohl-Dickstein's
     * criterion: a run converged when its losses are finite and the mean of its last 20 recorded losses
     * ({@code lossTail}; fewer when the tail is shorter, the final loss without one) is below its initial loss.
     * The two classes whose boundary {@link #boundaryDimension} measures; null when a cell has no row yet.
     */
    public boolean[][] unconverged() {
        boolean[][] d = new boolean[hidden.length][output.length];
        for (int y = 0; y < hidden.length; y++) {
            for (int x = 0; x < output.length; x++) {
                if (rows[y][x] == null) {
                    return null;
                }
                d[y][x] = !converged(rows[y][x]);
            }
        }
        return d;
    }

    private static boolean converged(Map<String, Object> row) {
        if (ResultRows.diverged(row)) {
            return false;
        }
        double initial = ResultRows.number(row, "initialLoss");
        double end = ResultRows.number(row, "finalLoss");
        if (row.get(ResultKeys.LOSS_TAIL) instanceof double[] tail && tail.length > 0) {
            int from = Math.max(0, tail.length - CONVERGENCE_WINDOW);
            double sum = 0;
            for (int i = from; i < tail.length; i++) {
                sum += tail[i];
            }
            end = sum / (tail.length - from);
        }
        return Double.isFinite(end) && end < initial;
    }

    /**
     * The box-counting dimension of the boundary between converged and unconverged cells ({@link #unconverged},
     * {@link BoxCounting}); undefined, with its reason, for an incomplete map or one without a boundary.
     */
    public BoundaryDimension boundaryDimension() {
        return dimensionOf(unconverged());
    }

    /**
     * The box-counting dimension of the boundary the map is drawn and zoomed by: {@link Trainability#TRAINED}
     * cells against the others (stalled or diverged); undefined, with its reason, as {@link #boundaryDimension}.
     */
    public BoundaryDimension trainedBoundaryDimension() {
        boolean[][] untrained = new boolean[hidden.length][output.length];
        for (int y = 0; y < hidden.length; y++) {
            for (int x = 0; x < output.length; x++) {
                if (cells[y][x] == null) {
                    return dimensionOf(null);
                }
                untrained[y][x] = cells[y][x] != Trainability.TRAINED;
            }
        }
        return dimensionOf(untrained);
    }

    /** The dimension of a two-class grid of this map, null for an incomplete map. */
    private BoundaryDimension dimensionOf(boolean[][] sides) {
        int w = Math.max(0, output.length - 1);
        int h = Math.max(0, hidden.length - 1);
        if (sides == null) {
            return BoundaryDimension.undefined(w, h, "the map is incomplete");
        }
        if (hidden.length < 2 || output.length < 2) {
            return BoundaryDimension.undefined(w, h, "a map needs at least 2 rates per axis");
        }
        return BoxCounting.dimension(sides);
    }

    /** The fraction of cells that did not converge ({@link #unconverged}; NaN for an incomplete map). */
    public double unconvergedFraction() {
        boolean[][] d = unconverged();
        if (d == null) {
            return Double.NaN;
        }
        long n = 0;
        for (boolean[] row : d) {
            for (boolean v : row) {
                n += v ? 1 : 0;
            }
        }
        return n / (double) (hidden.length * output.length);
    }

    /**
     * The window where trained and untrained cells mix most, for the zoom: a rectangle of a quarter of the
     * grid's cells per side (at least 2, at most the side), placed where the most neighbouring cell pairs
     * inside it (right and below) differ in being trained; the first such place in row-major order (lowest
     * hidden rate, then lowest output rate) wins ties. Cells no row reached count as untrained.
     */
    public BoundaryWindow boundaryWindow() {
        int nx = output.length;
        int ny = hidden.length;
        if (nx == 0 || ny == 0) {
            throw new IllegalArgumentException("a trainability map needs rows");
        }
        boolean[][] trained = new boolean[ny][nx];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                trained[y][x] = cells[y][x] == Trainability.TRAINED;
            }
        }
        int wx = Math.min(nx, Math.max(2, nx / 4));
        int wy = Math.min(ny, Math.max(2, ny / 4));
        int best = -1;
        int bx = 0;
        int by = 0;
        for (int y0 = 0; y0 + wy <= ny; y0++) {
            for (int x0 = 0; x0 + wx <= nx; x0++) {
                int changes = changesInside(trained, x0, y0, wx, wy);
                if (changes > best) {
                    best = changes;
                    bx = x0;
                    by = y0;
                }
            }
        }
        return new BoundaryWindow(hidden[by], hidden[by + wy - 1], output[bx], output[bx + wx - 1]);
    }

    /** Neighbouring cell pairs (right, below) inside the window that differ. */
    private static int changesInside(boolean[][] c, int x0, int y0, int wx, int wy) {
        int changes = 0;
        for (int y = y0; y < y0 + wy; y++) {
            for (int x = x0; x < x0 + wx; x++) {
                if (x + 1 < x0 + wx && c[y][x] != c[y][x + 1]) {
                    changes++;
                }
                if (y + 1 < y0 + wy && c[y][x] != c[y + 1][x]) {
                    changes++;
                }
            }
        }
        return changes;
    }
}
