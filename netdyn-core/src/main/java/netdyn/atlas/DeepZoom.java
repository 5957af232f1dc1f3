package netdyn.atlas;

import java.util.ArrayList;
import java.util.List;

import netdyn.BadInputException;
import netdyn.fractal.BoundaryDimension;
import netdyn.fractal.BoxCounting;
import netdyn.sweep.Axis;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepSpec;

/**
 * A trainability map zoomed into its own boundary level after level, as Sohl-Dickstein (2024,
 * arXiv:2402.06184) zooms over more than ten decades: level 0 is the map as given; each next level resamples,
 * at the same resolution, a window {@code factor} times smaller in each direction, centred on a boundary cell
 * ({@link #nextWindow}): the one nearest the window's centre (a zoom into one point of the boundary, whatever
 * its structure there), or the one with the most boundary around it (the densest structure, which favours
 * speckled regions and so the largest dimensions). Every level's boundary gets its box-counting dimension, so
 * the dimension can be read against scale. Each level is an ordinary resumable sweep; run again, the zoom
 * recomputes the same windows from the stored rows and continues where it stopped.
 *
 * <pre>{@code
 * SweepSpec map = ...; // lr-hidden and lr-output axes, FROM:TO:log:N
 * DeepZoom.Result zoom = DeepZoom.run(map, 11, 10, (level, sweep) ->
 *         LocalSweep.of(sweep).run(dir.resolve(DeepZoom.directory(level)), LocalSweep.Options.defaults()));
 * }</pre>
 */
public final class DeepZoom {
    /** Where the next window is centred. */
    public enum Target {
        /** The boundary cell nearest the current window's centre: a zoom into one point of the boundary. */
        NEAREST("nearest"),
        /** The boundary cell with the most boundary cells within the next window's extent around it. */
        DENSEST("densest");

        private final String id;

        Target(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Target parse(String text) {
            for (Target t : values()) {
                if (t.id.equals(text.trim())) {
                    return t;
                }
            }
            throw BadInputException.of(DeepZoom.class, "target", ": unknown zoom target '" + text
                    + "' (valid: nearest, densest)");
        }
    }

    /** Runs one level's sweep to its end (or until stopped). */
    @FunctionalInterface
    public interface LevelRunner {
        SweepResult run(int level, SweepSpec sweep);
    }

    /**
     * One level: its window, its width relative to level 0's, its map and the map's boundary dimension.
     *
     * @param scale the window's width over level 0's, factor^−level
     */
    public record Level(int index, ZoomWindow window, double scale, TrainabilityMap map, BoundaryDimension dimension,
                        SweepResult result) {
    }

    /**
     * The levels run, and why the zoom ended before the levels asked for (null when it did not).
     *
     * @param stopped whether the last level was stopped (asked to stop, or a shard); its map is incomplete
     */
    public record Result(List<Level> levels, boolean stopped, String ended) {
        public Result {
            levels = List.copyOf(levels);
        }
    }

    private DeepZoom() {
    }

    /** The sub-directory of a level, {@code level-00}, {@code level-01}, …. */
    public static String directory(int level) {
        return String.format(java.util.Locale.ROOT, "level-%02d", level);
    }

    /**
     * Runs {@code levels} levels from {@code first} (a sweep whose axes are exactly {@code lr-hidden} then
     * {@code lr-output}, with as many rates each), each {@code factor} (&gt; 1) times narrower than the last.
     */
    public static Result run(SweepSpec first, int levels, double factor, LevelRunner runner) {
        return run(first, levels, factor, Target.NEAREST, runner);
    }

    /** As {@link #run(SweepSpec, int, double, LevelRunner)}, each next window centred by {@code target}. */
    public static Result run(SweepSpec first, int levels, double factor, Target target, LevelRunner runner) {
        ZoomWindow window = validate(first, levels, factor);
        List<Level> done = new ArrayList<>();
        SweepSpec sweep = first;
        for (int k = 0; k < levels; k++) {
            SweepResult result = runner.run(k, sweep);
            if (result.stopped() || result.done() < result.tasks()) {
                return new Result(done, true, null);
            }
            TrainabilityMap map = TrainabilityMap.of(result.rows());
            done.add(new Level(k, window, Math.pow(factor, -k), map, map.boundaryDimension(), result));
            if (k + 1 == levels) {
                break;
            }
            ZoomWindow next = nextWindow(map, window, factor, target);
            if (next == null) {
                return new Result(done, false, "level " + k + " has no boundary: no cell diverged, or every cell did");
            }
            if (!resolvable(next)) {
                return new Result(done, false, "level " + (k + 1) + "'s window is below float64's resolution of its "
                        + "rates");
            }
            window = next;
            sweep = levelSweep(first, window);
        }
        return new Result(done, false, null);
    }

    /** The sweep of {@code first} with its rates replaced by the grid of {@code window}. */
    public static SweepSpec levelSweep(SweepSpec first, ZoomWindow window) {
        return new SweepSpec(first.base(), List.of(Axis.numeric(Setting.HIDDEN_RATE, window.hiddenRates()),
                Axis.numeric(Setting.OUTPUT_RATE, window.outputRates())), first.inits(), first.replicas(),
                first.epsilon(), first.measures(), first.tail(), first.target(), first.tailWeight());
    }

    /**
     * The next level's window: {@code factor} times narrower, centred on a boundary block, moved inwards as far as
     * needed to lie inside the current window; null when the map has no boundary. {@link Target#NEAREST}: the
     * block nearest the current centre; {@link Target#DENSEST}: the block with the most boundary blocks within
     * the new window's extent around it, ties to the nearest. Remaining ties: the lowest hidden rate, then the
     * lowest output rate.
     */
    public static ZoomWindow nextWindow(TrainabilityMap map, ZoomWindow current, double factor, Target target) {
        boolean[][] diverged = map.unconverged();
        if (diverged == null) {
            throw new IllegalArgumentException("the map is incomplete: its level did not finish");
        }
        boolean[][] b = BoxCounting.boundary(diverged);
        int ny = b.length;
        int nx = b[0].length;
        // prefix sums: s[y][x] = boundary blocks in [0, y) × [0, x)
        int[][] s = new int[ny + 1][nx + 1];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                s[y + 1][x + 1] = s[y][x + 1] + s[y + 1][x] - s[y][x] + (b[y][x] ? 1 : 0);
            }
        }
        // the new window spans (n − 1)/factor cell spacings; blocks sit half a spacing after their first cell
        double radius = (current.side() - 1) / (2 * factor);
        int r = (int) Math.floor(radius);
        double middle = 0.5 * (current.side() - 1);
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        int by = -1;
        int bx = -1;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                if (!b[y][x]) {
                    continue;
                }
                int y0 = Math.max(0, y - r);
                int y1 = Math.min(ny, y + r + 1);
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(nx, x + r + 1);
                int count = target == Target.NEAREST ? 0 : s[y1][x1] - s[y0][x1] - s[y1][x0] + s[y0][x0];
                double distance = Math.hypot(y + 0.5 - middle, x + 0.5 - middle);
                if (by < 0 || count > best || (count == best && distance < bestDistance)) {
                    best = count;
                    bestDistance = distance;
                    by = y;
                    bx = x;
                }
            }
        }
        if (by < 0) {
            return null;
        }
        double cy = Math.min(Math.max(by + 0.5, radius), current.side() - 1 - radius);
        double cx = Math.min(Math.max(bx + 0.5, radius), current.side() - 1 - radius);
        double hiddenSpacing = 2 * current.hiddenHalfWidth() / (current.side() - 1);
        double outputSpacing = 2 * current.outputHalfWidth() / (current.side() - 1);
        return current.zoomed(factor, current.hiddenCentre() - current.hiddenHalfWidth() + cy * hiddenSpacing,
                current.outputCentre() - current.outputHalfWidth() + cx * outputSpacing);
    }

    /** Whether neighbouring rates of the window are distinct doubles. */
    private static boolean resolvable(ZoomWindow w) {
        return increasing(w.hiddenRates()) && increasing(w.outputRates());
    }

    private static boolean increasing(double[] v) {
        for (int i = 0; i + 1 < v.length; i++) {
            if (!(v[i + 1] > v[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Level 0's window; fails, naming the setting, when {@code first} is not a square map to zoom or the levels
     * or factor are out of range (what {@link #run} checks first, for callers that check before they start).
     */
    public static ZoomWindow validate(SweepSpec first, int levels, double factor) {
        if (levels < 1) {
            throw BadInputException.of(DeepZoom.class, "levels", "must be >= 1 (got " + levels + ")");
        }
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw BadInputException.of(DeepZoom.class, "factor", "must be a finite number > 1 (got " + factor + ")");
        }
        List<Axis> axes = first.axes();
        if (axes.size() != 2 || axes.get(0).setting() != Setting.HIDDEN_RATE
                || axes.get(1).setting() != Setting.OUTPUT_RATE) {
            throw BadInputException.of(DeepZoom.class, "rates", ": a deep zoom needs a trainability map: exactly "
                    + "the axes lr-hidden and lr-output (got " + axes.stream().map(Axis::name).toList() + ")");
        }
        double[] hidden = values(axes.get(0));
        double[] output = values(axes.get(1));
        if (hidden.length != output.length || hidden.length < 17) {
            throw BadInputException.of(DeepZoom.class, "rates", ": a deep zoom needs as many hidden as output "
                    + "rates, at least 17 each, to measure a dimension (got " + hidden.length + " and " + output.length + ")");
        }
        if (!increasing(hidden) || !increasing(output)) {
            throw BadInputException.of(DeepZoom.class, "rates", ": a deep zoom needs ascending rates (a "
                    + "FROM:TO:log:N range)");
        }
        return ZoomWindow.of(hidden, output);
    }

    private static double[] values(Axis a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(a.values().get(i));
        }
        return v;
    }
}
